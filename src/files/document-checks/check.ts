/**
 * What a 学信网 document check is: the shape of an upload check (src/files/checks/check.ts), over
 * the recognised report and what it is compared with (the dates, the answers, the holder) instead
 * of the file's facts. src/files/document-checks/index.ts lists them in output order.
 */
import type { Answers } from '../../model/answers.js';
import type { DateEvent } from '../../model/calendar.js';
import type { DocumentFacts } from '../../model/files.js';
import type { Finding } from '../../model/finding.js';
import type { RuleId, RuleSet } from '../../model/rules.js';
import { ruleValue } from '../../rules/rule-access.js';
import type { SeveritySource } from '../checks/check.js';

export interface DocumentContext {
  today: string;
  /** The candidate's dates: `registration` and, where the province reviews, `post-exam-review`. */
  events: DateEvent[];
  answers?: Pick<Answers, 'education' | 'major' | 'graduated'>;
  /** Who the candidate is, where known (a roster row): the name and the masked ID number. */
  holder?: { name?: string; idMasked?: string };
}

export interface DocumentCheck<Id extends string = string> {
  /** A stable name for tests and for reading the list (kebab-case). */
  readonly name: string;
  /** The finding ids it can produce. */
  readonly ids: readonly Id[];
  /** The rules it reads. */
  readonly rules: readonly RuleId[];
  readonly severity: SeveritySource;
  /** Whether the report and what is known of the candidate give this check something to compare. */
  readonly applies: (document: DocumentFacts, context: DocumentContext, ruleSet: RuleSet) => boolean;
  readonly run: (document: DocumentFacts, context: DocumentContext, ruleSet: RuleSet) => Finding<Id>[];
}

/** Declares a document check (only to infer its ids as a literal union). */
export const documentCheck = <const Id extends string>(check: DocumentCheck<Id>): DocumentCheck<Id> => check;

/** The rule entry of the report's kind, where the rules know it. */
export const kindOf = (document: DocumentFacts, ruleSet: RuleSet) =>
  ruleValue(ruleSet, 'document.kinds').kinds.find((k) => k.id === document.kind);
