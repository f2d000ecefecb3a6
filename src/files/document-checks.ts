/**
 * A 学信网 report checked against the calendar and the candidate's answers. The report's
 * online-verification validity must last through the registration window and, where the province
 * holds a post-exam review, through that review; its level and major must agree with the answers.
 * Pure: the file's recognised document, the dates and the rules in; findings out.
 */
import type { Answers } from '../model/answers.js';
import { EDUCATIONS } from '../model/answers.js';
import type { DateEvent } from '../model/calendar.js';
import type { DocumentFacts } from '../model/files.js';
import type { Finding } from '../model/finding.js';
import type { FileResult } from '../model/report.js';
import type { RuleSet } from '../model/rules.js';
import { addDays, addMonths, daysBetween } from '../dates/day.js';
import { ruleValue } from '../rules/rule-access.js';
import { fileStatus } from './check-file.js';

export interface DocumentContext {
  today: string;
  /** The candidate's dates: `registration` and, where the province reviews, `post-exam-review`. */
  events: DateEvent[];
  answers?: Pick<Answers, 'education' | 'major' | 'graduated'>;
  /** Who the candidate is, where known (a roster row): the name and the masked ID number. */
  holder?: { name?: string; idMasked?: string };
}

/** The last day a report must still verify online, and why: the latest window not yet over. */
export function validityNeeded(
  events: DateEvent[],
): { date: string; window: 'registration' | 'review'; estimated: boolean } | null {
  const windows = (['registration', 'post-exam-review'] as const)
    .map((id) => events.find((e) => e.id === id))
    .filter((e): e is DateEvent => e !== undefined && e.timing !== 'passed');
  const last = windows.sort((a, b) => a.end.localeCompare(b.end)).at(-1);
  return last
    ? { date: last.end, window: last.id === 'registration' ? 'registration' : 'review', estimated: last.estimated }
    : null;
}

/** The ids of the findings a document's dates and answers can raise. */
export const DOCUMENT_FINDING_IDS = [
  'document.validity',
  'document.expired',
  'document.expires-before-review',
  'document.mismatch',
] as const;
export type DocumentFindingId = (typeof DOCUMENT_FINDING_IDS)[number];

/** YYYY-MM (a report that gives only the month) → its last day. */
const lastDay = (date: string) => (date.length === 7 ? addDays(addMonths(`${date}-01`, 1), -1) : date);

export function documentFindings(
  document: DocumentFacts,
  context: DocumentContext,
  ruleSet: RuleSet,
): Finding<DocumentFindingId>[] {
  const findings: Finding<DocumentFindingId>[] = [];
  const kind = ruleValue(ruleSet, 'document.kinds').kinds.find((k) => k.id === document.kind);
  if (!kind?.accepted) return findings;
  const validity = ruleValue(ruleSet, 'document.validity');
  const needed = validityNeeded(context.events);
  if (kind.validity) {
    if (!document.validUntil) {
      findings.push({
        id: 'document.validity',
        severity: 'warning',
        measured: { validUntil: null },
        expected: { validThrough: needed?.date ?? null },
        args: { kind: kind.id, needed: needed?.date ?? '' },
      });
    } else {
      const until = lastDay(document.validUntil);
      // How far to extend, and from when that is possible (学信网 allows at most maxDays ahead).
      const extend = needed
        ? {
            extendTo: needed.date,
            window: needed.window,
            estimated: needed.estimated,
            maxDays: validity.maxDays,
            extendFrom:
              daysBetween(context.today, needed.date) > validity.maxDays ? addDays(needed.date, -validity.maxDays) : '',
          }
        : { extendTo: '', window: '', estimated: false, maxDays: validity.maxDays, extendFrom: '' };
      if (until < context.today) {
        findings.push({
          id: 'document.expired',
          // Once every window it must cover is over, an expired report no longer blocks anything.
          severity: needed ? validity.severity : 'warning',
          measured: { validUntil: until, daysAgo: daysBetween(until, context.today) },
          expected: { validThrough: needed?.date ?? context.today },
          args: { kind: kind.id, validUntil: until, days: daysBetween(until, context.today), ...extend },
        });
      } else if (needed && until < needed.date) {
        findings.push({
          id: 'document.expires-before-review',
          severity: validity.severity,
          measured: { validUntil: until },
          expected: { validThrough: needed.date, window: needed.window },
          args: { kind: kind.id, validUntil: until, short: daysBetween(until, needed.date), ...extend },
        });
      }
    }
  }
  const holder = context.holder;
  const plain = (v: string) => v.replace(/\s/g, '');
  if (holder?.name && document.holder && plain(holder.name) !== plain(document.holder)) {
    // A changed name needs the 户籍 proof of the change; a wrong file is simply the wrong file.
    findings.push({
      id: 'document.mismatch',
      severity: 'warning',
      measured: { holder: document.holder },
      expected: { holder: holder.name },
      args: { field: 'name', found: document.holder, answered: holder.name },
    });
  }
  if (holder?.idMasked && document.idNumber && holder.idMasked !== document.idNumber) {
    findings.push({
      id: 'document.mismatch',
      severity: 'warning',
      measured: { idNumber: document.idNumber },
      expected: { idNumber: holder.idMasked },
      args: { field: 'id', found: document.idNumber, answered: holder.idMasked },
    });
  }
  const answers = context.answers;
  if (!answers) return findings;
  const rank = (e: string) => EDUCATIONS.indexOf(e as (typeof EDUCATIONS)[number]);
  if (document.level && document.level !== answers.education) {
    // A report below the answered level does not prove it; one above may be another degree.
    findings.push({
      id: 'document.mismatch',
      severity: rank(document.level) < rank(answers.education) ? 'error' : 'warning',
      measured: { level: document.level, levelText: document.levelText },
      expected: { level: answers.education },
      args: { field: 'level', found: document.level, foundText: document.levelText ?? '', answered: answers.education },
    });
  }
  if (document.socialWork !== null && (document.socialWork ? 'social-work' : 'other') !== answers.major) {
    findings.push({
      id: 'document.mismatch',
      severity: answers.major === 'social-work' ? 'error' : 'warning',
      measured: { major: document.major, socialWork: document.socialWork },
      expected: { major: answers.major },
      args: { field: 'major', found: document.major ?? '', socialWork: document.socialWork, answered: answers.major },
    });
  }
  if (document.graduated && document.graduated.slice(0, 7) !== answers.graduated) {
    findings.push({
      id: 'document.mismatch',
      severity: 'warning',
      measured: { graduated: document.graduated },
      expected: { graduated: answers.graduated },
      args: { field: 'graduated', found: document.graduated.slice(0, 7), answered: answers.graduated },
    });
  }
  return findings;
}

/** The file with its document's date and answer findings added (and its status recomputed). */
export function withDocumentChecks(file: FileResult, context: DocumentContext, ruleSet: RuleSet): FileResult {
  if (!file.document || file.role !== 'diploma') return file;
  const extra = documentFindings(file.document, context, ruleSet);
  if (extra.length === 0) return file;
  const findings = [...file.findings, ...extra];
  return { ...file, findings, status: fileStatus(findings) };
}
