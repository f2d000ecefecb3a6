/** `fix` for a terminal: the copy written, its notes, and the copy's re-check (nothing when none was written). */
import { localizeFinding } from '../../report/localize.js';
import { renderFileLines } from '../../report/render-text.js';
import type { Renderer } from '../../report/renderer.js';
import { wrapText } from '../../text/table.js';
import { fixNotes } from '../fix-notes.js';
import { painterFor, terminalWidth } from '../terminal.js';
import type { FixData } from './fix-json.js';

export const renderFixText: Renderer<FixData> = async ({ outcome }, { globals, messages }) => {
  if (!outcome.ok) return '';
  const painter = await painterFor(globals.color);
  const lines = [
    painter.green(
      `✓ ${messages.ui.fixed(outcome.output, outcome.width, outcome.height, Math.round(outcome.bytes / 1024), outcome.quality, outcome.dpi)}`,
    ),
    ...(outcome.inWindow ? [] : [painter.yellow(messages.ui.fixedNotInWindow)]),
    ...fixNotes(outcome, messages, (text) => painter.yellow(text)),
    messages.ui.recheck,
    ...renderFileLines(
      { ...outcome.result, findings: outcome.result.findings.map((f) => localizeFinding(messages, f)) },
      { messages, painter, verbose: globals.verbose },
    ),
  ];
  return `${wrapText(lines.join('\n'), terminalWidth(undefined))}\n`;
};
