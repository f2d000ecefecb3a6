/** Applicant results → one summary row each, and the summary as CSV (Excel-safe). Pure. */
import type { Messages } from '../i18n/messages.js';
import { UPLOAD_ROLES } from '../model/rules.js';
import type { Report } from './build-report.js';
import { localizeFinding, type ReportFinding } from './localize.js';
import { SUMMARY_COLUMNS, type SummaryColumn, type SummaryRow, tableColumns } from './summary-columns.js';
import type { ApplicantResult } from '../assess/assess-applicant.js';

export type { SummaryRow } from './summary-columns.js';

export function summaryRow(
  result: ApplicantResult,
  report: Report | undefined,
  messages: Messages,
  reportPath: string,
  pagePath = '',
  relative: (file: string) => string = (file) => file,
): SummaryRow {
  // Eligibility first (an ineligible person's blocker is that, not a missing folder), then the
  // roster row, then the best available files (the fixed copy where it passes).
  const fileFindings = (report ? report.files : result.bestFiles).flatMap((f) =>
    f.findings.map((x) => ({
      role: f.role,
      finding: report
        ? {
            ...(x as ReportFinding),
            message: `${messages.labels.role[f.role] ?? f.role}: ${(x as ReportFinding).message}`,
          }
        : localizeFinding(messages, x),
    })),
  );
  const findings: { role?: string; finding: ReportFinding }[] = [
    ...(report ? report.eligibility.findings : []).map((finding) => ({ finding })),
    ...result.rowFindings.map((f) => ({ finding: localizeFinding(messages, f) })),
    ...fileFindings,
  ];
  const role = (r: string) => messages.labels.role[r] ?? r;
  // A file the fix tried and could not make right: its blocker is the fix's reason (what to
  // retake), not the first of the original's findings (an aspect ratio the fix would have cured).
  const firstError = findings.find((f) => f.finding.severity === 'error');
  const refused = firstError?.role
    ? result.fixes.find(
        (f) => f.role === firstError.role && f.state !== 'fixed' && f.reason && SPECIFIC_REFUSAL(f.reason),
      )
    : undefined;
  const first = refused
    ? { message: `${role(refused.role)}: ${messages.ui.cannotFix[refused.reason!] ?? refused.reason}` }
    : firstError?.finding;
  return {
    line: result.line,
    name: result.name,
    id: result.idMasked ?? '',
    level: result.level ?? '',
    ready: result.ready,
    status: result.status,
    readyBeforeFix: result.readyBeforeFix,
    materialsChecked: result.materialsChecked,
    eligibility: report ? (messages.labels.eligibility[report.eligibility.status] ?? report.eligibility.status) : '',
    route: report?.eligibility.routeText ?? '',
    files: Object.fromEntries(UPLOAD_ROLES.map((r) => [r, result.files.find((f) => f.role === r)?.status ?? ''])),
    fixStates: Object.fromEntries(result.fixes.map((f) => [f.role, f.state])),
    fixedFiles: Object.fromEntries(
      result.fixes.filter((f) => f.state === 'fixed' && f.output).map((f) => [f.role, relative(f.output!)]),
    ),
    // No error finding but not ready: a closed registration (or another missed or blocked item) says why.
    problem:
      first?.message ??
      (result.ready
        ? ''
        : (report?.next.find(
            (item) =>
              item.id === 'registration.window' || report.checklist.find((c) => c.id === item.id)?.status !== 'todo',
          )?.text ?? '')),
    fixed: result.fixes
      .map((f) => {
        const state = messages.batch.fixState[f.state] ?? f.state;
        const detail =
          f.state === 'fixed'
            ? f.output
              ? ` ${relative(f.output)}`
              : ''
            : f.reason
              ? messages.ui.inParens(messages.ui.cannotFix[f.reason] ?? f.reason)
              : '';
        return `${role(f.role)}: ${state}${detail}`;
      })
      .join('; '),
    report: reportPath,
    page: pagePath,
    ...(result.carried ? { carried: result.carried } : {}),
    ...(result.outcome?.events.find((e) => e.id === 'registration')?.end
      ? { registrationEnd: result.outcome.events.find((e) => e.id === 'registration')!.end! }
      : {}),
  };
}

/** A refusal that says what to do about this very file (not the generic "needs a new one"). */
const SPECIFIC_REFUSAL = (reason: string) => !['needs-new', 'still-fails', 'would-overwrite'].includes(reason);

/**
 * A cell Excel will not run as a formula: = + - @ (and tab/CR) at the start get a leading '; so do
 * their full-width forms ＝＋－＠, which some spreadsheet apps fold to ASCII.
 */
export function safeCell(value: string | number | boolean): string {
  const text = String(value);
  const neutral = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral;
}

/** summary.csv and summary.xlsx as header + cell values: the table columns of SUMMARY_COLUMNS, in order. */
export function summaryTable(
  rows: readonly SummaryRow[],
  messages: Messages,
  columns: readonly SummaryColumn[] = SUMMARY_COLUMNS,
): { header: string[]; cells: (string | number)[][] } {
  const shown = tableColumns(columns);
  return {
    header: shown.map((c) => c.header(messages)),
    cells: rows.map((row) => shown.map((c) => c.value(row, messages))),
  };
}

export function summaryCsv(
  rows: readonly SummaryRow[],
  messages: Messages,
  columns: readonly SummaryColumn[] = SUMMARY_COLUMNS,
): string {
  const { header, cells } = summaryTable(rows, messages, columns);
  // UTF-8 with BOM and CRLF: what Excel on Windows opens correctly.
  return `\uFEFF${[header, ...cells].map((line) => line.map((c) => safeCell(c)).join(',')).join('\r\n')}\r\n`;
}
