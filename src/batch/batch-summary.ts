/** Applicant results → one summary row each, and the summary as CSV (Excel-safe). Pure. */
import type { Messages } from '../i18n/messages.js';
import { UPLOAD_ROLES } from '../model/rules.js';
import type { Report, ReportFinding } from '../report/build-report.js';
import { localizeFinding } from '../report/build-report.js';
import type { ApplicantResult } from './assess-applicant.js';

export interface SummaryRow {
  line: number;
  name: string;
  id: string;
  ready: boolean;
  eligibility: string;
  route: string;
  files: Record<string, string>;
  problem: string;
  fixed: string;
  report: string;
}

export function summaryRow(result: ApplicantResult, report: Report | undefined, messages: Messages, reportPath: string): SummaryRow {
  const findings: ReportFinding[] = [
    ...result.rowFindings.map((f) => localizeFinding(messages, f)),
    ...(report ? report.eligibility.findings : []),
    ...(report ? report.files.flatMap((f) => f.findings.map((x) => ({ ...x, message: `${messages.labels.role[f.role] ?? f.role}: ${x.message}` }))) : result.files.flatMap((f) => f.findings.map((x) => localizeFinding(messages, x)))),
  ];
  const first = findings.find((f) => f.severity === 'error');
  return {
    line: result.line,
    name: result.name,
    id: result.idMasked ?? '',
    ready: result.ready,
    eligibility: report ? (messages.labels.eligibility[report.eligibility.status] ?? report.eligibility.status) : '',
    route: report?.eligibility.routeText ?? '',
    files: Object.fromEntries(UPLOAD_ROLES.map((role) => [role, result.files.find((f) => f.role === role)?.status ?? ''])),
    problem: first?.message ?? '',
    fixed: [...result.fixed.map((f) => `${messages.labels.role[f.role] ?? f.role}: ${f.output}`), ...result.unfixable.map((f) => `${messages.labels.role[f.role] ?? f.role}: ${messages.ui.cannotFix[f.reason] ?? f.reason}`)].join('; '),
    report: reportPath,
  };
}

/** A cell Excel will not run as a formula: = + - @ (and tab/CR) at the start get a leading '. */
export function safeCell(value: string | number | boolean): string {
  const text = String(value);
  const neutral = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral;
}

export function summaryCsv(rows: SummaryRow[], messages: Messages): string {
  const { batch, labels } = messages;
  const header = [batch.columns.line, batch.columns.name, batch.columns.id, batch.columns.ready, batch.columns.eligibility, batch.columns.route, ...UPLOAD_ROLES.map((r) => labels.role[r] ?? r), batch.columns.problem, batch.columns.fixed, batch.columns.report];
  const lines = [header, ...rows.map((r) => [r.line, r.name, r.id, r.ready ? batch.yes : batch.no, r.eligibility, r.route, ...UPLOAD_ROLES.map((role) => (r.files[role] ? (labels.fileStatus[r.files[role]!] ?? r.files[role]!) : '')), r.problem, r.fixed, r.report])];
  // UTF-8 with BOM and CRLF: what Excel on Windows opens correctly.
  return `\uFEFF${lines.map((cells) => cells.map((c) => safeCell(c)).join(',')).join('\r\n')}\r\n`;
}
