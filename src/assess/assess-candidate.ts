/** One candidate, start to finish: dates, eligibility, checklist, verdict. Pure. */
import type { Answers } from '../model/answers.js';
import type { Calendar } from '../model/calendar.js';
import type { CheckOutcome, FileResult, RegistrationClosed } from '../model/report.js';
import type { DocumentCase, RuleSet } from '../model/rules.js';
import { buildEvents, examDates, registrationWindow, upcomingExamYear } from '../dates/build-events.js';
import { evaluateEligibility } from '../eligibility/evaluate-eligibility.js';
import { withDocumentChecks } from '../files/document-checks.js';
import { buildChecklist } from '../checklist/build-checklist.js';

export interface AssessInput {
  answers: Answers;
  ruleSet: RuleSet;
  calendar: Calendar;
  today: string;
  /** Exam year; defaults to the one the candidate prepares for on `today`. */
  year?: number;
  files?: FileResult[];
  /** The candidate's name and masked ID number, where known (batch), to compare with a report. */
  holder?: { name?: string; idMasked?: string };
  /** Education facts the online check cannot see (--education-case). */
  educationCases?: DocumentCase[];
}

export function assessCandidate(input: AssessInput): CheckOutcome {
  const { answers, ruleSet, calendar, today } = input;
  const year = input.year ?? upcomingExamYear(calendar, today, answers.province);
  const events = buildEvents(calendar, ruleSet, {
    year,
    today,
    province: answers.province,
    level: answers.level,
    deadlines: true,
  });
  const registration = events.find((e) => e.id === 'registration');
  if (!registration) throw new Error('the calendar gave no registration window');
  const registrationMonth = Number(registration.start.split('-')[1]);
  const eligibility = evaluateEligibility(answers, ruleSet, { examYear: year, registrationMonth });
  // A 学信网 report must stay valid through this candidate's windows and match the answers.
  const files = (input.files ?? []).map((file) =>
    withDocumentChecks(file, { today, events, answers, ...(input.holder ? { holder: input.holder } : {}) }, ruleSet),
  );
  const checklist = buildChecklist({
    answers,
    eligibility,
    events,
    files,
    ruleSet,
    today,
    ...(input.educationCases ? { educationCases: input.educationCases } : {}),
  });
  const errors = [...eligibility.findings, ...files.flatMap((f) => f.findings)].some((f) => f.severity === 'error');
  // Registration for the chosen year has closed: nothing else can make the candidate ready for it.
  const closed = checklist.some((item) => item.id === 'registration.window' && item.status === 'missed');
  const registrationClosed = closedRegistration(calendar, today, year, answers.province, closed, input.year);
  return {
    today,
    year,
    answers,
    eligibility,
    files,
    events,
    checklist,
    // Unknown eligibility is never "go ahead": the missing answer, or the authority's word, comes first.
    ready: !errors && !closed && eligibility.status === 'eligible',
    ...(registrationClosed ? { registrationClosed } : {}),
  };
}

/**
 * The registration that closed: the judged year's (when it has), or — when the default year moved
 * on while the previous cycle is still running — that cycle's, with the next opening either way.
 */
function closedRegistration(
  calendar: Calendar,
  today: string,
  year: number,
  province: string | undefined,
  judgedClosed: boolean,
  pinned: number | undefined,
): RegistrationClosed | undefined {
  const of = (y: number) => registrationWindow(calendar, y, province, true);
  const facts = (y: number, judged: boolean, nextYear: number): RegistrationClosed => {
    const window = of(y);
    const national = registrationWindow(calendar, y, undefined, false);
    const basis =
      window.basis.kind === 'province'
        ? 'province'
        : window.basis.kind === 'conservative'
          ? 'conservative'
          : 'national';
    const next = of(nextYear);
    return {
      year: y,
      closed: window.end,
      estimated: window.estimated,
      basis,
      provinceMayBeOpen: basis === 'conservative' && today <= national.end,
      judged,
      next: { year: nextYear, start: next.start, estimated: next.estimated },
    };
  };
  if (judgedClosed) return facts(year, true, year + 1);
  // Said while that cycle is still running (up to its exam); after it, the next cycle is simply the one.
  if (pinned === undefined && of(year - 1).end < today && today <= examDates(calendar, year - 1).end)
    return facts(year - 1, false, year);
  return undefined;
}
