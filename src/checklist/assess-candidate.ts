/** One candidate, start to finish: dates, eligibility, checklist, verdict. Pure. */
import type { Answers } from '../model/answers.js';
import type { Calendar } from '../model/calendar.js';
import type { CheckOutcome, FileResult } from '../model/report.js';
import type { RuleSet } from '../model/rules.js';
import { buildEvents, upcomingExamYear } from '../dates/build-events.js';
import { evaluateEligibility } from '../eligibility/evaluate-eligibility.js';
import { buildChecklist } from './build-checklist.js';

export interface AssessInput {
  answers: Answers;
  ruleSet: RuleSet;
  calendar: Calendar;
  today: string;
  /** Exam year; defaults to the one the candidate prepares for on `today`. */
  year?: number;
  files?: FileResult[];
}

export function assessCandidate(input: AssessInput): CheckOutcome {
  const { answers, ruleSet, calendar, today } = input;
  const year = input.year ?? upcomingExamYear(calendar, today, answers.province);
  const events = buildEvents(calendar, ruleSet, { year, today, province: answers.province, level: answers.level });
  const registration = events.find((e) => e.id === 'registration');
  if (!registration) throw new Error('the calendar gave no registration window');
  const registrationMonth = Number(registration.start.split('-')[1]);
  const eligibility = evaluateEligibility(answers, ruleSet, { examYear: year, registrationMonth });
  const files = input.files ?? [];
  const checklist = buildChecklist({ answers, eligibility, events, files, ruleSet, today });
  const errors = [...eligibility.findings, ...files.flatMap((f) => f.findings)].some((f) => f.severity === 'error');
  // Registration for the chosen year has closed: nothing else can make the candidate ready for it.
  const closed = checklist.some((item) => item.id === 'registration.window' && item.status === 'missed');
  return { today, year, answers, eligibility, files, events, checklist, ready: !errors && !closed };
}
