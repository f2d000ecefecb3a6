/**
 * A file's facts and the rules → its result: the checks in src/files/checks/ (pure functions from
 * facts to findings, run in the order listed there), its status and its measured summary. Every
 * finding carries what was measured and what was expected; heuristic checks say so in their args.
 */
import type { Finding } from '../model/finding.js';
import type { FileFacts } from '../model/files.js';
import type { FileResult, FileStatus } from '../model/report.js';
import type { RuleSet } from '../model/rules.js';
import { UPLOAD_CHECKS, type UploadFindingId } from './checks/index.js';

export function fileStatus(findings: Finding[]): FileStatus {
  if (findings.some((f) => f.severity === 'error')) return 'fail';
  if (findings.some((f) => f.severity === 'warning')) return 'warn';
  return 'pass';
}

/** The measured summary of a file (FileResult.measured). */
export function measuredOf(facts: FileFacts): FileResult['measured'] {
  const image = facts.image;
  return {
    format: facts.sniffed,
    extension: facts.extension,
    bytes: facts.bytes,
    ...(image
      ? {
          width: image.width,
          height: image.height,
          orientedWidth: image.orientedWidth,
          orientedHeight: image.orientedHeight,
          orientation: image.orientation,
          space: image.space,
          jfifDpi: image.jfifDpi,
          exifDpi: image.exifDpi,
        }
      : {}),
    ...(facts.pdf
      ? { pages: facts.pdfRead?.ok ? facts.pdfRead.pages : facts.pdf.pages, encrypted: facts.pdf.encrypted }
      : {}),
    // What pdf.js read, or why it could not
    ...(facts.pdfRead?.ok
      ? {
          reader: 'pdfjs',
          textPages: facts.pdfRead.textPages,
          imageOnlyPages: facts.pdfRead.imageOnlyPages,
          readMs: facts.pdfRead.ms,
        }
      : {}),
    ...(facts.pdfRead && !facts.pdfRead.ok ? { reader: 'structure', readFailure: facts.pdfRead.reason } : {}),
  };
}

export function checkFile(facts: FileFacts, ruleSet: RuleSet): FileResult {
  const findings = runChecks(facts, ruleSet);
  return {
    path: facts.path,
    role: facts.role,
    status: fileStatus(findings),
    measured: measuredOf(facts),
    findings,
    ...(facts.document ? { document: facts.document } : {}),
  };
}

/** Runs the list in order; a check that must stand alone (missing, unreadable, empty) ends the run. */
function runChecks(facts: FileFacts, ruleSet: RuleSet): Finding<UploadFindingId>[] {
  const findings: Finding<UploadFindingId>[] = [];
  for (const check of UPLOAD_CHECKS) {
    if (!check.applies(facts, ruleSet)) continue;
    const found = check.run(facts, ruleSet);
    if (check.alone && found.length > 0) return found;
    findings.push(...found);
  }
  return findings;
}
