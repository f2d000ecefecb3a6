/**
 * A 学信网 report checked against the calendar and the candidate's answers: the checks in
 * src/files/document-checks/ run in list order. Pure: the file's recognised document, the dates
 * and the rules in; findings out.
 */
import type { DocumentFacts } from '../model/files.js';
import type { Finding } from '../model/finding.js';
import type { FileResult } from '../model/report.js';
import type { RuleSet } from '../model/rules.js';
import { fileStatus } from './check-file.js';
import { kindOf } from './document-checks/check.js';
import {
  DOCUMENT_CHECKS,
  type DocumentCheck,
  type DocumentContext,
  type DocumentFindingId,
} from './document-checks/index.js';

export type { DocumentContext, DocumentFindingId };
export { DOCUMENT_CHECKS, validityNeeded } from './document-checks/index.js';

/** The ids of the findings a document's dates and answers can raise. */
export const DOCUMENT_FINDING_IDS: readonly DocumentFindingId[] = [...new Set(DOCUMENT_CHECKS.flatMap((c) => c.ids))];

export function documentFindings(
  document: DocumentFacts,
  context: DocumentContext,
  ruleSet: RuleSet,
): Finding<DocumentFindingId>[] {
  // A kind the platform does not accept is the upload checks' finding (document.type), not ours.
  if (!kindOf(document, ruleSet)?.accepted) return [];
  return (DOCUMENT_CHECKS as readonly DocumentCheck<DocumentFindingId>[]).flatMap((check) =>
    check.applies(document, context, ruleSet) ? check.run(document, context, ruleSet) : [],
  );
}

/** The file with its document's date and answer findings added (and its status recomputed). */
export function withDocumentChecks(file: FileResult, context: DocumentContext, ruleSet: RuleSet): FileResult {
  if (!file.document || file.role !== 'diploma') return file;
  const extra = documentFindings(file.document, context, ruleSet);
  if (extra.length === 0) return file;
  const findings = [...file.findings, ...extra];
  return { ...file, findings, status: fileStatus(findings) };
}
