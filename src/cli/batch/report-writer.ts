/**
 * The batch's per-applicant report writer. Each applicant is reported as soon as it is checked:
 * its Markdown and HTML pages, its entry in summary.json and its summary row (thumbnail included)
 * are streamed to temp files. Memory holds only a small index per applicant, whatever the
 * roster's size. At the end the summaries (json, csv, xlsx, report.html) are
 * written from that index, for the applicants finished (all, or those before an interruption).
 */
import { createWriteStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApplicantResult } from '../../assess/assess-applicant.js';
import { rowKey } from '../../assess/assess-applicant.js';
import { type SummaryRow, summaryCsv, summaryRow } from '../../report/batch-summary.js';
import { renderApplicantHtml } from '../../report/render-applicant-html.js';
import {
  type BatchHtmlRow,
  batchPageParts,
  batchRowHtml,
  FIRST_PAINT_ROWS,
  STATUS_ORDER,
  statusCounts,
} from '../../report/render-batch-html.js';
import { applicantMarkdown, runNotes, summaryEntry } from '../../report/render-batch-summary.js';
import { maskIds, maskIdsDeep } from '../../roster/safe-text.js';
import type { RowStatus } from '../../model/eligibility.js';
import type { RosterLayout } from '../../roster/roster-rows.js';
import { commitTemp, createTemp, discardTemp } from '../../io/safe-write.js';
import { buildReport, type Report } from '../../report/build-report.js';
import { localizeFinding, provinceNamer } from '../../report/localize.js';
import { renderMarkdown } from '../../report/render-markdown.js';
import { templatePath } from '../../templates/templates-dir.js';
import type { CommandContext } from '../load-context.js';
import { SCHEMAS } from '../render-registry.js';
import type { OutputFolder } from './output-folder.js';
import { endStream, writeTo } from './streams.js';

/** Where each finished applicant's summary row sits in the rows file (its thumbnail included). */
interface RowIndex {
  line: number;
  ready: boolean;
  status: RowStatus;
  offset: number;
  length: number;
}

export interface RunFacts {
  roster: string;
  encoding: string;
  /** Where the header was, rows that were not applicants, columns not read (said once in the summaries). */
  layout?: RosterLayout;
  total: number;
  materialsChecked: boolean;
  fixed: boolean;
}

/** What the terminal summary needs once the files are written. */
export interface WrittenSummary {
  rows: SummaryRow[];
  notes: string[];
  htmlFile: string;
  /** Files of earlier runs removed (another roster's pages, applicants this run did not reach). */
  removedStale: number;
}

export interface ReportWriter {
  /** Report one checked applicant (nothing, once closed). `onIndexed` hears the count of those reported. */
  add(result: ApplicantResult): Promise<void>;
  /** No applicant is reported after this (the run is over or stopped). */
  close(): void;
  /** How many applicants are reported. */
  readonly finished: number;
  /** The summary files from what was reported; the rows and notes for the terminal. */
  finish(interrupted: boolean): Promise<WrittenSummary>;
  /** Remove the rows file (always, after finish or a failure). */
  discard(): Promise<void>;
}

export async function openReportWriter(
  folder: OutputFolder,
  context: CommandContext,
  facts: RunFacts,
  onIndexed: (count: number) => void,
): Promise<ReportWriter> {
  const { output } = folder;
  const { globals, messages, ruleSet } = context;
  const jsonTemp = await createTemp(output);
  const rowsTemp = await createTemp(output);
  const json = createWriteStream(jsonTemp, { encoding: 'utf8', flags: 'w' });
  const rowsFile = createWriteStream(rowsTemp, { flags: 'w' });
  // A failed write (disk full) rejects the awaited write; without listeners it would crash the process.
  json.on('error', () => undefined);
  rowsFile.on('error', () => undefined);
  const checkTemplate = await readFile(templatePath('report', 'check.html'), 'utf8');
  let noProvince = 0;
  const fixCounts = { fixed: 0, 'needs-new': 0, 'could-not-fix': 0 };
  let readyBeforeFix = 0;
  await writeTo(json, summaryJsonHead(facts, globals.today, ruleSet));
  const index: RowIndex[] = [];
  let rowsBytes = 0;
  let closed = false;
  let entries = 0;
  const fromOutput = folder.relative;

  async function add(result: ApplicantResult): Promise<void> {
    if (closed) return;
    recordFixOutputs(folder, result);
    const pages = await writeApplicantPages(folder, context, checkTemplate, result, () => closed);
    if (!pages || closed) return;
    const { entry, line } = summaryLines(result, pages, messages, fromOutput);
    // From here to the index push nothing awaits: an entry is in summary.json exactly when it is indexed.
    if (closed) return;
    const separator = entries++ ? ',\n' : '';
    const jsonWrite = writeTo(json, `${separator}${JSON.stringify(entry)}`);
    const rowsWrite = writeTo(rowsFile, line);
    index.push({
      line: result.line,
      ready: result.ready,
      status: result.status,
      offset: rowsBytes,
      length: line.length,
    });
    rowsBytes += line.length;
    if (result.outcome && !result.outcome.answers.province) noProvince += 1;
    for (const fix of result.fixes) fixCounts[fix.state] += 1;
    if (result.readyBeforeFix) readyBeforeFix += 1;
    onIndexed(index.length);
    await Promise.all([jsonWrite, rowsWrite]);
  }

  async function finish(interrupted: boolean): Promise<WrittenSummary> {
    index.sort((a, b) => a.line - b.line);
    const readyCount = index.filter((s) => s.ready).length;
    const counts = statusCounts(index);
    const totals: RunTotals = { finished: index.length, ready: readyCount, readyBeforeFix, noProvince, fixCounts };
    await writeTo(json, summaryJsonTail(totals, interrupted, counts, facts));
    await endStream(json);
    await endStream(rowsFile);
    await commitTemp(jsonTemp, path.join(output, 'summary.json'), folder.mayReplace);
    folder.record(path.join(output, 'summary.json'));

    // Summary rows are read back one at a time from the rows file, by the index.
    const rowsHandle = await open(rowsTemp, 'r');
    const readRow = async (at: RowIndex): Promise<BatchHtmlRow> => {
      const buffer = Buffer.alloc(at.length);
      await rowsHandle.read(buffer, 0, at.length, at.offset);
      return JSON.parse(buffer.toString('utf8')) as BatchHtmlRow;
    };
    try {
      const plain = await plainRows(index, readRow);
      await writeSummaryTables(folder, plain, messages);
      const notes = batchNotes(totals, interrupted, facts, ruleSet, messages);
      const htmlFile = await writeBatchHtml(folder, index, readRow, { counts, notes, messages, today: globals.today });
      const removedStale = await folder.removeStale();
      await folder.writeManifest();
      return { rows: plain, notes, htmlFile, removedStale };
    } finally {
      await rowsHandle.close().catch(() => undefined);
    }
  }

  return {
    add,
    close: () => {
      closed = true;
    },
    get finished() {
      return index.length;
    },
    finish,
    discard: () => discardTemp(rowsTemp),
  };
}

/** The counts the summaries end with, over the applicants reported. */
interface RunTotals {
  finished: number;
  ready: number;
  readyBeforeFix: number;
  noProvince: number;
  fixCounts: Record<'fixed' | 'needs-new' | 'could-not-fix', number>;
}

/** summary.json up to its applicants array: the run's facts, known before the first applicant. */
function summaryJsonHead(facts: RunFacts, today: string, ruleSet: CommandContext['ruleSet']): string {
  return `{\n"schema": ${JSON.stringify(SCHEMAS.batch)},\n"today": ${JSON.stringify(today)},\n"roster": ${JSON.stringify(maskIds(path.basename(facts.roster)))},\n"encoding": ${JSON.stringify(facts.encoding)},\n"total": ${facts.total},\n"materialsChecked": ${facts.materialsChecked},\n"fixed": ${facts.fixed},\n"data": ${JSON.stringify(packFacts(ruleSet))},\n"applicants": [\n`;
}

/** summary.json after its applicants array: the counts, known once the run is over. */
function summaryJsonTail(
  totals: RunTotals,
  interrupted: boolean,
  counts: Record<RowStatus, number>,
  facts: RunFacts,
): string {
  return `\n],\n"finished": ${totals.finished},\n"interrupted": ${interrupted},\n"ready": ${totals.ready},\n"statusCounts": ${JSON.stringify(counts)},\n"readyBeforeFix": ${totals.readyBeforeFix},\n"noProvince": ${totals.noProvince},\n"fixCounts": ${JSON.stringify(totals.fixCounts)},\n"rosterLayout": ${JSON.stringify(maskIdsDeep(facts.layout ?? null))}\n}\n`;
}

/** Fixed copies and previews are this run's outputs: a rerun may replace them, and the manifest lists them. */
function recordFixOutputs(folder: OutputFolder, result: ApplicantResult): void {
  for (const fix of result.fixes) {
    if (fix.output) folder.record(fix.output);
    if (fix.preview) folder.record(fix.preview);
  }
}

/** One applicant's pages as written: its report (when it has a verdict) and their paths from the output folder. */
interface ApplicantPages {
  report: Report | undefined;
  /** The Markdown report. */
  relative: string;
  /** The HTML page. */
  page: string;
}

/** The applicant's Markdown report and HTML page; undefined when the run closed between the two writes. */
async function writeApplicantPages(
  folder: OutputFolder,
  context: CommandContext,
  checkTemplate: string,
  result: ApplicantResult,
  closed: () => boolean,
): Promise<ApplicantPages | undefined> {
  const { globals, messages, ruleSet, provinces } = context;
  // The batch's verdict (roster problems included) is the report's verdict, in every output.
  const report = result.outcome
    ? buildReport({ ...result.outcome, ready: result.ready }, { lang: globals.lang, messages, ruleSet, provinces })
    : undefined;
  const stem = path.join('reports', rowKey(result.line, result.name));
  const relative = `${stem}.md`;
  const page = `${stem}.html`;
  const markdown = report ? renderMarkdown(report, { messages, verbose: false }) : undefined;
  // Every output passes through maskIds: an ID number in a folder name, a cell or a path never appears whole.
  await folder.write(
    path.join(folder.output, relative),
    applicantMarkdown(result, markdown, messages, folder.relative),
  );
  if (closed()) return undefined;
  const html = renderApplicantHtml({
    result,
    report,
    messages,
    template: checkTemplate,
    href: (target) => `../${target}`,
    relative: folder.relative,
    meta: messages.batch.generated(globals.today),
    provinceName: provinceNamer(provinces, globals.lang),
  });
  await folder.write(path.join(folder.output, page), maskIds(html));
  return { report, relative, page };
}

/** The applicant's entry in summary.json and its line in the rows file (its summary row, thumbnails included). */
function summaryLines(
  result: ApplicantResult,
  { report, relative, page }: ApplicantPages,
  messages: CommandContext['messages'],
  fromOutput: (file: string) => string,
): { entry: ReturnType<typeof summaryEntry>; line: Buffer } {
  const rowFindings = result.rowFindings.map((f) => localizeFinding(messages, f));
  const entry = summaryEntry(result, report, rowFindings, page, fromOutput);
  const summary: BatchHtmlRow = {
    ...maskIdsDeep(summaryRow(result, report, messages, relative, page, fromOutput)),
    ...(result.thumbnail ? { thumbnail: result.thumbnail } : {}),
    ...(result.thumbnailBefore ? { thumbnailBefore: result.thumbnailBefore } : {}),
  };
  return { entry, line: Buffer.from(`${JSON.stringify(summary)}\n`) };
}

/** The summary rows without thumbnails, read back in index order (CSV and xlsx need no pictures; 20,000 rows are a few MB). */
async function plainRows(index: readonly RowIndex[], readRow: (at: RowIndex) => Promise<BatchHtmlRow>) {
  const plain: SummaryRow[] = [];
  for (const at of index) {
    const { thumbnail: _thumbnail, thumbnailBefore: _before, ...row } = await readRow(at);
    plain.push(row);
  }
  return plain;
}

/** summary.csv, and summary.xlsx streamed to a temp file chunk by chunk (built in memory it took ~230 MB for 20,000 rows). */
async function writeSummaryTables(
  folder: OutputFolder,
  plain: SummaryRow[],
  messages: CommandContext['messages'],
): Promise<void> {
  const { output } = folder;
  await folder.write(path.join(output, 'summary.csv'), summaryCsv(plain, messages));
  const { writeSummaryXlsx } = await import('../../report/summary-xlsx.js');
  const xlsxTemp = await createTemp(output);
  const xlsx = createWriteStream(xlsxTemp, { flags: 'w' });
  xlsx.on('error', () => undefined);
  await writeSummaryXlsx(plain, messages, (chunk) => writeTo(xlsx, chunk));
  await endStream(xlsx);
  await commitTemp(xlsxTemp, path.join(output, 'summary.xlsx'), folder.mayReplace);
  folder.record(path.join(output, 'summary.xlsx'));
}

/** The run's notes (what was not checked, fixed, read), said in report.html and the terminal; the pack last. */
function batchNotes(
  totals: RunTotals,
  interrupted: boolean,
  facts: RunFacts,
  ruleSet: CommandContext['ruleSet'],
  messages: CommandContext['messages'],
): string[] {
  const notes = runNotes(
    {
      finished: totals.finished,
      total: facts.total,
      ready: totals.ready,
      readyBeforeFix: totals.readyBeforeFix,
      interrupted,
      materialsChecked: facts.materialsChecked,
      fixed: facts.fixed,
      noProvince: totals.noProvince,
      fixCounts: totals.fixCounts,
      ...(facts.layout ? { layout: facts.layout } : {}),
    },
    messages,
  );
  if (ruleSet.pack)
    notes.push(
      messages.data.packLine({
        ...packFacts(ruleSet),
        version: ruleSet.pack.version,
        published: ruleSet.pack.publishedThrough,
      }),
    );
  return notes;
}

/** report.html, streamed: not-ready applicants first, each row read back with its thumbnail. Its path. */
async function writeBatchHtml(
  folder: OutputFolder,
  index: readonly RowIndex[],
  readRow: (at: RowIndex) => Promise<BatchHtmlRow>,
  page: { counts: Record<RowStatus, number>; notes: string[]; messages: CommandContext['messages']; today: string },
): Promise<string> {
  const { output } = folder;
  const { messages } = page;
  const template = await readFile(templatePath('report', 'batch.html'), 'utf8');
  const htmlFile = path.join(output, 'report.html');
  const parts = batchPageParts({
    total: index.length,
    counts: page.counts,
    messages,
    template,
    meta: messages.batch.generated(page.today),
    notes: page.notes,
  });
  const htmlTemp = await createTemp(output);
  const html = createWriteStream(htmlTemp, { flags: 'w' });
  html.on('error', () => undefined);
  const ordered = [...index].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  await writeTo(html, parts.before);
  for (const [i, at] of ordered.entries()) {
    if (i === FIRST_PAINT_ROWS) await writeTo(html, parts.between);
    await writeTo(html, `${i && i !== FIRST_PAINT_ROWS ? '\n' : ''}${batchRowHtml(await readRow(at), messages)}`);
  }
  if (ordered.length <= FIRST_PAINT_ROWS) await writeTo(html, parts.between);
  await writeTo(html, parts.after);
  await endStream(html);
  await commitTemp(htmlTemp, htmlFile, folder.mayReplace);
  folder.record(htmlFile);
  return htmlFile;
}

/** The pack behind every report of the run (each applicant's report lists its own dates). */
const packFacts = (ruleSet: CommandContext['ruleSet']) => ({
  ...(ruleSet.pack
    ? {
        pack: ruleSet.pack.version,
        origin: ruleSet.pack.origin,
        checked: ruleSet.pack.checked,
        expires: ruleSet.pack.expires,
        examYear: ruleSet.pack.examYear,
        publishedThrough: ruleSet.pack.publishedThrough,
      }
    : {}),
  overrides: ruleSet.overrides,
});
