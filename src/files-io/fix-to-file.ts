/** Fix one file into a new file, atomically, then check the copy with the same checks. */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { FileResult } from '../model/report.js';
import type { RuleSet, UploadRole } from '../model/rules.js';
import { checkFile, fileStatus } from '../files/check-file.js';
import { fixPhoto, fixScan, type FixResult } from './fix-file.js';
import { probeFile } from './probe-file.js';
import { judgeTarget, protectPath, writeSafe, type ReplacePolicy } from '../io/safe-write.js';

export type FixOutcome =
  | {
      ok: true;
      output: string;
      bytes: number;
      width: number;
      height: number;
      quality: number;
      dpi: number;
      inWindow: boolean;
      whitened: boolean;
      result: FileResult;
    }
  | { ok: false; reason: Extract<FixResult, { ok: false }>['reason']; args?: Record<string, number> };

/**
 * `<dir>/<name>.jpg` when the output is a folder. Refuses, before any work, a target that is the
 * input (by device + inode, issue 15), not a regular file, or an existing file `replace` does not allow.
 */
export async function resolveFixOutput(
  input: string,
  output: string,
  isDirectory: boolean,
  replace: ReplacePolicy = 'never',
): Promise<string> {
  const base = path.basename(input).replace(/\.[^.]+$/, '');
  const target = path.resolve(isDirectory ? path.join(output, `${base}.jpg`) : output);
  const original = await realpath(input).catch(() => path.resolve(input));
  const existing = await realpath(target).catch(() => target);
  if (existing === original) throw new UserError('error.fix-overwrite', { file: input });
  await protectPath(input);
  await judgeTarget(target, replace);
  return target;
}

export async function fixToFile(
  input: string,
  role: UploadRole,
  output: string,
  ruleSet: RuleSet,
  replace: ReplacePolicy = 'never',
): Promise<FixOutcome> {
  const facts = await probeFile(input, { role, roleFrom: 'flag', ruleSet });
  let fixed: FixResult;
  try {
    fixed = role === 'photo' ? await fixPhoto(facts, ruleSet) : await fixScan(facts, ruleSet);
  } catch {
    // A file libvips refuses half-way (corrupt data past the header) is not fixable; never a crash.
    return { ok: false, reason: 'undecodable' };
  }
  if (!fixed.ok) return fixed;
  await writeSafe(output, fixed.bytes, { replace });
  let result = checkFile(await probeFile(output, { role, roleFrom: 'flag', ruleSet }), ruleSet);
  // issue 11: an honest verdict. The matte may have kept a chair or lost hair; the copy's own
  // checks cannot see that, so the doubt stays as a finding on the copy.
  if (fixed.doubts?.length) {
    const findings = [
      ...result.findings,
      {
        id: 'photo.background',
        severity: 'warning' as const,
        measured: { doubts: fixed.doubts.join(',') },
        args: { variant: 'matte-unsure', doubts: fixed.doubts.join(',') },
      },
    ];
    result = { ...result, findings, status: fileStatus(findings) };
  }
  return {
    ok: true,
    output,
    bytes: fixed.bytes.length,
    width: fixed.width,
    height: fixed.height,
    quality: fixed.quality,
    dpi: fixed.dpi,
    inWindow: fixed.inWindow,
    whitened: fixed.whitened ?? false,
    result,
  };
}
