/**
 * The key dates of one exam year: published dates where a notice gave them, the candidate's
 * province window where known, and estimates from the documented pattern for everything else.
 * Pure: "today" comes in as data.
 */
import type { Level } from '../model/answers.js';
import type { Calendar, CalendarYear, DateEvent, EventId, PublishedDate, WindowId } from '../model/calendar.js';
import type { RuleSet } from '../model/rules.js';
import { ruleOf, valueOf } from '../rules/rule-access.js';
import { addDays, addMonths, daysBetween, nthWeekday, nthWeekdayOfMonth, weekday, type IsoDay } from './day.js';

export interface EventOptions {
  year: number;
  today: IsoDay;
  province?: string;
  level?: Level;
}

interface Draft {
  start: IsoDay;
  end: IsoDay;
  estimated: boolean;
  source: string;
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
    source: `${calendar.pattern.source}; exam weekend copied from ${from} (${model.source})`,
    basis: { kind: 'estimated', from: String(from) },
  };
}

function fromPublished(date: PublishedDate, basis: DateEvent['basis']): Draft {
  return { start: date.start, end: date.end ?? date.start, estimated: false, source: date.source, basis };
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

export function buildEvents(calendar: Calendar, ruleSet: RuleSet, options: EventOptions): DateEvent[] {
  const { year, province, level } = options;
  const entry = calendar.years[String(year)];
  const pattern = calendar.pattern;
  const p = pattern.source;
  const exam = examDates(calendar, year);
  const drafts = new Map<EventId, Draft>();

  const registration =
    publishedWindow(entry, 'registration', province) ??
    estimate(
      addDays(exam.start, -pattern.registration.startDaysBeforeExam),
      addDays(exam.start, -pattern.registration.startDaysBeforeExam + pattern.registration.lengthDays - 1),
      p,
      'exam',
    );
  drafts.set('photo', estimate(addDays(registration.start, -pattern.photo.daysBeforeRegistration), addDays(registration.start, -1), p, 'registration'));
  drafts.set('registration', registration);
  drafts.set(
    'payment',
    publishedWindow(entry, 'payment', province) ??
      estimate(registration.start, addDays(registration.end, pattern.payment.endDaysAfterRegistrationEnd), p, 'registration'),
  );
  drafts.set(
    'admission-ticket',
    publishedWindow(entry, 'admission-ticket', province) ??
      estimate(addDays(exam.start, -pattern['admission-ticket'].startDaysBeforeExam), exam.end, p, 'exam'),
  );
  drafts.set('exam', exam);
  const scores =
    publishedWindow(entry, 'scores', province) ??
    estimate(addDays(exam.end, pattern.scores.daysAfterExam), addDays(exam.end, pattern.scores.daysAfterExam), p, 'exam');
  drafts.set('scores', scores);
  if (province && valueOf(ruleSet, 'post-exam-review').provinces.includes(province)) {
    const review = pattern['post-exam-review'];
    drafts.set(
      'post-exam-review',
      estimate(addDays(scores.start, review.startDaysAfterScores), addDays(scores.start, review.startDaysAfterScores + review.lengthDays - 1), p, 'scores'),
    );
  }
  const certificate = estimate(
    addDays(scores.start, pattern.certificate.startDaysAfterScores),
    addDays(scores.start, pattern.certificate.startDaysAfterScores + pattern.certificate.lengthDays - 1),
    p,
    'scores',
  );
  drafts.set('certificate', certificate);
  const eCertificate = ruleOf(ruleSet, 'e-certificate');
  drafts.set('e-certificate', { ...certificate, source: `${p}; ${eCertificate.source}` });
  const registrationRule = ruleOf(ruleSet, 'certificate.registration');
  drafts.set(
    'certificate-registration',
    estimate(scores.start, addDays(addMonths(scores.start, registrationRule.value.firstWithinMonths), -1), `${registrationRule.source}; ${p}`, 'scores'),
  );
  const education = ruleOf(ruleSet, 'continuing-education');
  drafts.set(
    'continuing-education',
    estimate(certificate.start, addDays(addMonths(certificate.start, education.value.periodYears * 12), -1), `${education.source}; ${p}`, 'certificate'),
  );
  const counting = ruleOf(ruleSet, 'eligibility.work-counting');
  const cutoff = `${year}-${String(counting.value.cutoffMonth).padStart(2, '0')}-${String(counting.value.cutoffDay).padStart(2, '0')}`;
  drafts.set('work-years-cutoff', { start: cutoff, end: cutoff, estimated: false, source: counting.source, basis: { kind: 'rule' } });

  const papers = level
    ? valueOf(ruleSet, 'papers')[level].map((paper) => ({
        id: paper.id,
        day: paper.day,
        date: addDays(exam.start, paper.day - 1),
        start: paper.start,
        end: paper.end,
      }))
    : undefined;

  return [...drafts.entries()]
    .map(([id, draft]) => {
      const event: DateEvent = {
        id,
        year,
        start: draft.start,
        end: draft.end,
        estimated: draft.estimated,
        source: draft.source,
        daysFromToday: daysBetween(options.today, draft.start),
        daysToEnd: daysBetween(options.today, draft.end),
        timing: options.today < draft.start ? 'upcoming' : options.today > draft.end ? 'passed' : 'open',
        basis: draft.basis,
      };
      if (id === 'exam' && papers) event.papers = papers;
      return event;
    })
    .sort((a, b) => (a.start === b.start ? a.end.localeCompare(b.end) : a.start.localeCompare(b.start)));
}

/** The exam year a candidate prepares for on `today`: this year's until its exam is over, then next. */
export function upcomingExamYear(calendar: Calendar, today: IsoDay): number {
  const year = Number(today.slice(0, 4));
  return today > examDates(calendar, year).end ? year + 1 : year;
}
