/** File results for a terminal. Returns a string. */
import type { Messages } from '../i18n/messages.js';
import type { ReportFile } from './build-report.js';
import type { Painter } from './painter.js';
import { formatValues, renderFindingLines, type TextOptions } from './render-text.js';

const SYMBOL = { pass: '✓', warn: '!', fail: '✗' } as const;

export function renderFileLines(file: ReportFile, options: TextOptions): string[] {
  const { painter, messages, verbose } = options;
  const paint = file.status === 'pass' ? painter.green : file.status === 'warn' ? painter.yellow : painter.red;
  const role = messages.labels.role[file.role] ?? file.role;
  const lines = [`${paint(`${SYMBOL[file.status]} ${role}`)}  ${file.path}  ${painter.dim(messages.labels.fileStatus[file.status] ?? file.status)}`];
  if (verbose) lines.push(`    ${painter.dim(formatValues(file.measured))}`);
  const shown = verbose ? file.findings : file.findings.filter((f) => f.severity !== 'info' || f.id === 'photo.official-tool');
  for (const finding of shown) lines.push(...renderFindingLines(finding, options, '    '));
  return lines;
}

export function renderFilesText(files: ReportFile[], options: { messages: Messages; painter: Painter; verbose: boolean }): string {
  const out = files.flatMap((file) => [...renderFileLines(file, options), '']);
  const count = (status: string) => files.filter((f) => f.status === status).length;
  out.push(options.painter.bold(options.messages.ui.filesSummary(count('pass'), count('warn'), count('fail'))));
  return `${out.join('\n')}\n`;
}
