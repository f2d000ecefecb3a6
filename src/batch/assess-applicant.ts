/** One roster row: its materials folder, files, eligibility and checklist; an optional thumbnail. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { assessCandidate } from '../checklist/assess-candidate.js';
import { checkFile } from '../files/check-file.js';
import { filesInFolder } from '../files/check-files.js';
import { probeFile } from '../files/probe-file.js';
import { fixToFile, resolveFixOutput } from '../files/fix-to-file.js';
import { fixPlan } from '../files/fixable.js';
import type { Calendar } from '../model/calendar.js';
import type { Finding } from '../model/finding.js';
import type { CheckOutcome, FileResult } from '../model/report.js';
import type { RuleSet, UploadRole } from '../model/rules.js';
import type { RosterRow } from './roster-rows.js';

export interface ApplicantResult {
  line: number;
  name: string;
  idMasked?: string;
  folder: string | null;
  rowFindings: Finding[];
  files: FileResult[];
  outcome?: CheckOutcome;
  ready: boolean;
  /** A small JPEG of the photo as a data URI, for the HTML report. */
  thumbnail?: string;
  fixed: { role: string; output: string; status: string }[];
  unfixable: { role: string; reason: string }[];
}

export interface BatchContext {
  ruleSet: RuleSet;
  calendar: Calendar;
  today: string;
  year?: number;
  materials: string;
  /** Write fixed copies under this folder (OUTPUT/fixed/<applicant>/). */
  fixInto?: string;
  thumbnailSize: number;
}

/** Folder candidates in order: the roster's folder column, the name, the ID number's last 6. */
async function findFolder(row: RosterRow, materials: string): Promise<string | null> {
  for (const name of [row.folder, row.name, row.idTail]) {
    if (!name) continue;
    const candidate = path.join(materials, name);
    if ((await stat(candidate).catch(() => undefined))?.isDirectory()) return candidate;
  }
  return null;
}

/** One applicant, whatever happens: an unexpected failure becomes a finding, never a stopped batch. */
export async function assessApplicant(row: RosterRow, context: BatchContext): Promise<ApplicantResult> {
  try {
    return await assess(row, context);
  } catch (error) {
    return {
      line: row.line,
      name: row.name,
      ...(row.idMasked ? { idMasked: row.idMasked } : {}),
      folder: null,
      rowFindings: [...row.findings, { id: 'roster.internal', severity: 'error', measured: { error: String((error as Error)?.message ?? error).split('\n')[0] ?? '' }, args: { line: row.line } }],
      files: [],
      ready: false,
      fixed: [],
      unfixable: [],
    };
  }
}

async function assess(row: RosterRow, context: BatchContext): Promise<ApplicantResult> {
  const rowFindings = [...row.findings];
  const folder = await findFolder(row, context.materials);
  let files: FileResult[] = [];
  let thumbnail: string | undefined;
  if (!folder) {
    rowFindings.push({ id: 'roster.folder', severity: 'error', measured: { tried: [row.folder, row.name, row.idTail ? 'id-last-6' : undefined].filter(Boolean).join(' / ') }, args: { line: row.line, name: row.name } });
  } else {
    const { found } = await filesInFolder(folder);
    for (const input of found) {
      // One decode per file; the photo's thumbnail comes out of the same decode.
      const facts = await probeFile(input.path, { role: input.role!, roleFrom: 'name', ruleSet: context.ruleSet, ...(input.role === 'photo' ? { thumbnailSize: context.thumbnailSize } : {}) });
      if (facts.thumbnail) thumbnail = facts.thumbnail;
      files.push(checkFile(facts, context.ruleSet));
    }
    if (!found.some((f) => f.role === 'photo')) {
      files.unshift({ path: path.join(folder, '照片.jpg'), role: 'photo', status: 'fail', measured: {}, findings: [{ id: 'file.missing', severity: 'error', args: { path: path.join(folder, '照片.jpg'), role: 'photo' } }] });
    }
  }

  const fixed: ApplicantResult['fixed'] = [];
  const unfixable: ApplicantResult['unfixable'] = [];
  if (context.fixInto && folder) {
    const target = path.join(context.fixInto, path.basename(folder));
    for (const file of files) {
      if (file.findings.some((f) => f.id === 'file.missing')) continue;
      const plan = fixPlan(file);
      if (plan === 'replace') unfixable.push({ role: file.role, reason: 'needs-new' });
      if (plan !== 'fix') continue;
      let output: string;
      try {
        output = await resolveFixOutput(file.path, target, true);
      } catch {
        // The fixed copy would land on an original (materials inside the output folder).
        unfixable.push({ role: file.role, reason: 'would-overwrite' });
        continue;
      }
      const outcome = await fixToFile(file.path, file.role as UploadRole, output, context.ruleSet);
      if (outcome.ok) fixed.push({ role: file.role, output: outcome.output, status: outcome.result.status });
      else unfixable.push({ role: file.role, reason: outcome.reason });
    }
  }

  const outcome = row.answers
    ? assessCandidate({ answers: row.answers, ruleSet: context.ruleSet, calendar: context.calendar, today: context.today, files, holder: { name: row.name, ...(row.idMasked ? { idMasked: row.idMasked } : {}) }, ...(context.year ? { year: context.year } : {}) })
    : undefined;
  // issue 13: the files as checked against this applicant's dates and answers (学信网 report validity).
  if (outcome) files = outcome.files;
  const ready = Boolean(outcome?.ready) && !rowFindings.some((f) => f.severity === 'error');
  return {
    line: row.line,
    name: row.name,
    ...(row.idMasked ? { idMasked: row.idMasked } : {}),
    folder,
    rowFindings,
    files,
    ...(outcome ? { outcome } : {}),
    ready,
    ...(thumbnail ? { thumbnail } : {}),
    fixed,
    unfixable,
  };
}
