/** Fix one file into a new file, atomically, then check the copy with the same checks. */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { FileResult } from '../model/report.js';
import type { RuleSet, UploadRole } from '../model/rules.js';
import { checkFile, fileStatus } from '../files/check-file.js';
import type { FileFacts } from '../model/files.js';
import type { Finding } from '../model/finding.js';
import { ruleValue } from '../rules/rule-access.js';
import { poseFinding } from '../files/checks/photo-pose.js';
import { fixPhoto, fixScan } from './fix-file.js';
import type { FixRefusal, FixResult, PhotoChange, PhotoView } from './fix-result.js';
import { previewPathFor, renderPreview } from './photo-preview.js';
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
      /** Photos: what was done, in order, and the written photo's measures against the norm. */
      changes?: PhotoChange[];
      measures?: Extract<FixResult, { ok: true }>['measures'];
      /** The before/after picture written beside the copy (photos). */
      preview?: string;
      /** The copy's own facts (its thumbnail when one was asked for). */
      outputFacts: FileFacts;
      result: FileResult;
    }
  | {
      ok: false;
      reason: FixRefusal;
      args?: Record<string, number | string>;
      /** What is wrong, marked on the original (photos the tool would not write). */
      preview?: string;
    };

export interface FixToFileOptions {
  replace?: ReplacePolicy;
  /** The input's facts when the caller already probed it (the face model then runs once per input). */
  facts?: FileFacts;
  /** A thumbnail of the copy, from the copy's own check. */
  thumbnailSize?: number;
  /** Write the before/after preview PNG beside the copy (photos); on by default. */
  preview?: boolean;
}

/**
 * `<dir>/<name>.jpg` when the output is a folder. Refuses, before any work, a target that is the
 * input (by device + inode), not a regular file, or an existing file `replace` does not allow.
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
  options: FixToFileOptions = {},
): Promise<FixOutcome> {
  const replace = options.replace ?? 'never';
  const facts = options.facts ?? (await probeFile(input, { role, roleFrom: 'flag', ruleSet }));
  let fixed: FixResult;
  try {
    fixed = role === 'photo' ? await fixPhoto(facts, ruleSet) : await fixScan(facts, ruleSet);
  } catch (error) {
    // A file libvips refuses half-way (corrupt data past the header) needs a new file; anything
    // else that fails here is the tool's trouble, said as such (the original is untouched).
    return { ok: false, reason: isDecodeFailure(error) ? 'undecodable' : 'fix-failed' };
  }
  const wantPreview = role === 'photo' && options.preview !== false && facts.image !== undefined;
  if (!fixed.ok) {
    const preview =
      wantPreview && fixed.view ? await writePreview(facts, null, fixed.view, output, ruleSet, replace) : undefined;
    return {
      ok: false,
      reason: fixed.reason,
      ...(fixed.args ? { args: fixed.args } : {}),
      ...(preview ? { preview } : {}),
    };
  }
  await writeSafe(output, fixed.bytes, { replace });
  const outputFacts = await probeFile(output, {
    role,
    roleFrom: 'flag',
    ruleSet,
    ...(options.thumbnailSize ? { thumbnailSize: options.thumbnailSize } : {}),
  });
  let result = checkFile(outputFacts, ruleSet);
  // The written photo meets the tool's own, stricter norm for pose, as the detector sees the copy.
  const pose = outputFacts.face?.faces.length === 1 ? outputFacts.face.faces[0] : undefined;
  const posed = pose && fixed.changes ? writtenPose(pose, ruleSet) : undefined;
  if (posed) {
    const findings = [...result.findings.filter((f) => f.id !== 'photo.pose'), posed];
    result = { ...result, findings, status: fileStatus(findings) };
  }
  const preview = wantPreview
    ? await writePreview(facts, fixed.bytes, fixed.view, output, ruleSet, replace)
    : undefined;
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
    ...(fixed.changes ? { changes: fixed.changes } : {}),
    ...(fixed.measures ? { measures: fixed.measures } : {}),
    ...(preview ? { preview } : {}),
    outputFacts,
    result,
  };
}

/** libvips' and libheif's words for a file whose data cannot be decoded. */
function isDecodeFailure(error: unknown): boolean {
  const message = String((error as Error)?.message ?? error);
  return /vips|jpeg|png|webp|heif|heic|tiff|gif|corrupt|premature|truncat|unsupported image|input (file|buffer)|too many pixels/i.test(
    message,
  );
}

/** An error finding when the copy's pose is beyond the norm for a written photo. */
const writtenPose = (face: NonNullable<FileFacts['face']>['faces'][number], ruleSet: RuleSet): Finding | undefined =>
  poseFinding(face, ruleValue(ruleSet, 'upload.photo.written'), 'error');

/** The preview PNG beside the copy; a preview that cannot be written never fails the fix. */
async function writePreview(
  facts: FileFacts,
  written: Uint8Array | null,
  view: PhotoView | undefined,
  output: string,
  ruleSet: RuleSet,
  replace: ReplacePolicy,
): Promise<string | undefined> {
  try {
    const png = await renderPreview(facts, written, view, ruleSet);
    const target = previewPathFor(output);
    await writeSafe(target, png, { replace });
    return target;
  } catch {
    return undefined;
  }
}
