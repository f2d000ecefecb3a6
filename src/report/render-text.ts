/** The report for a terminal: summary first, grouped checklist, next actions last. Returns a string. */
import type { Messages } from '../i18n/messages.js';
import { CHECKLIST_GROUPS, type ChecklistStatus } from '../model/report.js';
import { INFO_SHOWN_BY_DEFAULT, type Severity, type Values } from '../model/finding.js';
import { renderTable, wrapText } from '../text/table.js';
import type { Report, ReportFile } from './build-report.js';
import type { ReportEvent, ReportFinding } from './localize.js';
import type { Painter } from './painter.js';

export interface TextOptions {
  messages: Messages;
  painter: Painter;
  verbose: boolean;
  /** How many open items to name in the closing line. */
  nextCount?: number;
  /** The terminal's width in columns: lines wrap to it (absent for files and pipes). */
  width?: number;
  /** A province's name, for the header line. */
  provinceName?: (id: string) => string;
}

export const STATUS_SYMBOL: Record<ChecklistStatus, string> = {
  done: '✓',
  todo: '○',
  blocked: '✗',
  missed: '⊘',
  info: '·',
};
const SEVERITY_SYMBOL: Record<Severity, string> = { error: '✗', warning: '!', info: '·' };

function paintStatus(painter: Painter, status: ChecklistStatus, text: string) {
  if (status === 'done') return painter.green(text);
  if (status === 'blocked' || status === 'missed') return painter.red(text);
  if (status === 'todo') return painter.yellow(text);
  return painter.dim(text);
}

function paintSeverity(painter: Painter, severity: Severity, text: string) {
  return severity === 'error' ? painter.red(text) : severity === 'warning' ? painter.yellow(text) : painter.dim(text);
}

/** `associate:other:full-time:2020-09..2023-06` → 大专 · 其他专业 · 全日制 2020-09..2023-06 */
export function degreeLabel(text: string, messages: Messages): string {
  const [education = '', major = '', mode = '', period = ''] = text.split(':');
  const { labels } = messages;
  return `${[labels.education[education] ?? education, labels.major[major] ?? major, labels.studyMode[mode] ?? mode].join(' · ')} ${period}`.trim();
}

export const formatValues = (values: Values | undefined) =>
  Object.entries(values ?? {})
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`)
    .join(' ');

export function renderFindingLines(finding: ReportFinding, options: TextOptions, indent: string): string[] {
  const { painter, messages, verbose } = options;
  const lines = [
    `${indent}${paintSeverity(painter, finding.severity, `${SEVERITY_SYMBOL[finding.severity]} ${finding.message}`)}`,
  ];
  if (finding.fix) lines.push(`${indent}  ${painter.dim(`${messages.ui.fix}${messages.ui.colon}`)}${finding.fix}`);
  if (verbose && (finding.measured || finding.expected)) {
    lines.push(
      `${indent}  ${painter.dim(`[${finding.id}] ${messages.ui.measured} ${formatValues(finding.measured)} · ${messages.ui.expected} ${formatValues(finding.expected)}`)}`,
    );
  }
  return lines;
}

const FILE_SYMBOL = { pass: '✓', warn: '!', fail: '✗' } as const;

/** The info findings a check declares shown by default (src/model/finding.ts). */
const SHOWN_INFO: ReadonlySet<string> = new Set(INFO_SHOWN_BY_DEFAULT);

/** One checked file: role, path, verdict, then its findings (info only with --verbose, but those its check declares shown by default). */
export function renderFileLines(file: ReportFile, options: TextOptions): string[] {
  const { painter, messages, verbose } = options;
  const paint = file.status === 'pass' ? painter.green : file.status === 'warn' ? painter.yellow : painter.red;
  const role = messages.labels.role[file.role] ?? file.role;
  const lines = [
    `${paint(`${FILE_SYMBOL[file.status]} ${role}`)}  ${file.path}  ${painter.dim(messages.labels.fileStatus[file.status] ?? file.status)}`,
  ];
  if (verbose) lines.push(`    ${painter.dim(formatValues(file.measured))}`);
  const shown = verbose ? file.findings : file.findings.filter((f) => f.severity !== 'info' || SHOWN_INFO.has(f.id));
  for (const finding of shown) lines.push(...renderFindingLines(finding, options, '    '));
  return lines;
}

/** When an event is, as dates (with the estimate mark). */
export function eventRange(event: ReportEvent, messages: Messages): string {
  const range =
    event.start === event.end ? messages.day(event.start) : `${messages.day(event.start)} – ${messages.day(event.end)}`;
  return `${range}${event.estimated ? messages.ui.estimatedMark : ''}`;
}

/** Where today stands against it: 还有 90 天, 进行中, 已过. */
export function eventTiming(event: ReportEvent, messages: Messages): string {
  const { ui } = messages;
  return event.timing === 'open'
    ? ui.openNow(event.daysToEnd)
    : event.timing === 'passed'
      ? ui.passed
      : ui.daysLeft(event.daysFromToday);
}

export function eventWhen(event: ReportEvent, messages: Messages): string {
  return `${eventRange(event, messages)}  ${eventTiming(event, messages)}`;
}

export function renderText(report: Report, options: TextOptions): string {
  const { messages, painter, verbose } = options;
  const { ui, labels } = messages;
  const out: string[] = [];
  const c = report.candidate;

  out.push(painter.bold(ui.title(report.year)));
  const who = [
    labels.level[String(c.level)],
    labels.education[String(c.education)],
    labels.major[String(c.major)],
    labels.studyMode[String(c.studyMode)],
    ...(options.provinceName ? [`${ui.provinceLabel} ${options.provinceName(String(c.province))}`] : []),
  ];
  out.push(`${ui.candidate}${ui.colon}${who.join(' · ')}`);
  out.push('');

  const blocked = report.checklist.filter((i) => i.status === 'blocked' || i.status === 'missed').length;
  const todo = report.checklist.filter((i) => i.status === 'todo').length;
  const closed = report.registrationClosed;
  // A closed registration is the headline when it is the one judged; otherwise it is said under it.
  if (closed?.judged) out.push(painter.red(`✗ ${closed.text}`));
  else
    out.push(
      report.ready
        ? painter.green(`✓ ${todo ? ui.summaryReadyTodo(todo) : ui.summaryReady}`)
        : report.eligibility.status === 'unknown'
          ? painter.yellow(`? ${ui.summaryNeedsInfo(todo)}`)
          : painter.red(`✗ ${ui.summaryNotReady(blocked, todo)}`),
    );
  if (closed && !closed.judged) out.push(painter.yellow(`! ${closed.text}`));
  out.push('');

  // Eligibility: the verdict, the route and the months, then what is wrong.
  const e = report.eligibility;
  const verdictPaint =
    e.status === 'eligible' ? painter.green : e.status === 'ineligible' ? painter.red : painter.yellow;
  out.push(`${painter.bold(ui.eligibilityHeading)}  ${verdictPaint(labels.eligibility[e.status] ?? e.status)}`);
  const rows: string[][] = [];
  if (e.routeText) rows.push([ui.route, e.routeText]);
  if (e.degree && report.candidate.degrees) rows.push([ui.qualification, degreeLabel(e.degree, messages)]);
  if (e.requiredYears) {
    rows.push([
      ui.counted,
      ui.countedLine(messages.months(e.countedMonths), messages.months(e.requiredYears * 12), messages.day(e.cutoff)),
    ]);
  }
  if (e.status !== 'eligible' && e.earliestYear) rows.push([ui.earliest, String(e.earliestYear)]);
  out.push(...renderTable(rows, 2, options.width ? options.width - 2 : undefined).map((line) => `  ${line}`));
  const shown = verbose ? e.findings : e.findings.filter((f) => f.severity !== 'info');
  for (const finding of shown) out.push(...renderFindingLines(finding, options, '  '));
  if (verbose) {
    const routeRows = e.routes.map((r) => [
      r.satisfied ? '✓' : '✗',
      r.id,
      degreeLabel(r.degree, messages),
      `${messages.months(r.countedMonths)} / ${messages.months(r.requiredMonths)}`,
      r.countFrom ? ui.countFrom(r.countFrom) : '',
    ]);
    out.push(...renderTable(routeRows).map((line) => `    ${painter.dim(line)}`));
    for (const claim of e.folklore)
      out.push(`    ${painter.dim(`${ui.folklore}${ui.colon}${claim.claim}${ui.inParens(claim.source)}`)}`);
  }
  out.push('');

  // Files, when any were checked.
  if (report.files.length) out.push(painter.bold(ui.filesHeading));
  for (const file of report.files) out.push(...renderFileLines(file, options).map((line) => `  ${line}`));
  if (report.files.length) out.push('');

  // The checklist, grouped, with deadlines aligned on the right.
  for (const group of CHECKLIST_GROUPS) {
    const items = report.checklist.filter((item) => item.group === group);
    if (!items.length) continue;
    out.push(painter.bold(labels.group[group] ?? group));
    for (const item of items) {
      const line = `  ${paintStatus(painter, item.status, STATUS_SYMBOL[item.status])} ${item.text}`;
      out.push(
        item.due && item.status !== 'info' && item.status !== 'done'
          ? `${line}  ${painter.cyan(ui.due(item.due, item.dueEstimated ?? false))}`
          : line,
      );
    }
  }
  out.push('');

  if (verbose) {
    out.push(painter.bold(ui.datesHeading));
    const rows = report.dates.events.map((event) => [
      event.title,
      eventWhen(event, messages),
      painter.dim(`${event.note} · ${ui.source}${ui.colon}${event.source}`),
    ]);
    out.push(...renderTable(rows).map((line) => `  ${line}`));
    out.push('');
  }

  if (closed?.judged) {
    out.push(painter.bold(`${ui.nextAction}${ui.colon}`) + closed.nextText);
  } else if (report.next.length) {
    const count = options.nextCount ?? 3;
    const names = report.next.slice(0, count).map((item) => item.short);
    out.push(
      painter.bold(`${ui.nextAction}${ui.colon}`) +
        ui.remaining(report.next.length, names.join(ui.listSeparator) + (report.next.length > count ? ' …' : '')),
    );
    if (report.nextDeadline) out.push(`  → ${painter.cyan(report.nextDeadline.text)}`);
  } else {
    out.push(painter.green(ui.nothingLeft));
  }
  if (report.data) out.push(painter.dim(report.data.text));
  if (!verbose) out.push(painter.dim(ui.verboseHint));
  return `${wrapText(out.join('\n'), options.width)}\n`;
}
