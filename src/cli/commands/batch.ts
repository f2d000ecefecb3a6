/**
 * `shegong batch <roster> --materials <dir> --output <dir>`: every applicant of a roster, checked
 * with bounded concurrency, with progress on stderr; Ctrl-C keeps what is finished.
 */
import os from 'node:os';
import path from 'node:path';
import { realpath, stat, unlink, writeFile } from 'node:fs/promises';
import { UserError } from '../../errors.js';
import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { resolveAnswers, type RawAnswers } from '../../answers/resolve-answers.js';
import { problemText } from '../../i18n/messages.js';
import { renderApplicantHtml } from '../../batch/render-applicant-html.js';
import { assessApplicant } from '../../batch/assess-applicant.js';
import { indexMaterials } from '../../batch/confine.js';
import { summaryCsv, summaryRow, type SummaryRow } from '../../batch/batch-summary.js';
import { readRoster } from '../../batch/read-roster.js';
import { readRows } from '../../batch/roster-rows.js';
import { renderBatchHtml } from '../../batch/render-batch-html.js';
import { mapLimit } from '../../files/map-limit.js';
import { buildReport, localizeFinding } from '../../report/build-report.js';
import { renderMarkdown } from '../../report/render-markdown.js';
import { readFile } from 'node:fs/promises';
import { templatePath } from '../../rules/templates-dir.js';
import { renderTable } from '../../text/table.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import { loadContext } from '../load-context.js';
import { painterFor } from '../terminal.js';
import { writeAtomic } from '../write-output.js';

export interface BatchFlags {
  materials?: string;
  output: string;
  sheet?: string;
  concurrency?: string;
  fix?: boolean;
  // Batch-wide answers for rows whose column is missing or empty (issue 10).
  level?: string;
  education?: string;
  major?: string;
  graduated?: string;
  studyMode?: string;
  enrolled?: string;
  degree?: string[];
  work?: string[];
  cert?: string[];
  province?: string;
  hukou?: string;
}

/** The answer flags as raw answers; each is checked once here, so a bad flag is one usage error, not one per row. */
function batchDefaults(flags: BatchFlags, context: Awaited<ReturnType<typeof loadContext>>): RawAnswers {
  const raw: RawAnswers = {};
  for (const key of ['level', 'education', 'major', 'graduated', 'studyMode', 'enrolled', 'province', 'hukou'] as const) if (flags[key] !== undefined) raw[key] = flags[key];
  if (flags.degree) raw.degrees = flags.degree;
  if (flags.work) raw.work = flags.work;
  if (flags.cert) raw.certificates = flags.cert;
  const { problems } = resolveAnswers(raw, context.provinces);
  if (problems.length) throw new UserError('error.usage', {}, problems.map(({ problem }) => problemText(context.messages, problem.key, problem.args)));
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
  if (SPECIAL.some((root) => judged === root || judged.startsWith(`${root}/`)) || SPECIAL.some((root) => output === root || output.startsWith(`${root}/`))) fail('special');
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
const fileName = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);

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
      process.stderr.write(`\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${messages.batch.progress(done, total, eta)}   `);
      if (done === total) process.stderr.write('\n');
    } else if (done === total || done - lastPlain >= Math.max(10, Math.ceil(total / 10))) {
      lastPlain = done;
      process.stderr.write(`${messages.batch.progress(done, total, eta)}\n`);
    }
  };
}

/** Write failures of the output folder mid-run (disk full, drive removed): a sentence, exit 2. */
const OUTPUT_FAILURES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO', 'ENOTDIR', 'ENAMETOOLONG']);

export async function runBatch(roster: string, flags: BatchFlags, globals: GlobalOptions): Promise<ExitCode> {
  const temps: string[] = [];
  try {
    return await batchRun(roster, flags, globals, temps);
  } catch (error) {
    // A run that failed leaves no half-written summary behind.
    await Promise.all(temps.map((file) => unlink(file).catch(() => undefined)));
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (!(error instanceof UserError) && code && OUTPUT_FAILURES.has(code)) throw new UserError('error.output-dir', { dir: flags.output, reason: code });
    throw error;
  }
}

async function batchRun(roster: string, flags: BatchFlags, globals: GlobalOptions, temps: string[]): Promise<ExitCode> {
  const context = await loadContext(globals);
  const { messages, ruleSet, calendar, provinces } = context;
  // Without --materials: an eligibility-only run (issue 10).
  if (flags.materials !== undefined && !(await stat(flags.materials).catch(() => undefined))?.isDirectory()) throw new UserError('error.materials', { dir: flags.materials });
  const materialsReal = flags.materials === undefined ? undefined : await realpath(flags.materials);
  const materialsIndex = flags.materials === undefined ? undefined : await indexMaterials(flags.materials);
  const defaults = batchDefaults(flags, context);
  // Two applicants per core: one decodes while the other runs its JS checks (measured by npm run bench).
  const concurrency = flags.concurrency ? Number(flags.concurrency) : 2 * Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UserError('error.usage', {}, [`--concurrency ${flags.concurrency}`]);

  const table = await readRoster(roster, flags.sheet);
  const { rows, columns } = readRows(table, provinces, globals.today, defaults);
  if (columns.level === undefined && columns.name === undefined) throw new UserError('error.roster-header');
  process.stderr.write(`${messages.batch.encoding(table.encoding, rows.length)}\n`);

  const output = await prepareOutput(flags.output);
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  const progress = progressReporter(rows.length, messages);

  // Each applicant is reported as soon as it is checked: its Markdown file, its entry in
  // summary.json (streamed to a temp file, renamed at the end) and a small summary row. Nothing
  // else is kept, so memory does not grow with the roster.
  const jsonTemp = path.join(output, `.summary.json.${process.pid}.tmp`);
  temps.push(jsonTemp);
  const json = createWriteStream(jsonTemp, 'utf8');
  // A failed write (disk full) rejects the write below; without a listener it would crash the process.
  json.on('error', () => undefined);
  const checkTemplate = await readFile(templatePath('report', 'check.html'), 'utf8');
  let noProvince = 0;
  const fixCounts = { fixed: 0, 'needs-new': 0, 'could-not-fix': 0 };
  let readyBeforeFix = 0;
  const writeJson = (text: string) => new Promise<void>((resolve, reject) => json.write(text, (error) => (error ? reject(error) : resolve())));
  await writeJson(
    `{\n"schema": "shegong.batch/v1",\n"today": ${JSON.stringify(globals.today)},\n"roster": ${JSON.stringify(path.basename(roster))},\n"encoding": ${JSON.stringify(table.encoding)},\n"total": ${rows.length},\n"materialsChecked": ${flags.materials !== undefined},\n"fixed": ${Boolean(flags.fix)},\n"applicants": [\n`,
  );
  const summaries: (SummaryRow & { thumbnail?: string })[] = [];
  let done = 0;
  let entries = 0;
  await mapLimit(
    rows,
    concurrency,
    async (row) => {
      const result = await assessApplicant(row, {
        ruleSet,
        calendar,
        today: globals.today,
        ...(globals.year ? { year: globals.year } : {}),
        ...(flags.materials !== undefined && materialsReal ? { materials: flags.materials, materialsReal, ...(materialsIndex ? { materialsIndex } : {}) } : {}),
        ...(flags.fix ? { fixInto: path.join(output, 'fixed') } : {}),
        thumbnailSize: THUMBNAIL_PX,
      });
      // The batch's verdict (roster problems included) is the report's verdict, in every output.
      const report = result.outcome ? buildReport({ ...result.outcome, ready: result.ready }, { lang: globals.lang, messages, ruleSet, provinces }) : undefined;
      if (result.outcome && !result.outcome.answers.province) noProvince += 1;
      for (const fix of result.fixes) fixCounts[fix.state] += 1;
      if (result.readyBeforeFix) readyBeforeFix += 1;
      const stem = path.join('reports', `${String(result.line).padStart(4, '0')}-${fileName(result.name || 'row')}`);
      const relative = `${stem}.md`;
      const page = `${stem}.html`;
      const fromOutput = (file: string) => path.relative(output, file).split(path.sep).join('/');
      const markdown = report
        ? renderMarkdown(report, { messages, verbose: false })
        : `# ${result.name}\n\n${result.rowFindings.map((f) => `- ${messages.finding[f.id]?.message(f.args ?? {}) ?? f.id}`).join('\n')}\n`;
      const fixes = result.fixes.map(
        (f) =>
          `- ${messages.labels.role[f.role] ?? f.role}: ${messages.batch.fixState[f.state] ?? f.state}${f.state === 'fixed' && f.output ? ` ${fromOutput(f.output)}` : f.reason ? `（${messages.ui.cannotFix[f.reason] ?? f.reason}）` : ''}`,
      );
      const fixSection = fixes.length ? `\n## ${messages.batch.columns.fixed}\n\n${fixes.join('\n')}\n` : '';
      await writeAtomic(path.join(output, relative), `${result.idMasked ? `> ${messages.batch.columns.id}: ${result.idMasked}\n\n` : ''}${markdown}${fixSection}`);
      const html = renderApplicantHtml({
        result,
        report,
        messages,
        template: checkTemplate,
        href: (target) => `../${target}`,
        relative: fromOutput,
        meta: messages.batch.generated(globals.today),
      });
      await writeAtomic(path.join(output, page), html);
      // Fields added in 0.2 (issue 10); none renamed. `fixes[].state`: fixed | needs-new | could-not-fix.
      const entry = {
        line: result.line,
        name: result.name,
        ...(result.idMasked ? { idMasked: result.idMasked } : {}),
        report: report ?? null,
        rowFindings: result.rowFindings.map((f) => localizeFinding(messages, f)),
        ready: result.ready,
        readyBeforeFix: result.readyBeforeFix,
        materialsChecked: result.materialsChecked,
        level: result.level ?? null,
        page,
        fixes: result.fixes.map((f) => ({ role: f.role, file: f.file, state: f.state, ...(f.reason ? { reason: f.reason } : {}), ...(f.output ? { output: fromOutput(f.output) } : {}), ...(f.statusAfter ? { statusAfter: f.statusAfter } : {}) })),
      };
      // The separator is decided before any await: applicants finish concurrently.
      const separator = entries++ ? ',\n' : '';
      await writeJson(`${separator}${JSON.stringify(entry)}`);
      summaries.push({ ...summaryRow(result, report, messages, relative, page, fromOutput), ...(result.thumbnail ? { thumbnail: result.thumbnail } : {}) });
      done += 1;
      progress(done);
    },
    controller.signal,
  );
  process.off('SIGINT', onSignal);
  summaries.sort((a, b) => a.line - b.line);
  const readyCount = summaries.filter((s) => s.ready).length;
  await writeJson(
    `\n],\n"finished": ${summaries.length},\n"interrupted": ${controller.signal.aborted},\n"ready": ${readyCount},\n"readyBeforeFix": ${readyBeforeFix},\n"noProvince": ${noProvince},\n"fixCounts": ${JSON.stringify(fixCounts)}\n}\n`,
  );
  await new Promise<void>((resolve, reject) => json.end((error?: Error | null) => (error ? reject(error) : resolve())));
  await rename(jsonTemp, path.join(output, 'summary.json'));
  await writeAtomic(path.join(output, 'summary.csv'), summaryCsv(summaries, messages));
  const { summaryXlsx } = await import('../../batch/summary-xlsx.js');
  await writeAtomic(path.join(output, 'summary.xlsx'), await summaryXlsx(summaries, messages));
  const template = await readFile(templatePath('report', 'batch.html'), 'utf8');
  const htmlFile = path.join(output, 'report.html');
  // What holds for the whole run, said once (issue 10): not per row.
  const notes = [
    ...(flags.materials === undefined ? [messages.batch.materialsNotChecked] : []),
    ...(noProvince ? [messages.batch.noProvince(noProvince)] : []),
    ...(flags.fix ? [messages.batch.fixSummary(fixCounts.fixed, fixCounts['needs-new'], fixCounts['could-not-fix']), messages.batch.readyAfterFix(readyBeforeFix, readyCount)] : []),
  ];
  await writeAtomic(htmlFile, renderBatchHtml({ rows: summaries, messages, template, meta: messages.batch.generated(globals.today), notes }));

  // Terminal: not-ready applicants first, then the counts and where the reports are.
  const painter = await painterFor(globals.colour, process.stdout);
  const notReady = summaries.filter((s) => !s.ready);
  const tableRows = [
    [messages.batch.columns.line, messages.batch.columns.name, messages.batch.columns.ready, messages.batch.columns.eligibility, messages.batch.columns.problem],
    ...[...notReady, ...summaries.filter((s) => s.ready)].slice(0, 40).map((s) => [String(s.line), s.name, s.ready ? painter.green(messages.batch.yes) : painter.red(messages.batch.no), s.eligibility, s.problem.slice(0, 60)]),
  ];
  const ready = summaries.length - notReady.length;
  const lines = [
    ...renderTable(tableRows),
    ...(summaries.length > 40 ? ['…'] : []),
    '',
    painter.bold(messages.batch.counts(summaries.length, ready, notReady.length)),
    ...notes,
    messages.batch.written(output),
    messages.batch.xlsxWritten(path.join(output, 'summary.xlsx')),
    messages.batch.html(htmlFile),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (controller.signal.aborted) {
    process.stderr.write(`${messages.batch.interrupted(summaries.length, rows.length)}\n`);
    return EXIT.CANCELLED;
  }
  return notReady.length ? EXIT.FINDINGS : EXIT.OK;
}
