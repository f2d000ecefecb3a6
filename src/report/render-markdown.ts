/** The report as Markdown, to hand out or paste into a message. Returns a string. */
import type { Messages } from '../i18n/messages.js';
import { CHECKLIST_GROUPS } from '../model/report.js';
import type { Report } from './build-report.js';
import type { Renderer } from './renderer.js';
import type { ReportFinding } from './localize.js';
import { STATUS_SYMBOL, eventWhen, formatValues } from './render-text.js';

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function findingLines(finding: ReportFinding, messages: Messages, verbose: boolean): string[] {
  const lines = [`- **${messages.labels.severity[finding.severity]}** ${finding.message}`];
  if (finding.fix) lines.push(`  - ${messages.ui.fix}${messages.ui.colon}${finding.fix}`);
  if (verbose && (finding.measured || finding.expected)) {
    lines.push(
      `  - \`${finding.id}\` ${messages.ui.measured} ${formatValues(finding.measured)}${messages.ui.listSeparator}${messages.ui.expected} ${formatValues(finding.expected)}`,
    );
  }
  return lines;
}

export function renderMarkdown(report: Report, options: { messages: Messages; verbose: boolean }): string {
  const { messages, verbose } = options;
  const { ui, labels } = messages;
  const c = report.candidate;
  const out: string[] = [`# ${ui.title(report.year)}`, ''];
  out.push(
    `${ui.candidate}${ui.colon}${[labels.level[String(c.level)], labels.education[String(c.education)], labels.major[String(c.major)], labels.studyMode[String(c.studyMode)]].join(' · ')}`,
    '',
  );
  const blocked = report.checklist.filter((i) => i.status === 'blocked' || i.status === 'missed').length;
  const todo = report.checklist.filter((i) => i.status === 'todo').length;
  const closed = report.registrationClosed;
  out.push(
    `**${closed?.judged ? closed.text : report.ready ? (todo ? ui.summaryReadyTodo(todo) : ui.summaryReady) : report.eligibility.status === 'unknown' ? ui.summaryNeedsInfo(todo) : ui.summaryNotReady(blocked, todo)}**`,
    '',
  );
  if (closed && !closed.judged) out.push(`> ${closed.text}`, '');

  const e = report.eligibility;
  out.push(`## ${ui.eligibilityHeading}${ui.colon}${labels.eligibility[e.status] ?? e.status}`, '');
  if (e.routeText) out.push(`- ${ui.route}${ui.colon}${e.routeText}`);
  if (e.requiredYears) {
    out.push(
      `- ${ui.counted}${ui.colon}${ui.countedLine(messages.months(e.countedMonths), messages.months(e.requiredYears * 12), messages.day(e.cutoff))}`,
    );
  }
  if (e.status !== 'eligible' && e.earliestYear) out.push(`- ${ui.earliest}${ui.colon}${e.earliestYear}`);
  out.push('');
  for (const finding of verbose ? e.findings : e.findings.filter((f) => f.severity !== 'info'))
    out.push(...findingLines(finding, messages, verbose));
  if (e.findings.length) out.push('');

  for (const file of report.files) {
    out.push(
      `### ${labels.role[file.role] ?? file.role}${ui.colon}\`${file.path}\`${ui.inParens(labels.fileStatus[file.status] ?? file.status)}`,
      '',
    );
    for (const finding of file.findings) out.push(...findingLines(finding, messages, verbose));
    out.push('');
  }

  for (const group of CHECKLIST_GROUPS) {
    const items = report.checklist.filter((item) => item.group === group);
    if (!items.length) continue;
    out.push(`## ${labels.group[group]}`, '');
    for (const item of items) {
      const box = item.status === 'done' ? '[x]' : item.status === 'info' ? '' : '[ ]';
      const due =
        item.due && item.status !== 'info' && item.status !== 'done'
          ? ` — ${ui.due(item.due, item.dueEstimated ?? false)}`
          : '';
      out.push(
        `- ${box ? `${box} ` : ''}${item.status === 'blocked' || item.status === 'missed' ? `${STATUS_SYMBOL[item.status]} ` : ''}${item.text}${due}`,
      );
    }
    out.push('');
  }

  out.push(`## ${ui.datesHeading}`, '', `| | | |`, `| --- | --- | --- |`);
  for (const event of report.dates.events)
    out.push(`| ${escapeCell(event.title)} | ${escapeCell(eventWhen(event, messages))} | ${escapeCell(event.note)} |`);
  out.push('');
  if (closed?.judged) out.push(`**${ui.nextAction}**${ui.colon}${closed.nextText}`, '');
  else if (report.next.length)
    out.push(
      `**${ui.nextAction}**${ui.colon}${ui.remaining(report.next.length, report.next.map((i) => i.short).join(ui.listSeparator))}`,
      '',
    );
  if (report.nextDeadline) out.push(`→ ${report.nextDeadline.text}`, '');
  if (report.data) out.push(`_${report.data.text}_`, '');
  return `${out.join('\n')}\n`;
}

/** `check --format md`. */
export const renderChecklistMd: Renderer<Report> = (report, { messages, globals }) =>
  renderMarkdown(report, { messages, verbose: globals.verbose });
