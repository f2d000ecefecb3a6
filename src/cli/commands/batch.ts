/**
 * `shegong batch <roster> --materials <dir> --output <dir>`: every applicant of a roster, checked
 * with bounded concurrency, with progress on stderr; Ctrl-C keeps what is finished.
 */
import os from 'node:os';
import path from 'node:path';
import { open, realpath, stat, unlink, writeFile } from 'node:fs/promises';
import { UserError } from '../../errors.js';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { answersFromFlags, resolveAnswers, type RawAnswers } from '../../answers/resolve-answers.js';
import { problemText } from '../../i18n/messages.js';
import { renderApplicantHtml } from '../../batch/render-applicant-html.js';
import { assessApplicant } from '../../batch/assess-applicant.js';
import { indexMaterials } from '../../batch/confine.js';
import { summaryCsv, summaryRow, type SummaryRow } from '../../batch/batch-summary.js';
import { readRoster } from '../../batch/read-roster.js';
import { readRows } from '../../batch/roster-rows.js';
import { batchPageParts, batchRowHtml, FIRST_PAINT_ROWS, type BatchHtmlRow } from '../../batch/render-batch-html.js';
import { rowKey } from '../../batch/assess-applicant.js';
import { maskIds, maskIdsDeep } from '../../batch/safe-text.js';
import {
  commitTemp,
  createTemp,
  discardTemp,
  judgeTarget,
  removeTemps,
  WriteRefused,
  type ReplacePolicy,
} from '../../files/safe-write.js';
import { mapLimit } from '../../files/map-limit.js';
import { FILE_TIME_LIMIT_MS } from '../../files/probe-file.js';
import { buildReport, localizeFinding } from '../../report/build-report.js';
import { renderMarkdown } from '../../report/render-markdown.js';
import { readFile } from 'node:fs/promises';
import { templatePath } from '../../rules/templates-dir.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import { loadContext } from '../load-context.js';
import { writeAtomic } from '../../files/write-atomic.js';
import { helpWords } from '../../i18n/help.js';
import { applicantMarkdown, runNotes, summaryEntry } from '../../batch/render-batch-summary.js';
import type { BatchOptions } from '../options.js';
import { renderAs } from '../render-registry.js';
import { emit } from '../write-output.js';

/** Batch's own flags, plus every answer flag of check for rows whose column is missing or empty (issue 10). */
export type BatchFlags = BatchOptions;

/** The answer flags as raw answers; each is checked once here, so a bad flag is one usage error, not one per row. */
function batchDefaults(flags: BatchFlags, context: Awaited<ReturnType<typeof loadContext>>): RawAnswers {
  const raw = answersFromFlags(flags);
  const { problems } = resolveAnswers(raw, context.provinces);
  if (problems.length)
    throw new UserError(
      'error.usage',
      {},
      problems.map(({ problem }) => problemText(context.messages, problem.key, problem.args)),
    );
  return raw;
}

/** System folders where a write is never what the user meant (writes there can spin or replace devices). */
const SPECIAL = ['/proc', '/sys', '/dev'];

/** The output folder, made and proven writable before any work; each failure is a sentence (issue 10). */
async function prepareOutput(dir: string): Promise<string> {
  const output = path.resolve(dir);
  const fail = (reason: string): never => {
    throw new UserError('error.output-dir', { dir, reason });
  };
  const real = await realpath(output).catch(() => undefined);
  // A path that does not exist yet: judge its nearest existing parent.
  let probe = output;
  let parentReal: string | undefined = real;
  while (!parentReal && path.dirname(probe) !== probe) {
    probe = path.dirname(probe);
    parentReal = await realpath(probe).catch(() => undefined);
  }
  const judged = parentReal ?? output;
  if (
    SPECIAL.some((root) => judged === root || judged.startsWith(`${root}/`)) ||
    SPECIAL.some((root) => output === root || output.startsWith(`${root}/`))
  )
    fail('special');
  const info = await stat(output).catch(() => undefined);
  if (info && !info.isDirectory()) fail('not-a-folder');
  try {
    await mkdir(output, { recursive: true });
    const test = path.join(output, `.shegong-write-test.${process.pid}`);
    await writeFile(test, '');
    await unlink(test);
  } catch (error) {
    fail((error as NodeJS.ErrnoException).code ?? 'EACCES');
  }
  return output;
}

/** Thumbnails in report.html: small enough that 2,000 rows still open at once (measured). */
const THUMBNAIL_PX = 64;

function progressReporter(total: number, messages: Awaited<ReturnType<typeof loadContext>>['messages']) {
  const tty = Boolean(process.stderr.isTTY);
  const started = Date.now();
  let lastPlain = 0;
  return (done: number) => {
    const elapsed = (Date.now() - started) / 1000;
    const eta = done > 0 && done < total ? `${Math.ceil((elapsed / done) * (total - done))}s` : '';
    if (tty) {
      const width = 24;
      const filled = Math.round((done / Math.max(1, total)) * width);
      process.stderr.write(
        `\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${messages.batch.progress(done, total, eta)}   `,
      );
      if (done === total) process.stderr.write('\n');
    } else if (done === total || done - lastPlain >= Math.max(10, Math.ceil(total / 10))) {
      lastPlain = done;
      process.stderr.write(`${messages.batch.progress(done, total, eta)}\n`);
    }
  };
}

/** Write failures of the output folder mid-run (disk full, drive removed): a sentence, exit 2. */
const OUTPUT_FAILURES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO', 'ENOTDIR', 'ENAMETOOLONG']);

/** The lock (one run per output folder) and the manifest (what shegong wrote there) (issue 15, F13/F4). */
const LOCK = '.shegong.lock';
const MANIFEST = '.shegong-manifest.json';
const SUMMARY_FILES = ['summary.json', 'summary.csv', 'summary.xlsx', 'report.html'];

async function acquireLock(output: string, dir: string): Promise<string> {
  const lock = path.join(output, LOCK);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return lock;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new UserError('error.output-dir', { dir, reason: (error as NodeJS.ErrnoException).code ?? 'EIO' });
    }
    const pid = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10);
    let alive = false;
    if (Number.isInteger(pid) && pid > 0) {
      try {
        process.kill(pid, 0);
        alive = true;
      } catch (error) {
        alive = (error as NodeJS.ErrnoException).code === 'EPERM';
      }
    }
    if (alive) throw new UserError('error.output-locked', { dir, pid: String(pid), lock });
    // A lock left by a run that was killed (kill -9, power cut): stale, taken over.
    await unlink(lock).catch(() => undefined);
  }
  throw new UserError('error.output-locked', { dir, pid: '?', lock });
}

async function readManifest(output: string): Promise<Set<string>> {
  try {
    const parsed = JSON.parse(await readFile(path.join(output, MANIFEST), 'utf8')) as { files?: unknown };
    return new Set(Array.isArray(parsed.files) ? parsed.files.filter((f): f is string => typeof f === 'string') : []);
  } catch {
    return new Set();
  }
}

export async function runBatch(roster: string, flags: BatchFlags, globals: GlobalOptions): Promise<ExitCode> {
  try {
    return await batchRun(roster, flags, globals);
  } catch (error) {
    // A run that failed leaves no temp file behind.
    await removeTemps();
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (!(error instanceof UserError) && code && OUTPUT_FAILURES.has(code))
      throw new UserError('error.output-dir', { dir: flags.output, reason: code });
    throw error;
  }
}

/** Where each finished applicant's summary row sits in the rows file (its thumbnail included). */
interface RowIndex {
  line: number;
  ready: boolean;
  offset: number;
  length: number;
}

/**
 * One write to a stream, settled by its own callback: a stream that failed earlier (disk full)
 * rejects at once instead of waiting for a 'drain' that never comes.
 */
function writeTo(stream: WriteStream, text: string | Uint8Array): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (stream.errored || stream.destroyed) {
      reject(stream.errored ?? Object.assign(new Error('stream closed'), { code: 'EIO' }));
      return;
    }
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

function endStream(stream: WriteStream): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (stream.errored || stream.destroyed) {
      reject(stream.errored ?? Object.assign(new Error('stream closed'), { code: 'EIO' }));
      return;
    }
    stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
  });
}

async function batchRun(roster: string, flags: BatchFlags, globals: GlobalOptions): Promise<ExitCode> {
  const context = await loadContext(globals);
  const { messages, provinces } = context;
  // Without --materials: an eligibility-only run (issue 10).
  if (flags.materials !== undefined && !(await stat(flags.materials).catch(() => undefined))?.isDirectory())
    throw new UserError('error.materials', { dir: flags.materials });
  const materialsReal = flags.materials === undefined ? undefined : await realpath(flags.materials);
  const materialsIndex = flags.materials === undefined ? undefined : await indexMaterials(flags.materials);
  const defaults = batchDefaults(flags, context);
  // Two applicants per core: one decodes while the other runs its JS checks (measured by npm run bench).
  const concurrency = flags.concurrency
    ? Number(flags.concurrency)
    : 2 * Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new UserError('error.usage', {}, [
      helpWords(globals.lang === 'en').usage.concurrency(String(flags.concurrency)),
    ]);

  // The table and the rows live in a holder the run empties when it is done with them (issue 15, F21):
  // nothing in this frame keeps 20,000 rows alive while the summaries are written.
  const pending = await readPending(roster, flags.sheet, provinces, globals.today, defaults);
  process.stderr.write(`${messages.batch.encoding(pending.encoding, pending.rows.length)}\n`);

  const output = await realpath(await prepareOutput(flags.output));
  const lock = await acquireLock(output, flags.output);
  try {
    return await runLocked(pending, output, {
      roster,
      flags,
      globals,
      context,
      materialsReal,
      materialsIndex,
      concurrency,
    });
  } finally {
    await unlink(lock).catch(() => undefined);
  }
}

interface RunInput {
  roster: string;
  flags: BatchFlags;
  globals: GlobalOptions;
  context: Awaited<ReturnType<typeof loadContext>>;
  materialsReal: string | undefined;
  /** The materials folder's entries, read once for the whole batch (issue 14). */
  materialsIndex: Awaited<ReturnType<typeof indexMaterials>> | undefined;
  concurrency: number;
}

type Rows = ReturnType<typeof readRows>['rows'];

async function readPending(
  roster: string,
  sheet: string | undefined,
  provinces: Awaited<ReturnType<typeof loadContext>>['provinces'],
  today: string,
  defaults: RawAnswers,
): Promise<{ rows: Rows; encoding: string }> {
  const table = await readRoster(roster, sheet);
  const { rows, columns } = readRows(table, provinces, today, defaults);
  if (columns.level === undefined && columns.name === undefined)
    throw new UserError('error.roster-header', { encoding: table.encoding });
  return { rows, encoding: table.encoding };
}

async function runLocked(
  pending: { rows: Rows; encoding: string },
  output: string,
  input: RunInput,
): Promise<ExitCode> {
  const { roster, flags, globals, context, materialsReal, materialsIndex, concurrency } = input;
  const total = pending.rows.length;
  let queue: Rows | undefined = pending.rows;
  pending.rows = [];
  const { messages, ruleSet, calendar, provinces } = context;
  // Only files an earlier run recorded may be replaced; never one inside --materials (issue 15, F4).
  const previous = await readManifest(output);
  const written = new Set<string>();
  const relativeTo = (file: string) => path.relative(output, file).split(path.sep).join('/');
  const insideMaterials = (real: string) =>
    materialsReal !== undefined && (real === materialsReal || real.startsWith(materialsReal + path.sep));
  const mayReplace: ReplacePolicy = (real) =>
    !insideMaterials(real) && (previous.has(relativeTo(real)) || written.has(relativeTo(real)));
  for (const name of SUMMARY_FILES) {
    await judgeTarget(path.join(output, name), mayReplace).catch((error: unknown) => {
      if (error instanceof WriteRefused && error.reason === 'exists')
        throw new UserError('error.batch-output-exists', { file: path.join(flags.output, name) });
      throw error;
    });
  }
  const write = async (file: string, content: string | Uint8Array) => {
    await writeAtomic(file, content, mayReplace);
    written.add(relativeTo(file));
  };

  // Ctrl-C once: no new applicant starts, the ones being checked finish. Ctrl-C again, or SIGTERM:
  // stop now. Either way the finished applicants get their summaries (issue 15, F10).
  const controller = new AbortController();
  let stopNow: () => void = () => undefined;
  const stopped = new Promise<'stopped'>((resolve) => (stopNow = () => resolve('stopped')));
  let signalCode: ExitCode | undefined;
  const onInt = () => {
    signalCode ??= EXIT.CANCELLED;
    if (controller.signal.aborted) stopNow();
    controller.abort();
  };
  const onTerm = () => {
    signalCode ??= 143 as ExitCode;
    controller.abort();
    stopNow();
  };
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  const progress = progressReporter(total, messages);

  // Each applicant is reported as soon as it is checked: its Markdown and HTML pages, its entry in
  // summary.json and its summary row (thumbnail included) are streamed to temp files. Memory holds
  // only a small index per applicant, whatever the roster's size (issue 15, F21).
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
  await writeTo(
    json,
    `{\n"schema": "shegong.batch/v1",\n"today": ${JSON.stringify(globals.today)},\n"roster": ${JSON.stringify(maskIds(path.basename(roster)))},\n"encoding": ${JSON.stringify(pending.encoding)},\n"total": ${total},\n"materialsChecked": ${flags.materials !== undefined},\n"fixed": ${Boolean(flags.fix)},\n"applicants": [\n`,
  );
  const index: RowIndex[] = [];
  let rowsBytes = 0;
  let closed = false;
  let entries = 0;
  const work = mapLimit(
    queue,
    concurrency,
    async (row) => {
      const result = await assessApplicant(row, {
        ruleSet,
        calendar,
        today: globals.today,
        ...(globals.year ? { year: globals.year } : {}),
        ...(flags.materials !== undefined && materialsReal
          ? { materials: flags.materials, materialsReal, ...(materialsIndex ? { materialsIndex } : {}) }
          : {}),
        ...(flags.fix ? { fixInto: path.join(output, 'fixed'), fixReplace: mayReplace } : {}),
        thumbnailSize: THUMBNAIL_PX,
        fileTimeLimitMs: FILE_TIME_LIMIT_MS,
      });
      if (closed) return;
      for (const fix of result.fixes) if (fix.output) written.add(relativeTo(fix.output));
      // The batch's verdict (roster problems included) is the report's verdict, in every output.
      const report = result.outcome
        ? buildReport({ ...result.outcome, ready: result.ready }, { lang: globals.lang, messages, ruleSet, provinces })
        : undefined;
      const stem = path.join('reports', rowKey(result.line, result.name));
      const relative = `${stem}.md`;
      const page = `${stem}.html`;
      const fromOutput = (file: string) => path.relative(output, path.resolve(file)).split(path.sep).join('/');
      const markdown = report ? renderMarkdown(report, { messages, verbose: false }) : undefined;
      // Every output passes through maskIds: an ID number in a folder name, a cell or a path never appears whole (F6/F7).
      await write(path.join(output, relative), applicantMarkdown(result, markdown, messages, fromOutput));
      if (closed) return;
      const html = renderApplicantHtml({
        result,
        report,
        messages,
        template: checkTemplate,
        href: (target) => `../${target}`,
        relative: fromOutput,
        meta: messages.batch.generated(globals.today),
      });
      await write(path.join(output, page), maskIds(html));
      if (closed) return;
      const rowFindings = result.rowFindings.map((f) => localizeFinding(messages, f));
      const entry = summaryEntry(result, report, rowFindings, page, fromOutput);
      const summary: BatchHtmlRow = {
        ...maskIdsDeep(summaryRow(result, report, messages, relative, page, fromOutput)),
        ...(result.thumbnail ? { thumbnail: result.thumbnail } : {}),
      };
      const line = Buffer.from(`${JSON.stringify(summary)}\n`);
      // From here to the index push nothing awaits: an entry is in summary.json exactly when it is indexed.
      if (closed) return;
      const separator = entries++ ? ',\n' : '';
      const jsonWrite = writeTo(json, `${separator}${JSON.stringify(entry)}`);
      const rowsWrite = writeTo(rowsFile, line);
      index.push({ line: result.line, ready: result.ready, offset: rowsBytes, length: line.length });
      rowsBytes += line.length;
      if (result.outcome && !result.outcome.answers.province) noProvince += 1;
      for (const fix of result.fixes) fixCounts[fix.state] += 1;
      if (result.readyBeforeFix) readyBeforeFix += 1;
      progress(index.length);
      await Promise.all([jsonWrite, rowsWrite]);
    },
    controller.signal,
  );
  let failure: unknown;
  let stoppedNow = false;
  try {
    stoppedNow = (await Promise.race([work, stopped])) === 'stopped';
  } catch (error) {
    failure = error;
    controller.abort();
  }
  closed = true;
  queue = undefined;
  process.off('SIGINT', onInt);
  process.off('SIGTERM', onTerm);
  // A signal during the summaries below must not cut them short: they are what the signal keeps.
  const hold = () => undefined;
  process.on('SIGINT', hold);
  process.on('SIGTERM', hold);
  const interrupted = controller.signal.aborted;
  let code: ExitCode;
  try {
    code = await finish({
      output,
      flags,
      globals,
      messages,
      json,
      jsonTemp,
      rowsFile,
      rowsTemp,
      index,
      total,
      interrupted,
      noProvince,
      readyBeforeFix,
      fixCounts,
      write,
      written,
      previous,
      mayReplace,
    });
  } finally {
    process.off('SIGINT', hold);
    process.off('SIGTERM', hold);
    await discardTemp(rowsTemp);
    await removeTemps();
  }
  if (failure) throw failure;
  if (interrupted) {
    process.stderr.write(`${messages.batch.interrupted(index.length, total)}\n`);
    code = signalCode ?? EXIT.CANCELLED;
    // Applicants still being checked (a stuck file) must not keep the process alive past its summaries.
    if (stoppedNow) setTimeout(() => process.exit(code), 100).unref();
  }
  return code;
}

interface FinishInput {
  output: string;
  flags: BatchFlags;
  globals: GlobalOptions;
  messages: Awaited<ReturnType<typeof loadContext>>['messages'];
  json: WriteStream;
  jsonTemp: string;
  rowsFile: WriteStream;
  rowsTemp: string;
  index: RowIndex[];
  total: number;
  interrupted: boolean;
  noProvince: number;
  readyBeforeFix: number;
  fixCounts: Record<string, number>;
  write: (file: string, content: string | Uint8Array) => Promise<void>;
  written: Set<string>;
  previous: Set<string>;
  mayReplace: ReplacePolicy;
}

/** The summaries of the finished applicants (all of them, or those before an interruption). */
async function finish(input: FinishInput): Promise<ExitCode> {
  const {
    output,
    flags,
    globals,
    messages,
    json,
    jsonTemp,
    rowsFile,
    rowsTemp,
    index,
    total,
    interrupted,
    noProvince,
    readyBeforeFix,
    fixCounts,
    write,
    written,
    previous,
    mayReplace,
  } = input;
  index.sort((a, b) => a.line - b.line);
  const readyCount = index.filter((s) => s.ready).length;
  await writeTo(
    json,
    `\n],\n"finished": ${index.length},\n"interrupted": ${interrupted},\n"ready": ${readyCount},\n"readyBeforeFix": ${readyBeforeFix},\n"noProvince": ${noProvince},\n"fixCounts": ${JSON.stringify(fixCounts)}\n}\n`,
  );
  await endStream(json);
  await endStream(rowsFile);
  await commitTemp(jsonTemp, path.join(output, 'summary.json'), mayReplace);
  written.add('summary.json');

  // Summary rows are read back one at a time from the rows file, by the index.
  const rowsHandle = await open(rowsTemp, 'r');
  const readRow = async (at: RowIndex): Promise<BatchHtmlRow> => {
    const buffer = Buffer.alloc(at.length);
    await rowsHandle.read(buffer, 0, at.length, at.offset);
    return JSON.parse(buffer.toString('utf8')) as BatchHtmlRow;
  };
  try {
    // CSV and xlsx need the rows without thumbnails; 20,000 of those are a few MB.
    const plain: SummaryRow[] = [];
    for (const at of index) {
      const { thumbnail: _thumbnail, ...row } = await readRow(at);
      plain.push(row);
    }
    await write(path.join(output, 'summary.csv'), summaryCsv(plain, messages));
    // summary.xlsx is streamed to a temp file chunk by chunk (issue 15: ~230 MB in memory for 20,000 rows before).
    const { writeSummaryXlsx } = await import('../../batch/summary-xlsx.js');
    const xlsxTemp = await createTemp(output);
    const xlsx = createWriteStream(xlsxTemp, { flags: 'w' });
    xlsx.on('error', () => undefined);
    await writeSummaryXlsx(plain, messages, (chunk) => writeTo(xlsx, chunk));
    await endStream(xlsx);
    await commitTemp(xlsxTemp, path.join(output, 'summary.xlsx'), mayReplace);
    written.add('summary.xlsx');

    const notes = runNotes(
      {
        finished: index.length,
        total,
        ready: readyCount,
        readyBeforeFix,
        interrupted,
        materialsChecked: flags.materials !== undefined,
        fixed: Boolean(flags.fix),
        noProvince,
        fixCounts,
      },
      messages,
    );
    // report.html is streamed: not-ready applicants first, each row read back with its thumbnail.
    const template = await readFile(templatePath('report', 'batch.html'), 'utf8');
    const htmlFile = path.join(output, 'report.html');
    const parts = batchPageParts({
      total: index.length,
      ready: readyCount,
      messages,
      template,
      meta: messages.batch.generated(globals.today),
      notes,
    });
    const htmlTemp = await createTemp(output);
    const html = createWriteStream(htmlTemp, { flags: 'w' });
    html.on('error', () => undefined);
    const ordered = [...index.filter((s) => !s.ready), ...index.filter((s) => s.ready)];
    await writeTo(html, parts.before);
    for (const [i, at] of ordered.entries()) {
      if (i === FIRST_PAINT_ROWS) await writeTo(html, parts.between);
      await writeTo(html, `${i && i !== FIRST_PAINT_ROWS ? '\n' : ''}${batchRowHtml(await readRow(at), messages)}`);
    }
    if (ordered.length <= FIRST_PAINT_ROWS) await writeTo(html, parts.between);
    await writeTo(html, parts.after);
    await endStream(html);
    await commitTemp(htmlTemp, htmlFile, mayReplace);
    written.add('report.html');
    // The manifest: what this run and earlier ones wrote here, so a later run may replace exactly those.
    await writeAtomic(
      path.join(output, MANIFEST),
      `${JSON.stringify({ schema: 'shegong.manifest/v1', files: [...new Set([...previous, ...written])].sort() })}\n`,
    );

    // Terminal: not-ready applicants first, then the counts and where the reports are.
    const context = { globals, messages, provinces: [] };
    await emit(await renderAs('batch', { rows: plain, notes, output, htmlFile }, context), undefined);
    const notReady = plain.filter((s) => !s.ready);
    return notReady.length ? EXIT.FINDINGS : EXIT.OK;
  } finally {
    await rowsHandle.close().catch(() => undefined);
  }
}
