/** File results for a terminal. Returns a string. */
import type { Messages } from '../i18n/messages.js';
import type { ReportFile } from './build-report.js';
import type { Painter } from './painter.js';
import { wrapText } from '../text/table.js';
import { renderFileLines } from './render-text.js';
import type { FilesData, Renderer } from './renderer.js';
import { jsonText } from './render-json.js';

export function renderFilesText(
  files: ReportFile[],
  options: { messages: Messages; painter: Painter; verbose: boolean; width?: number },
): string {
  const out = files.flatMap((file) => [...renderFileLines(file, options), '']);
  const count = (status: string) => files.filter((f) => f.status === status).length;
  out.push(options.painter.bold(options.messages.ui.filesSummary(count('pass'), count('warn'), count('fail'))));
  return `${wrapText(out.join('\n'), options.width)}\n`;
}

/** `files --format json`: every file's result under the schema id. */
export const renderFilesJson: Renderer<FilesData> = ({ files }, { schema }) => jsonText({ schema, files });
