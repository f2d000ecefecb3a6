/**
 * The key dates of one exam year: published dates where a notice gave them, the candidate's
 * province window where known, and estimates from the documented pattern for everything else.
 * Pure: "today" comes in as data.
 */
import type { Level } from '../model/answers.js';
import type { Calendar, CalendarYear, DateEvent, EventId, PublishedDate, WindowId } from '../model/calendar.js';
import type { RuleSet } from '../model/rules.js';
import { ruleOf, ruleValue } from '../rules/rule-access.js';
import { addDays, addMonths, daysBetween, nthWeekday, nthWeekdayOfMonth, weekday, type IsoDay } from './day.js';

export interface EventOptions {
  year: number;
  today: IsoDay;
  province?: string;
  level?: Level;
  /** A candidate's own deadlines: without a province, still never the national close. */
  deadlines?: boolean;
}

interface Draft {
  start: IsoDay;
  end: IsoDay;
  estimated: boolean;
  source: string;
  derived?: DateEvent['derived'];
  basis: DateEvent['basis'];
}

export function publishedYears(calendar: Calendar): number[] {
  return Object.keys(calendar.years)
    .map(Number)
    .sort((a, b) => a - b);
}

/** The published year whose pattern an unpublished year copies: the latest one before it (else the first). */
function patternYear(calendar: Calendar, year: number): number {
  const years = publishedYears(calendar);
  const before = years.filter((y) => y < year);
  return before.at(-1) ?? years[0] ?? year;
}

export function examDates(calendar: Calendar, year: number): Draft {
  const published = calendar.years[String(year)]?.exam;
  if (published) return fromPublished(published, { kind: 'published' });
  const from = patternYear(calendar, year);
  const model = calendar.years[String(from)]?.exam;
  if (!model) throw new Error('calendar has no published exam year');
  const [, month] = model.start.split('-').map(Number);
  const start = nthWeekday(year, month ?? 5, weekday(model.start), nthWeekdayOfMonth(model.start));
  return {
    start,
    end: addDays(start, daysBetween(model.start, model.end ?? model.start)),
    estimated: true,
    source: calendar.pattern.source,
    derived: { kind: 'exam-copied', from: String(from), sources: [model.source] },
    basis: { kind: 'estimated', from: String(from) },
  };
}

function fromPublished(date: PublishedDate, basis: DateEvent['basis']): Draft {
  const scoped = date.city && basis.kind === 'province' ? { ...basis, city: date.city } : basis;
  return { start: date.start, end: date.end ?? date.start, estimated: false, source: date.source, basis: scoped };
}

function publishedWindow(entry: CalendarYear | undefined, id: WindowId, province?: string): Draft | undefined {
  const own = province ? entry?.provinces?.[province]?.[id] : undefined;
  if (own) return fromPublished(own, { kind: 'province', province });
  const national = entry?.[id];
  return national ? fromPublished(national, { kind: 'published' }) : undefined;
}

const estimate = (start: IsoDay, end: IsoDay, source: string, from: string): Draft => ({
  start,
  end,
  estimated: true,
  source,
  basis: { kind: 'estimated', from },
});

/** The national registration window of a year: published, else estimated from the exam date. */
function nationalRegistration(calendar: Calendar, year: number, exam: Draft): Draft {
  const pattern = calendar.pattern;
  const published = calendar.years[String(year)]?.registration;
  if (published) return fromPublished(published, { kind: 'published' });
  return estimate(
    addDays(exam.start, -pattern.registration.startDaysBeforeExam),
    addDays(exam.start, -pattern.registration.startDaysBeforeExam + pattern.registration.lengthDays - 1),
    pattern.source,
    'exam',
  );
}

/**
 * For a province whose window is unknown: the earliest provincial close of the latest year (up to
 * this one) with provincial data, at the same distance from that year's national opening. Never the
 * national close: provinces close days before it.
 */
export function conservativeWindow(calendar: Calendar, year: number, national: Draft): Draft | undefined {
  // The latest few years with provincial data (so one early, late-closing province cannot move every
  // other province's date later), and in each the earliest close, as days after the national opening.
  const dataYears = publishedYears(calendar)
    .filter((y) => y <= year && Object.values(calendar.years[String(y)]?.provinces ?? {}).some((p) => p.registration))
    .slice(-calendar.pattern.conservativeYears);
  const candidates = dataYears.map((from) => {
    const entry = calendar.years[String(from)]!;
    const closes = Object.entries(entry.provinces ?? {}).flatMap(([id, windows]) =>
      windows.registration
        ? [{ id, end: windows.registration.end ?? windows.registration.start, source: windows.registration.source }]
        : [],
    );
    const earliest = closes.reduce((min, c) => (c.end < min ? c.end : min), closes[0]!.end);
    const offset = daysBetween(nationalRegistration(calendar, from, examDates(calendar, from)).start, earliest);
    return { from, earliest, offset, closes: closes.filter((c) => c.end === earliest) };
  });
  const best = candidates.reduce<(typeof candidates)[number] | undefined>(
    (min, c) => (!min || c.offset <= min.offset ? c : min),
    undefined,
  );
  if (!best) return undefined;
  const end = addDays(national.start, best.offset);
  const names = best.closes.map((c) => c.id).sort();
  return {
    start: national.start,
    end: end < national.end ? end : national.end,
    estimated: true,
    source: calendar.pattern.source,
    derived: {
      kind: 'earliest-close',
      from: String(best.from),
      sources: [...new Set(best.closes.map((c) => c.source))],
      provinces: names,
      date: best.earliest,
    },
    basis: { kind: 'conservative', from: String(best.from), earliest: names },
  };
}

/**
 * The registration window a candidate in `province` must meet: their own, else a conservative one.
 * Without a province, the national window — or, for a candidate's deadline (`deadlines`), the
 * conservative one too: every province closes before the national close.
 */
export function registrationWindow(calendar: Calendar, year: number, province?: string, deadlines = false): Draft {
  const exam = examDates(calendar, year);
  const national = nationalRegistration(calendar, year, exam);
  // A conservative close always carries the national window it lies in (one wording everywhere).
  const withNational = (draft: Draft | undefined) =>
    draft && { ...draft, basis: { ...draft.basis, national: { start: national.start, end: national.end } } };
  if (!province)
    return (deadlines ? withNational(conservativeWindow(calendar, year, national)) : undefined) ?? national;
  const own = calendar.years[String(year)]?.provinces?.[province]?.registration;
  if (own) return fromPublished(own, { kind: 'province', province });
  const estimate = withNational(conservativeWindow(calendar, year, national));
  return estimate ? { ...estimate, basis: { ...estimate.basis, province } } : national;
}

/** The key dates of one year, each from its own step below, as events relative to `today`, by date. */
export function buildEvents(calendar: Calendar, ruleSet: RuleSet, options: EventOptions): DateEvent[] {
  const { year, province, level } = options;
  const exam = examDates(calendar, year);
  const registration = registrationWindow(calendar, year, province, options.deadlines);
  const scores = scoresWindow(calendar, year, exam, province);
  // In this order: events with the same dates keep it after sorting.
  const drafts = new Map<EventId, Draft>([
    ['photo', photoWindow(calendar, registration)],
    ['registration', registration],
    ['payment', paymentWindow(calendar, year, registration, province)],
    ['admission-ticket', admissionTicketWindow(calendar, year, exam, province)],
    ['exam', exam],
    ['scores', scores],
    ...postExamReview(calendar, ruleSet, scores, province),
    ...(level === 'senior' ? seniorReview(ruleSet, year, options.today) : certificateEvents(calendar, ruleSet, scores)),
    ['work-years-cutoff', workYearsCutoff(ruleSet, year)],
  ]);
  const papers = level ? examPapers(ruleSet, level, exam) : undefined;
  return [...drafts.entries()]
    .map(([id, draft]) => toEvent(id, draft, year, options.today, id === 'exam' ? papers : undefined))
    .sort((a, b) => (a.start === b.start ? a.end.localeCompare(b.end) : a.start.localeCompare(b.start)));
}

/** Preparing the photo: the weeks before registration opens. */
function photoWindow(calendar: Calendar, registration: Draft): Draft {
  const { pattern } = calendar;
  return estimate(
    addDays(registration.start, -pattern.photo.daysBeforeRegistration),
    addDays(registration.start, -1),
    pattern.source,
    'registration',
  );
}

/** Payment: the province's own, else with its registration (province or conservative), else the national one. */
function paymentWindow(calendar: Calendar, year: number, registration: Draft, province?: string): Draft {
  const { pattern } = calendar;
  const entry = calendar.years[String(year)];
  const ownPayment = province ? entry?.provinces?.[province]?.payment : undefined;
  return ownPayment
    ? fromPublished(ownPayment, { kind: 'province', province })
    : registration.basis.kind === 'province' || registration.basis.kind === 'conservative'
      ? // A province's payment closes with its registration at the latest we can vouch for.
        {
          ...registration,
          estimated: true,
          basis: {
            ...registration.basis,
            kind: registration.basis.kind === 'province' ? 'estimated' : 'conservative',
            from: registration.basis.kind === 'province' ? 'registration' : registration.basis.from,
          },
        }
      : (publishedWindow(entry, 'payment') ??
        estimate(
          registration.start,
          addDays(registration.end, pattern.payment.endDaysAfterRegistrationEnd),
          pattern.source,
          'registration',
        ));
}

/** Printing the admission ticket: published, else the days before the exam. */
function admissionTicketWindow(calendar: Calendar, year: number, exam: Draft, province?: string): Draft {
  const { pattern } = calendar;
  return (
    publishedWindow(calendar.years[String(year)], 'admission-ticket', province) ??
    estimate(addDays(exam.start, -pattern['admission-ticket'].startDaysBeforeExam), exam.end, pattern.source, 'exam')
  );
}

/** Scores: published, else a fixed distance after the exam. */
function scoresWindow(calendar: Calendar, year: number, exam: Draft, province?: string): Draft {
  const { pattern } = calendar;
  return (
    publishedWindow(calendar.years[String(year)], 'scores', province) ??
    estimate(
      addDays(exam.end, pattern.scores.daysAfterExam),
      addDays(exam.end, pattern.scores.daysAfterExam),
      pattern.source,
      'exam',
    )
  );
}

/** The post-exam review, in the provinces that hold one. */
function postExamReview(calendar: Calendar, ruleSet: RuleSet, scores: Draft, province?: string): [EventId, Draft][] {
  const review = ruleValue(ruleSet, 'post-exam-review');
  if (!province || !review.provinces.includes(province)) return [];
  const window = calendar.pattern['post-exam-review'];
  return [
    [
      'post-exam-review',
      estimate(
        addDays(scores.start, window.startDaysAfterScores),
        addDays(scores.start, window.startDaysAfterScores + window.lengthDays - 1),
        calendar.pattern.source,
        'scores',
      ),
    ],
  ];
}

/** A senior pass gives a certificate of results; the certificate itself follows the 评审: its application close. */
function seniorReview(ruleSet: RuleSet, year: number, today: IsoDay): [EventId, Draft][] {
  const evaluation = ruleOf(ruleSet, 'senior.evaluation');
  const last = evaluation.value.lastRound;
  // The first round a pass of this year can join, or, once that one has closed, the next round
  // still inside the pass certificate's validity.
  const first = year + evaluation.value.firstRoundAfterExamYears;
  const closeOf = (round: number) =>
    round === last.year ? last.applicationEnd : `${round}${last.applicationEnd.slice(4)}`;
  let roundYear = first;
  while (closeOf(roundYear) < today && roundYear < first + evaluation.value.passCertificateValidYears - 1)
    roundYear += 1;
  const close = closeOf(roundYear);
  return [
    [
      'senior-review',
      {
        start: close,
        end: close,
        estimated: roundYear !== last.year,
        source: evaluation.source,
        basis: roundYear === last.year ? { kind: 'published' } : { kind: 'estimated', from: String(last.year) },
      },
    ],
  ];
}

/** Below senior: the certificate after the scores, its electronic copy, its registration and continuing education. */
function certificateEvents(calendar: Calendar, ruleSet: RuleSet, scores: Draft): [EventId, Draft][] {
  const { pattern } = calendar;
  const p = pattern.source;
  const certificate = estimate(
    addDays(scores.start, pattern.certificate.startDaysAfterScores),
    addDays(scores.start, pattern.certificate.startDaysAfterScores + pattern.certificate.lengthDays - 1),
    p,
    'scores',
  );
  const eCertificate = ruleOf(ruleSet, 'e-certificate');
  const registrationRule = ruleOf(ruleSet, 'certificate.registration');
  const education = ruleOf(ruleSet, 'continuing-education');
  return [
    ['certificate', certificate],
    ['e-certificate', { ...certificate, source: `${p}; ${eCertificate.source}` }],
    [
      'certificate-registration',
      estimate(
        scores.start,
        addDays(addMonths(scores.start, registrationRule.value.firstWithinMonths), -1),
        `${registrationRule.source}; ${p}`,
        'scores',
      ),
    ],
    [
      'continuing-education',
      estimate(
        certificate.start,
        addDays(addMonths(certificate.start, education.value.periodYears * 12), -1),
        `${education.source}; ${p}`,
        'certificate',
      ),
    ],
  ];
}

/** The day work years are counted to, from the rule. */
function workYearsCutoff(ruleSet: RuleSet, year: number): Draft {
  const counting = ruleOf(ruleSet, 'eligibility.work-counting');
  const cutoff = `${year}-${String(counting.value.cutoffMonth).padStart(2, '0')}-${String(counting.value.cutoffDay).padStart(2, '0')}`;
  return { start: cutoff, end: cutoff, estimated: false, source: counting.source, basis: { kind: 'rule' } };
}

/** The level's papers, each on its exam day. */
function examPapers(ruleSet: RuleSet, level: Level, exam: Draft): NonNullable<DateEvent['papers']> {
  return ruleValue(ruleSet, 'papers')[level].map((paper) => ({
    id: paper.id,
    day: paper.day,
    date: addDays(exam.start, paper.day - 1),
    start: paper.start,
    end: paper.end,
  }));
}

/** A draft as an event: where it stands relative to today, with the exam's papers when given. */
function toEvent(id: EventId, draft: Draft, year: number, today: IsoDay, papers?: DateEvent['papers']): DateEvent {
  const event: DateEvent = {
    id,
    year,
    start: draft.start,
    end: draft.end,
    estimated: draft.estimated,
    source: draft.source,
    ...(draft.derived ? { derived: draft.derived } : {}),
    daysFromToday: daysBetween(today, draft.start),
    daysToEnd: daysBetween(today, draft.end),
    timing: today < draft.start ? 'upcoming' : today > draft.end ? 'passed' : 'open',
    basis: draft.basis,
  };
  if (papers) event.papers = papers;
  return event;
}

/** The years `--year` accepts: the first in the calendar to the last it may estimate. */
export function yearRange(calendar: Calendar): { first: number; last: number } {
  const years = publishedYears(calendar);
  return { first: years[0] ?? 0, last: (years.at(-1) ?? 0) + calendar.pattern.estimateYears };
}

/**
 * The exam year a candidate prepares for on `today`: the first whose registration (the province's
 * own window where known, else the national one) has not closed.
 */
export function upcomingExamYear(calendar: Calendar, today: IsoDay, province?: string): number {
  const { last } = yearRange(calendar);
  for (let year = Number(today.slice(0, 4)) - 1; year <= Math.max(last, Number(today.slice(0, 4)) + 1); year += 1) {
    const own = province ? calendar.years[String(year)]?.provinces?.[province]?.registration : undefined;
    const window = own
      ? fromPublished(own, { kind: 'province', province })
      : nationalRegistration(calendar, year, examDates(calendar, year));
    if (today <= window.end) return Math.min(year, last);
  }
  // Past every year the calendar can estimate: the last one (its dates show as passed; the data is out of date).
  return last;
}
