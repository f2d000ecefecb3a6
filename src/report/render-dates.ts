/** The dates timeline for a terminal and as Markdown. Returns strings. */
import type { DatesData, Renderer } from './renderer.js';
import { jsonText } from './render-json.js';
import type { Messages } from '../i18n/messages.js';
import { displayWidth, padDisplay, renderTable, wrapLine, wrapText } from '../text/table.js';
import type { ReportEvent } from './localize.js';
import type { DatesReport } from './dates-report.js';
import type { Painter } from './painter.js';
import { eventRange, eventTiming, eventWhen } from './render-text.js';

/** A passed date is only past: its mark must not read as “done”. */
const SYMBOL = { open: '●', upcoming: '○', passed: '–' } as const;

function who(report: DatesReport, messages: Messages, province?: string): string {
  const parts = [province, report.level ? messages.labels.level[report.level] : undefined].filter(Boolean);
  return parts.length ? ` · ${parts.join(' · ')}` : '';
}

export interface DatesTextOptions {
  messages: Messages;
  painter: Painter;
  verbose: boolean;
  provinceName?: string;
  /** The terminal's width in columns (absent for files and pipes). */
  width?: number;
  /** A paper's name, for the exam's papers and times when a level is known. */
  paperName?: (id: string) => string;
}

/**
 * One row per event, every column aligned by display width: title, dates, countdown, note. When
 * that is wider than the terminal, each event takes two lines (title, then dates and countdown
 * aligned across events) so no date is ever broken.
 */
function timeline(events: ReportEvent[], report: DatesReport, options: DatesTextOptions): string[] {
  const { messages, painter, verbose, width } = options;
  const paintOf = (event: ReportEvent) =>
    event.timing === 'open' ? painter.yellow : event.timing === 'passed' ? painter.dim : (t: string) => t;
  const rows = events.map((event) => {
    const paint = paintOf(event);
    return [
      paint(`${SYMBOL[event.timing]} ${event.title}`),
      paint(eventRange(event, messages)),
      paint(eventTiming(event, messages)),
      painter.dim(event.note),
    ];
  });
  const widthOf = (c: number, from: string[][]) => Math.max(0, ...from.map((row) => displayWidth(row[c] ?? '')));
  const pad = (cells: string[], widths: number[]) =>
    cells
      .map((cell, c) => (c === cells.length - 1 ? cell : padDisplay(cell, widths[c]! + 2)))
      .join('')
      .trimEnd();
  const titleWidth = widthOf(0, rows);
  const whenWidths = [widthOf(1, rows), widthOf(2, rows)];
  const stacked = width !== undefined && 2 + titleWidth + 2 + whenWidths[0]! + 2 + whenWidths[1]! > width;
  const blocks = events.map((event, i) => {
    const row = rows[i]!;
    const lines = stacked
      ? displayWidth(`    ${pad(row.slice(1), whenWidths)}`) <= width!
        ? [`  ${row[0]}`, `    ${pad(row.slice(1), whenWidths)}`]
        : // The note does not fit beside the dates: it gets its own line under them.
          [`  ${row[0]}`, `    ${pad(row.slice(1, 3), whenWidths)}`, ...wrapLine(`    ${row[3]}`, width, 4)]
      : wrapLine(
          `  ${pad(row, [titleWidth, ...whenWidths])}`,
          width,
          2 + titleWidth + 2 + whenWidths[0]! + 2 + whenWidths[1]! + 2,
        );
    // The exam's papers with their times, when the level (and so the papers) is known.
    if (event.papers?.length && (report.level || verbose)) {
      const paperRows = event.papers.map((p) => [
        options.paperName?.(p.id) ?? p.id,
        `${messages.day(p.date)} ${p.start}–${p.end}`,
      ]);
      lines.push(...renderTable(paperRows).map((line) => `      ${painter.dim(line)}`));
    }
    if (verbose) {
      lines.push(
        `      ${painter.dim(messages.eventTodo[event.id] ?? '')}`,
        `      ${painter.dim(`${messages.ui.source}${messages.ui.colon}${event.source}`)}`,
      );
    }
    return lines;
  });
  return blocks.flat();
}

export function renderDatesText(report: DatesReport, options: DatesTextOptions): string {
  const { messages, painter } = options;
  const out = [
    painter.bold(`${messages.ui.datesTitle(report.year, report.today)}${who(report, messages, options.provinceName)}`),
  ];
  out.push(...timeline(report.events, report, options), '');
  if (report.previousYear) {
    out.push(painter.bold(messages.ui.runningCycle(report.previousYear.year)));
    out.push(...timeline(report.previousYear.events, report, options), '');
  }
  if (report.nextDeadline)
    out.push(
      `${painter.bold(`${messages.ui.nextAction}${messages.ui.colon}`)}${painter.cyan(report.nextDeadline.text)}`,
    );
  out.push(painter.dim(messages.ui.estimatedLegend));
  if (report.data) out.push(painter.dim(report.data.text));
  return `${wrapText(out.join('\n'), options.width)}\n`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function renderDatesMarkdown(
  report: DatesReport,
  options: { messages: Messages; provinceName?: string },
): string {
  const { messages } = options;
  const table = (events: ReportEvent[]) => [
    `| ${messages.ui.datesColumns.map(cell).join(' | ')} |`,
    '| --- | --- | --- | --- |',
    ...events.map(
      (e) =>
        `| ${cell(e.title)} | ${cell(eventWhen(e, messages))} | ${cell(messages.eventTodo[e.id] ?? '')} | ${cell(e.note)} |`,
    ),
    '',
  ];
  const out = [
    `# ${messages.ui.datesTitle(report.year, report.today)}${who(report, messages, options.provinceName)}`,
    '',
    ...table(report.events),
  ];
  if (report.previousYear)
    out.push(`## ${messages.ui.runningCycle(report.previousYear.year)}`, '', ...table(report.previousYear.events));
  if (report.nextDeadline) out.push(`**${messages.ui.nextAction}**${messages.ui.colon}${report.nextDeadline.text}`, '');
  out.push(`_${messages.ui.estimatedLegend}_`, '');
  if (report.data) out.push(`_${report.data.text}_`, '');
  return out.join('\n');
}

/** `dates --format json`: the dates report as it is. */
export const renderDatesJson: Renderer<DatesData> = ({ report }) => jsonText(report);

/** `dates --format md`. */
export const renderDatesMd: Renderer<DatesData> = ({ report, provinceName }, { messages }) =>
  renderDatesMarkdown(report, { messages, ...(provinceName ? { provinceName } : {}) });
