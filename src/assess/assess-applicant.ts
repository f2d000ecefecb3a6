/** One roster row: its materials folder, files, eligibility and checklist; an optional thumbnail. */
import path from 'node:path';
import { assessCandidate } from './assess-candidate.js';
import { checkFile } from '../files/check-file.js';
import { probeWithin } from '../files-io/probe-file.js';
import { fixToFile, resolveFixOutput } from '../files-io/fix-to-file.js';
import { fixPlan } from '../files/fixable.js';
import type { Calendar } from '../model/calendar.js';
import type { FileFacts } from '../model/files.js';
import type { RowStatus } from '../model/eligibility.js';
import type { Finding } from '../model/finding.js';
import type { CheckOutcome, FileResult } from '../model/report.js';
import type { RuleSet, UploadRole } from '../model/rules.js';
import { WriteRefused, type ReplacePolicy } from '../io/safe-write.js';
import { applicantFiles, findFolder, type MaterialsIndex } from '../roster/confine.js';
import type { RosterRow } from '../roster/roster-rows.js';
import type { CarriedValues } from '../model/roster-columns.js';
import { fileNamePart } from '../roster/safe-text.js';

/** One key per roster row (line number + name): its report and fixed-copy folder names. */
export const rowKey = (line: number, name: string) => `${String(line).padStart(4, '0')}-${fileNamePart(name) || 'row'}`;

/**
 * What `--fix` did to one file, as a code: `fixed` (the copy passes the checks),
 * `needs-new` (only a new photo or scan cures it), `could-not-fix` (this tool cannot convert it).
 */
export type FixState = 'fixed' | 'needs-new' | 'could-not-fix';
export interface FixEntry {
  role: string;
  /** The original file. */
  file: string;
  state: FixState;
  /** Why, for needs-new / could-not-fix (a `ui.cannotFix` key, or `still-fails`). */
  reason?: string;
  /** The fixed copy, when one was written. */
  output?: string;
  /** The fixed copy's own check status. */
  statusAfter?: string;
  /** The before/after picture of a photo fix (also when nothing was written: what is wrong, marked). */
  preview?: string;
}

/** What a result repeats of its roster row, taken in one place (rowFacts) on every path. */
export interface RowFacts {
  line: number;
  name: string;
  idMasked?: string;
  level?: string;
  /** The carried columns' cells, as the roster read them (model/roster-columns.ts). */
  carried?: CarriedValues;
}

/** The row's own facts, unchanged: the error path and the main path both start from these. */
export const rowFacts = (row: RosterRow): RowFacts => ({
  line: row.line,
  name: row.name,
  ...(row.idMasked ? { idMasked: row.idMasked } : {}),
  ...(row.level ? { level: row.level } : {}),
  ...(row.carried ? { carried: row.carried } : {}),
});

export interface ApplicantResult extends RowFacts {
  folder: string | null;
  rowFindings: Finding[];
  /** The files as found (the originals). */
  files: FileResult[];
  /** The best available file per role: the fixed copy where one passes, or where the original failed too; else the original. */
  bestFiles: FileResult[];
  /** Readiness and blockers are computed from `bestFiles`. */
  outcome?: CheckOutcome;
  ready: boolean;
  /** Ready, not ready, needs information (an answer decides eligibility) or ineligible. */
  status: RowStatus;
  /** Ready before any fix (equal to `ready` without --fix). */
  readyBeforeFix: boolean;
  /** False in an eligibility-only run (no --materials). */
  materialsChecked: boolean;
  /** A small JPEG of the photo (the fixed one where it passes) as a data URI, for the HTML report. */
  thumbnail?: string;
  /** The original photo's thumbnail when a fixed copy replaced it (reports show before and after). */
  thumbnailBefore?: string;
  fixes: FixEntry[];
}

export interface BatchContext {
  ruleSet: RuleSet;
  calendar: Calendar;
  today: string;
  year?: number;
  /** The materials folder; absent in an eligibility-only run. */
  materials?: string;
  /** Its real path (symlinks resolved): every folder and file read must be inside it. */
  materialsReal?: string;
  /** Its entries, read once for the whole batch. */
  materialsIndex?: MaterialsIndex;
  /** Write fixed copies under this folder (OUTPUT/fixed/<row key>/: line number + name). */
  fixInto?: string;
  /** Which existing fixed copies may be replaced (the output folder's manifest). */
  fixReplace?: ReplacePolicy;
  /** Each file's check is given up after this long (a stuck read or decode). */
  fileTimeLimitMs?: number;
  thumbnailSize: number;
}

/** One applicant, whatever happens: an unexpected failure becomes a finding, never a stopped batch. */
export async function assessApplicant(row: RosterRow, context: BatchContext): Promise<ApplicantResult> {
  try {
    return await assess(row, context);
  } catch (error) {
    // The output folder failing (disk full, read-only) is the run's problem, not this row's.
    if (error instanceof WriteRefused) throw error;
    return {
      ...rowFacts(row),
      folder: null,
      rowFindings: [
        ...row.findings,
        {
          id: 'roster.internal',
          severity: 'error',
          measured: { error: String((error as Error)?.message ?? error).split('\n')[0] ?? '' },
          args: { line: row.line },
        },
      ],
      files: [],
      bestFiles: [],
      ready: false,
      status: 'not-ready',
      readyBeforeFix: false,
      materialsChecked: Boolean(context.materials),
      fixes: [],
    };
  }
}

/** Refusals that only a new photo or scan can answer (the rest are this run's trouble: a target in the way). */
const NEEDS_NEW = new Set([
  'too-small',
  'undecodable',
  'needs-new',
  'no-face',
  'faces-left',
  'faces-right',
  'faces-behind',
  'pose-yaw',
  'pose-pitch',
  'eyes-covered',
  'eyes-closed',
  'tilt',
  'frame-top',
  'frame-sides',
  'frame-bottom',
  'light-dark',
  'light-bright',
  'light-cast',
  'norm-background',
  'norm-edge',
  'norm-head',
  'norm-centre',
  'grey',
]);

/**
 * One row, in the three steps its result is made of: the materials folder checked, the failing
 * files fixed (with --fix), and the verdict on the best files.
 */
async function assess(row: RosterRow, context: BatchContext): Promise<ApplicantResult> {
  const materials = await checkMaterials(row, context);
  const rowFindings = [...row.findings, ...materials.findings];
  const fixed = await fixFiles(row, context, materials);
  const verdict = decide(row, context, materials.files, fixed.bestFiles, rowFindings);
  return {
    ...rowFacts(row),
    folder: materials.folder,
    rowFindings,
    files: verdict.files,
    bestFiles: verdict.bestFiles,
    ...(verdict.outcome ? { outcome: verdict.outcome } : {}),
    ready: verdict.ready,
    status: verdict.status,
    readyBeforeFix: verdict.readyBeforeFix,
    materialsChecked: Boolean(context.materials),
    ...(fixed.thumbnail ? { thumbnail: fixed.thumbnail } : {}),
    ...(fixed.thumbnailBefore ? { thumbnailBefore: fixed.thumbnailBefore } : {}),
    fixes: fixed.fixes,
  };
}

/** The row's materials as checked: its folder (null when none was found), each file's result, and what the fix step reuses. */
interface Materials {
  folder: string | null;
  /** Findings about the folder itself: not found, outside --materials, files refused or unplaced. */
  findings: Finding[];
  files: FileResult[];
  /** The photo's thumbnail, from the check's own decode. */
  thumbnail?: string;
  /** The photo's facts per path: the fix reuses them, so the face model runs once per input. */
  photoFacts: Map<string, FileFacts>;
}

/** Step 1: the row's folder inside --materials, and every file in it checked (nothing without --materials). */
async function checkMaterials(row: RosterRow, context: BatchContext): Promise<Materials> {
  const findings: Finding[] = [];
  let folder: string | null = null;
  const files: FileResult[] = [];
  let thumbnail: string | undefined;
  const photoFacts = new Map<string, FileFacts>();
  if (context.materials && context.materialsReal) {
    const found = await findFolder(row, context.materials, context.materialsReal, context.materialsIndex);
    if ('refused' in found) {
      findings.push({
        id: 'roster.folder-outside',
        severity: 'error',
        measured: { folder: found.cell, reason: found.refused },
        args: { line: row.line, folder: found.cell, reason: found.refused },
      });
    } else if (!found.folder) {
      findings.push({
        id: 'roster.folder',
        severity: 'error',
        measured: { tried: [row.folder, row.name, row.idTail ? 'id-last-6' : undefined].filter(Boolean).join(' / ') },
        args: { line: row.line, name: row.name },
      });
    } else {
      folder = found.folder;
      const { found: inputs, refused, unplaced, extra } = await applicantFiles(folder, context.materialsReal);
      if (unplaced.length || extra.length)
        findings.push({
          id: 'roster.files-unplaced',
          severity: 'info',
          measured: { unplaced, extra },
          args: { line: row.line, unplaced: unplaced.join('、'), extra: extra.join('、') },
        });
      for (const file of refused) {
        findings.push({
          id: 'roster.file-refused',
          severity: 'error',
          measured: { file: path.basename(file.path), reason: file.reason },
          args: { line: row.line, name: row.name, file: path.basename(file.path), reason: file.reason },
        });
      }
      // One decode per file; the photo's thumbnail comes out of the same decode. The files are
      // probed together: their decodes queue on libvips's threads, so the last
      // applicants of a roster still keep both cores busy; results keep the folder's order. Each
      // has its own time limit.
      const probed = await Promise.all(
        inputs.map((input) =>
          probeWithin(
            input.path,
            {
              role: input.role,
              roleFrom: 'name',
              ruleSet: context.ruleSet,
              ...(input.role === 'photo' ? { thumbnailSize: context.thumbnailSize } : {}),
            },
            context.fileTimeLimitMs,
          ),
        ),
      );
      for (const facts of probed) {
        if (facts.thumbnail) thumbnail = facts.thumbnail;
        if (facts.role === 'photo') photoFacts.set(facts.path, facts);
        files.push(checkFile(facts, context.ruleSet));
      }
      if (!inputs.some((f) => f.role === 'photo')) {
        // No photo: say what the folder does hold, never a path nobody gave.
        const present = [...inputs.map((f) => path.basename(f.path)), ...unplaced, ...extra];
        files.unshift({
          path: folder,
          role: 'photo',
          status: 'fail',
          measured: { present },
          findings: [
            {
              id: 'file.missing',
              severity: 'error',
              args: { path: folder, role: 'photo', inFolder: true, present: present.slice(0, 8).join('、') },
            },
          ],
        });
      }
    }
  }
  return { folder, findings, files, ...(thumbnail ? { thumbnail } : {}), photoFacts };
}

/** What --fix made of the row's files: an entry per file it tried, and the best file per role. */
interface Fixed {
  fixes: FixEntry[];
  /** The fixed copy where it passes, or where the original failed too; else the original. */
  bestFiles: FileResult[];
  /** The photo's thumbnail: the fixed copy's when one replaced it. */
  thumbnail?: string;
  /** The original photo's thumbnail when a fixed copy replaced it. */
  thumbnailBefore?: string;
}

/** Step 2: with --fix, a copy of each file the fix plan can cure, re-checked; the rest as they were. */
async function fixFiles(row: RosterRow, context: BatchContext, materials: Materials): Promise<Fixed> {
  const { folder, files, photoFacts } = materials;
  let { thumbnail } = materials;
  let thumbnailBefore: string | undefined;
  const fixes: FixEntry[] = [];
  const bestFiles = [...files];
  if (context.fixInto && folder && context.materials) {
    // One folder per roster row: two 张伟 (in 组1/ and 组2/, or twice in one folder) never share one,
    // and a folder named by an ID number never names an output.
    const target = path.join(context.fixInto, rowKey(row.line, row.name));
    for (const [index, file] of files.entries()) {
      if (file.findings.some((f) => f.id === 'file.missing')) continue;
      const { entry, copy } = await fixOne(file, target, context, photoFacts);
      if (entry) fixes.push(entry);
      if (!copy) continue;
      // The first blocker is computed after fixing: a copy that still fails carries the problems
      // left (its tilt, its background), not the ones the fix cured (the aspect of the original).
      if (copy.passes || file.status === 'fail') bestFiles[index] = copy.result;
      // The report shows the photo before and after: the copy's thumbnail came from its own check.
      if (copy.passes && file.role === 'photo' && copy.thumbnail) {
        thumbnailBefore = thumbnail;
        thumbnail = copy.thumbnail;
      }
    }
  }
  return {
    fixes,
    bestFiles,
    ...(thumbnail ? { thumbnail } : {}),
    ...(thumbnailBefore ? { thumbnailBefore } : {}),
  };
}

/** One file's fix: its entry (none when the plan leaves the file as it is) and, when a copy was written, the copy re-checked. */
interface OneFix {
  entry?: FixEntry;
  copy?: { result: FileResult; passes: boolean; thumbnail?: string };
}

/** One file through its fix plan: a copy under `target` where the plan can cure it, else why not. */
async function fixOne(
  file: FileResult,
  target: string,
  context: BatchContext,
  photoFacts: Map<string, FileFacts>,
): Promise<OneFix> {
  const plan = fixPlan(file);
  if (plan === 'replace')
    return { entry: { role: file.role, file: file.path, state: 'needs-new', reason: 'needs-new' } };
  if (plan !== 'fix') return {};
  let output: string;
  try {
    // The copy's name is the original's, made safe: an ID number in it masked, as in every output.
    const stem = fileNamePart(path.basename(file.path).replace(/\.[^.]+$/, ''), 120);
    output = await resolveFixOutput(
      file.path,
      path.join(target, `${stem || 'file'}.jpg`),
      false,
      context.fixReplace ?? 'never',
    );
  } catch {
    // The fixed copy would land on an original (materials inside the output folder).
    return { entry: { role: file.role, file: file.path, state: 'could-not-fix', reason: 'would-overwrite' } };
  }
  const outcome = await fixToFile(file.path, file.role as UploadRole, output, context.ruleSet, {
    replace: context.fixReplace ?? 'never',
    // The photo's facts from the check above: the face model runs once on the input.
    ...(photoFacts.has(file.path) ? { facts: photoFacts.get(file.path)! } : {}),
    ...(file.role === 'photo' ? { thumbnailSize: context.thumbnailSize } : {}),
  }).catch((error: unknown) => {
    // A copy that cannot be written (an original in the way, a refused target) is this file's problem only.
    if (error instanceof WriteRefused && ['input', 'exists', 'not-regular', 'EISDIR'].includes(error.reason))
      return { ok: false as const, reason: 'would-overwrite' as const };
    throw error;
  });
  if (!outcome.ok)
    return {
      entry: {
        role: file.role,
        file: file.path,
        state: NEEDS_NEW.has(outcome.reason) ? 'needs-new' : 'could-not-fix',
        reason: outcome.reason,
        ...('preview' in outcome && outcome.preview ? { preview: outcome.preview } : {}),
      },
    };
  // The copy was re-checked by fixToFile; it replaces the original only where it passes.
  const passes = outcome.result.status !== 'fail';
  return {
    entry: {
      role: file.role,
      file: file.path,
      state: passes ? 'fixed' : 'needs-new',
      ...(passes ? {} : { reason: 'still-fails' }),
      output: outcome.output,
      statusAfter: outcome.result.status,
      ...(outcome.preview ? { preview: outcome.preview } : {}),
    },
    copy: {
      result: outcome.result,
      passes,
      ...(outcome.outputFacts.thumbnail ? { thumbnail: outcome.outputFacts.thumbnail } : {}),
    },
  };
}

/** The row's verdict: eligibility and checklist on the best files, and before the fix for comparison. */
interface Verdict {
  outcome?: CheckOutcome;
  files: FileResult[];
  bestFiles: FileResult[];
  ready: boolean;
  readyBeforeFix: boolean;
  status: RowStatus;
}

/** Step 3: the verdict on the best files (and on the originals, when a fix replaced one), and the row's status. */
function decide(
  row: RosterRow,
  context: BatchContext,
  checkedFiles: FileResult[],
  bestFiles: FileResult[],
  rowFindings: Finding[],
): Verdict {
  let files = checkedFiles;
  const holder = { name: row.name, ...(row.idMasked ? { idMasked: row.idMasked } : {}) };
  const assessWith = (withFiles: FileResult[]) =>
    row.answers
      ? assessCandidate({
          answers: row.answers,
          ruleSet: context.ruleSet,
          calendar: context.calendar,
          today: context.today,
          files: withFiles,
          holder,
          ...(context.year ? { year: context.year } : {}),
        })
      : undefined;
  const outcome = assessWith(bestFiles);
  const before = bestFiles.some((f, i) => f !== files[i]) ? assessWith(files) : outcome;
  // The files as checked against this applicant's dates and answers (学信网 report validity).
  if (before) files = before.files;
  if (outcome) bestFiles.splice(0, bestFiles.length, ...outcome.files);
  const rowBlocks = rowFindings.some((f) => f.severity === 'error');
  const ready = Boolean(outcome?.ready) && !rowBlocks;
  const readyBeforeFix = Boolean(before?.ready) && !rowBlocks;
  // Without a verdict (a needed answer blank or unreadable) or with an unknown one, the row needs
  // information: the question is its first problem. Ineligible only when no answer could help.
  const verdict = outcome?.eligibility.status;
  const status: RowStatus = ready
    ? 'ready'
    : verdict === undefined || verdict === 'unknown'
      ? 'needs-info'
      : verdict === 'ineligible'
        ? 'ineligible'
        : 'not-ready';
  return { ...(outcome ? { outcome } : {}), files, bestFiles, ready, readyBeforeFix, status };
}
