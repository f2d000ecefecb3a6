/**
 * The batch's terminal summary (not-ready applicants first, then the counts and where the reports
 * are), and the entries and notes the summary files share. Pure: strings and objects in, out.
 */
import path from 'node:path';
import type { Messages } from '../i18n/messages.js';
import type { ReportFinding } from './localize.js';
import type { Painter } from './painter.js';
import { renderTable } from '../text/table.js';
import type { ApplicantResult } from '../assess/assess-applicant.js';
import type { SummaryRow } from './batch-summary.js';
import type { RosterLayout } from '../roster/roster-rows.js';
import { maskIds, maskIdsDeep } from '../roster/safe-text.js';
import { SUMMARY_COLUMNS, type SummaryColumn, terminalColumns } from './summary-columns.js';
import { STATUS_ORDER, statusCounts } from './render-batch-html.js';

/** Rows shown in the terminal; the rest are in the summary files. */
const TERMINAL_ROWS = 40;

export interface BatchSummaryView {
  /** Every finished applicant's summary row, in roster order. */
  rows: SummaryRow[];
  /** What holds for the whole run, said once. */
  notes: string[];
  /** The output folder, summary.xlsx and report.html (absolute). */
  output: string;
  htmlFile: string;
}

export function renderBatchSummaryText(
  view: BatchSummaryView,
  options: { messages: Messages; painter: Painter; columns?: readonly SummaryColumn[] },
) {
  const { messages, painter, columns = SUMMARY_COLUMNS } = options;
  const { rows, notes, output, htmlFile } = view;
  const shown = terminalColumns(columns);
  const tableRows = [
    shown.map((c) => c.header(messages)),
    ...[...rows]
      .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status])
      .slice(0, TERMINAL_ROWS)
      .map((s) => shown.map((c) => c.terminal.text?.(s, messages, painter) ?? String(c.value(s, messages)))),
  ];
  const lines = [
    ...renderTable(tableRows),
    ...(rows.length > TERMINAL_ROWS ? ['…'] : []),
    '',
    painter.bold(messages.batch.counts(rows.length, statusCounts(rows))),
    ...notes,
    messages.batch.written(output),
    messages.batch.xlsxWritten(path.join(output, 'summary.xlsx')),
    messages.batch.html(htmlFile),
  ];
  return `${maskIds(lines.join('\n'))}\n`;
}

export interface RunTotals {
  finished: number;
  total: number;
  ready: number;
  readyBeforeFix: number;
  interrupted: boolean;
  materialsChecked: boolean;
  fixed: boolean;
  noProvince: number;
  fixCounts: Record<string, number>;
  layout?: RosterLayout;
}

/** What holds for the whole run, said once: not per row. */
export function runNotes(totals: RunTotals, messages: Messages): string[] {
  const layout = totals.layout;
  return [
    ...(totals.interrupted ? [messages.batch.interruptedNote(totals.finished, totals.total)] : []),
    ...(layout?.titleLines.length ? [messages.batch.headerFound(layout.headerLine, layout.titleLines)] : []),
    ...(layout?.noteLines.length ? [messages.batch.noteRows(layout.noteLines)] : []),
    ...(layout?.unrecognised.length ? [messages.batch.unrecognised(layout.unrecognised)] : []),
    ...(totals.materialsChecked ? [] : [messages.batch.materialsNotChecked]),
    ...(totals.noProvince ? [messages.batch.noProvince(totals.noProvince)] : []),
    ...(totals.fixed
      ? [
          messages.batch.fixSummary(
            totals.fixCounts.fixed ?? 0,
            totals.fixCounts['needs-new'] ?? 0,
            totals.fixCounts['could-not-fix'] ?? 0,
          ),
          messages.batch.readyAfterFix(totals.readyBeforeFix, totals.ready),
        ]
      : []),
  ];
}

/**
 * One applicant's entry in summary.json. Fields added in 0.2; none renamed.
 * `fixes[].state`: fixed | needs-new | could-not-fix. Every ID number masked.
 */
export function summaryEntry(
  result: ApplicantResult,
  report: unknown,
  rowFindings: ReportFinding[],
  page: string,
  fromOutput: (file: string) => string,
) {
  return maskIdsDeep({
    line: result.line,
    name: result.name,
    ...(result.idMasked ? { idMasked: result.idMasked } : {}),
    report: report ?? null,
    rowFindings,
    ready: result.ready,
    status: result.status,
    readyBeforeFix: result.readyBeforeFix,
    materialsChecked: result.materialsChecked,
    level: result.level ?? null,
    page,
    fixes: result.fixes.map((f) => ({
      role: f.role,
      file: f.file,
      state: f.state,
      ...(f.reason ? { reason: f.reason } : {}),
      ...(f.output ? { output: fromOutput(f.output) } : {}),
      ...(f.statusAfter ? { statusAfter: f.statusAfter } : {}),
    })),
  });
}

/** One applicant's Markdown page: the report (or, without one, the roster problems), then what --fix did. */
export function applicantMarkdown(
  result: ApplicantResult,
  reportMarkdown: string | undefined,
  messages: Messages,
  fromOutput: (file: string) => string,
): string {
  const markdown =
    reportMarkdown ??
    `# ${result.name}\n\n${result.rowFindings.map((f) => `- ${messages.finding[f.id]?.message(f.args ?? {}) ?? f.id}`).join('\n')}\n`;
  const fixes = result.fixes.map(
    (f) =>
      `- ${messages.labels.role[f.role] ?? f.role}: ${messages.batch.fixState[f.state] ?? f.state}${f.state === 'fixed' && f.output ? ` ${fromOutput(f.output)}` : f.reason ? `（${messages.ui.cannotFix[f.reason] ?? f.reason}）` : ''}`,
  );
  const fixSection = fixes.length ? `\n## ${messages.batch.columns.fixed}\n\n${fixes.join('\n')}\n` : '';
  return maskIds(
    `${result.idMasked ? `> ${messages.batch.columns.id}: ${result.idMasked}\n\n` : ''}${markdown}${fixSection}`,
  );
}
