import type { Answers } from './answers.js';
import type { DateEvent } from './calendar.js';
import type { Eligibility } from './eligibility.js';
import type { DocumentFacts } from './files.js';
import type { Finding, Values } from './finding.js';

export const CHECKLIST_GROUPS = ['eligibility', 'materials', 'registration', 'exam', 'after'] as const;
export type ChecklistGroup = (typeof CHECKLIST_GROUPS)[number];
export const CHECKLIST_STATUSES = ['done', 'todo', 'blocked', 'missed', 'info'] as const;
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];

/** A checklist item as the core builds it: an id and numbers; words come from i18n. */
export interface ChecklistItem {
  id: string;
  group: ChecklistGroup;
  status: ChecklistStatus;
  args: Values;
  /** Deadline (YYYY-MM-DD) when the item has one. */
  due?: string;
  /** Whether `due` is an estimate. */
  dueEstimated?: boolean;
}

export type FileStatus = 'pass' | 'warn' | 'fail';

export interface FileResult {
  path: string;
  role: string;
  status: FileStatus;
  measured: Values;
  findings: Finding[];
  /** The education document read from a PDF's text (codes and ID numbers masked). */
  document?: DocumentFacts;
}

/**
 * A registration that has closed: the one the candidate is judged against (`judged`, a pinned
 * --year), or this calendar year's, which the default moved past to the next cycle.
 */
export interface RegistrationClosed {
  year: number;
  closed: string;
  estimated: boolean;
  /** The province's own window (`province`), a conservative estimate for it, or the national one. */
  basis: 'province' | 'conservative' | 'national';
  /** The province's window is unknown and the national one has not closed: it may still be open. */
  provinceMayBeOpen: boolean;
  judged: boolean;
  /** The next cycle's registration opening. */
  next: { year: number; start: string; estimated: boolean };
}

/** Everything one check run found, before any words are chosen. */
export interface CheckOutcome {
  today: string;
  year: number;
  answers: Answers;
  eligibility: Eligibility;
  files: FileResult[];
  events: DateEvent[];
  checklist: ChecklistItem[];
  ready: boolean;
  registrationClosed?: RegistrationClosed;
}
