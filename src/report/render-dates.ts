/** The dates timeline for a terminal and as Markdown. Returns strings. */
import type { Messages } from '../i18n/messages.js';
import { renderTable } from '../text/table.js';
import type { ReportEvent } from './build-report.js';
import type { DatesReport } from './dates-report.js';
import type { Painter } from './painter.js';
import { eventWhen } from './render-text.js';

const SYMBOL = { open: '●', upcoming: '○', passed: '✓' } as const;

function who(report: DatesReport, messages: Messages, province?: string): string {
  const parts = [province, report.level ? messages.labels.level[report.level] : undefined].filter(Boolean);
  return parts.length ? ` · ${parts.join(' · ')}` : '';
}

function timeline(events: ReportEvent[], messages: Messages, painter: Painter, verbose: boolean): string[] {
  const rows = events.map((event) => {
    const paint = event.timing === 'open' ? painter.yellow : event.timing === 'passed' ? painter.dim : (t: string) => t;
    const row = [paint(`${SYMBOL[event.timing]} ${event.title}`), paint(eventWhen(event, messages)), painter.dim(event.note)];
    return row;
  });
  const lines = renderTable(rows).map((line) => `  ${line}`);
  if (!verbose) return lines;
  return events.flatMap((event, i) => [
    lines[i] ?? '',
    `      ${painter.dim(messages.eventTodo[event.id] ?? '')}`,
    ...(event.papers ?? []).map((p) => `      ${painter.dim(`${p.date} ${p.start}-${p.end} ${p.id}`)}`),
    `      ${painter.dim(`${messages.ui.source}${messages.ui.colon}${event.source}`)}`,
  ]);
}

export function renderDatesText(report: DatesReport, options: { messages: Messages; painter: Painter; verbose: boolean; provinceName?: string }): string {
  const { messages, painter, verbose } = options;
  const out = [painter.bold(`${messages.ui.datesTitle(report.year, report.today)}${who(report, messages, options.provinceName)}`)];
  out.push(...timeline(report.events, messages, painter, verbose), '');
  if (report.previousYear) {
    out.push(painter.bold(messages.ui.runningCycle(report.previousYear.year)));
    out.push(...timeline(report.previousYear.events, messages, painter, verbose), '');
  }
  if (report.nextDeadline) out.push(`${painter.bold(`${messages.ui.nextAction}${messages.ui.colon}`)}${painter.cyan(report.nextDeadline.text)}`);
  out.push(painter.dim(messages.ui.estimatedLegend));
  return `${out.join('\n')}\n`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function renderDatesMarkdown(report: DatesReport, options: { messages: Messages; provinceName?: string }): string {
  const { messages } = options;
  const table = (events: ReportEvent[]) => [
    '| | | | |',
    '| --- | --- | --- | --- |',
    ...events.map((e) => `| ${cell(e.title)} | ${cell(eventWhen(e, messages))} | ${cell(messages.eventTodo[e.id] ?? '')} | ${cell(e.note)} |`),
    '',
  ];
  const out = [`# ${messages.ui.datesTitle(report.year, report.today)}${who(report, messages, options.provinceName)}`, '', ...table(report.events)];
  if (report.previousYear) out.push(`## ${messages.ui.runningCycle(report.previousYear.year)}`, '', ...table(report.previousYear.events));
  if (report.nextDeadline) out.push(`**${messages.ui.nextAction}**${messages.ui.colon}${report.nextDeadline.text}`, '');
  out.push(`_${messages.ui.estimatedLegend}_`, '');
  return out.join('\n');
}
