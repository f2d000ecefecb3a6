/** Which findings a machine can cure by writing a new file, and which need a new photo or scan. Pure. */
import type { Finding } from '../model/finding.js';
import type { FileResult } from '../model/report.js';
import { UPLOAD_CHECKS, type UploadCheck } from './checks/index.js';

/** The checks that can produce each id (some ids come from two checks: the format and the animation). */
const CHECKS_BY_ID = new Map<string, UploadCheck[]>();
for (const check of UPLOAD_CHECKS as readonly UploadCheck[])
  for (const id of check.ids) CHECKS_BY_ID.set(id, [...(CHECKS_BY_ID.get(id) ?? []), check]);

/** A finding a fixed copy cures: not a note, and one of its checks says a copy cures it. */
export const isFixable = (finding: Finding): boolean =>
  finding.severity !== 'info' && (CHECKS_BY_ID.get(finding.id) ?? []).some((check) => check.cures?.(finding));

export function fixableFindings(file: FileResult) {
  return file.findings.filter(isFixable);
}

export type FixPlan = 'none' | 'fix' | 'replace';

/** 'fix' when a copy would cure something; 'replace' when problems remain that only a new file cures. */
export function fixPlan(file: FileResult): FixPlan {
  if (file.status === 'pass' || file.measured.format === 'pdf') return 'none';
  if (fixableFindings(file).length > 0) return 'fix';
  return file.findings.some((f) => f.severity === 'error' || f.severity === 'warning') ? 'replace' : 'none';
}
