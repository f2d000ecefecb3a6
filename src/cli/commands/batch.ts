/**
 * `shegong batch <roster> --materials <dir> --output <dir>`: every applicant of a roster, checked
 * with bounded concurrency, with progress on stderr; Ctrl-C keeps what is finished.
 */
import os from 'node:os';
import path from 'node:path';
import { stat } from 'node:fs/promises';
import { UserError } from '../../errors.js';
import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { assessApplicant } from '../../batch/assess-applicant.js';
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

export async function runBatch(roster: string, flags: BatchFlags, globals: GlobalOptions): Promise<ExitCode> {
  const context = await loadContext(globals);
  const { messages, ruleSet, calendar, provinces } = context;
  if (!flags.materials) throw new UserError('error.usage', {}, ['shegong batch <roster.csv|roster.xlsx> --materials <dir> --output <dir>']);
  if (!(await stat(flags.materials).catch(() => undefined))?.isDirectory()) throw new UserError('error.usage', {}, [`--materials ${flags.materials}: not a folder`]);
  // Two applicants per core: one decodes while the other runs its JS checks (measured by npm run bench).
  const concurrency = flags.concurrency ? Number(flags.concurrency) : 2 * Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UserError('error.usage', {}, [`--concurrency ${flags.concurrency}`]);

  const table = await readRoster(roster, flags.sheet);
  const { rows, columns } = readRows(table, provinces, globals.today);
  if (columns.level === undefined && columns.name === undefined) throw new UserError('error.roster-header');
  process.stderr.write(`${messages.batch.encoding(table.encoding, rows.length)}\n`);

  const output = path.resolve(flags.output);
  await mkdir(output, { recursive: true });
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  const progress = progressReporter(rows.length, messages);

  // Each applicant is reported as soon as it is checked: its Markdown file, its entry in
  // summary.json (streamed to a temp file, renamed at the end) and a small summary row. Nothing
  // else is kept, so memory does not grow with the roster.
  const jsonTemp = path.join(output, `.summary.json.${process.pid}.tmp`);
  const json = createWriteStream(jsonTemp, 'utf8');
  const writeJson = (text: string) => new Promise<void>((resolve, reject) => json.write(text, (error) => (error ? reject(error) : resolve())));
  await writeJson(`{\n"schema": "shegong.batch/v1",\n"today": ${JSON.stringify(globals.today)},\n"roster": ${JSON.stringify(path.basename(roster))},\n"encoding": ${JSON.stringify(table.encoding)},\n"total": ${rows.length},\n"applicants": [\n`);
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
        materials: flags.materials!,
        ...(flags.fix ? { fixInto: path.join(output, 'fixed') } : {}),
        thumbnailSize: THUMBNAIL_PX,
      });
      const report = result.outcome ? buildReport(result.outcome, { lang: globals.lang, messages, ruleSet, provinces }) : undefined;
      const relative = path.join('reports', `${String(result.line).padStart(4, '0')}-${fileName(result.name || 'row')}.md`);
      const markdown = report
        ? renderMarkdown(report, { messages, verbose: false })
        : `# ${result.name}\n\n${result.rowFindings.map((f) => `- ${messages.finding[f.id]?.message(f.args ?? {}) ?? f.id}`).join('\n')}\n`;
      const fixes = [
        ...result.fixed.map((f) => `- ${messages.labels.role[f.role] ?? f.role}: ${path.relative(output, f.output)} (${messages.labels.fileStatus[f.status] ?? f.status})`),
        ...result.unfixable.map((f) => `- ${messages.labels.role[f.role] ?? f.role}: ${messages.ui.cannotFix[f.reason] ?? f.reason}`),
      ];
      const fixSection = fixes.length ? `\n## ${messages.batch.columns.fixed}\n\n${fixes.join('\n')}\n` : '';
      await writeAtomic(path.join(output, relative), `${result.idMasked ? `> ${messages.batch.columns.id}: ${result.idMasked}\n\n` : ''}${markdown}${fixSection}`);
      const entry = { line: result.line, name: result.name, ...(result.idMasked ? { idMasked: result.idMasked } : {}), report: report ?? null, rowFindings: result.rowFindings.map((f) => localizeFinding(messages, f)) };
      // The separator is decided before any await: applicants finish concurrently.
      const separator = entries++ ? ',\n' : '';
      await writeJson(`${separator}${JSON.stringify(entry)}`);
      summaries.push({ ...summaryRow(result, report, messages, relative), ...(result.thumbnail ? { thumbnail: result.thumbnail } : {}) });
      done += 1;
      progress(done);
    },
    controller.signal,
  );
  process.off('SIGINT', onSignal);
  summaries.sort((a, b) => a.line - b.line);
  await writeJson(`\n],\n"finished": ${summaries.length},\n"interrupted": ${controller.signal.aborted}\n}\n`);
  await new Promise<void>((resolve, reject) => json.end((error?: Error | null) => (error ? reject(error) : resolve())));
  await rename(jsonTemp, path.join(output, 'summary.json'));
  await writeAtomic(path.join(output, 'summary.csv'), summaryCsv(summaries, messages));
  const template = await readFile(templatePath('report', 'batch.html'), 'utf8');
  const htmlFile = path.join(output, 'report.html');
  await writeAtomic(htmlFile, renderBatchHtml({ rows: summaries, messages, template, meta: messages.batch.generated(globals.today) }));

  // Terminal: not-ready applicants first, then the counts and where the reports are.
  const painter = await painterFor(globals.colour, process.stdout);
  const notReady = summaries.filter((s) => !s.ready);
  const tableRows = [
    [messages.batch.columns.line, messages.batch.columns.name, messages.batch.columns.ready, messages.batch.columns.eligibility, messages.batch.columns.problem],
    ...[...notReady, ...summaries.filter((s) => s.ready)].slice(0, 40).map((s) => [String(s.line), s.name, s.ready ? painter.green(messages.batch.yes) : painter.red(messages.batch.no), s.eligibility, s.problem.slice(0, 60)]),
  ];
  const ready = summaries.length - notReady.length;
  const lines = [...renderTable(tableRows), ...(summaries.length > 40 ? ['…'] : []), '', painter.bold(messages.batch.counts(summaries.length, ready, notReady.length)), messages.batch.written(output), messages.batch.html(htmlFile)];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (controller.signal.aborted) {
    process.stderr.write(`${messages.batch.interrupted(summaries.length, rows.length)}\n`);
    return EXIT.CANCELLED;
  }
  return notReady.length ? EXIT.FINDINGS : EXIT.OK;
}
