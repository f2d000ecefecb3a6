/** `dates` for a terminal: colour and wrapping to the terminal's width. */
import { renderDatesText } from '../../report/render-dates.js';
import type { DatesData, Renderer } from '../../report/renderer.js';
import { painterFor, terminalWidth } from '../terminal.js';

export const renderDatesTerminal: Renderer<DatesData> = async (
  { report, paperName, provinceName },
  { globals, messages },
) => {
  const width = terminalWidth(globals.output);
  return renderDatesText(report, {
    messages,
    painter: await painterFor(globals.color),
    verbose: globals.verbose,
    paperName,
    ...(provinceName ? { provinceName } : {}),
    ...(width ? { width } : {}),
  });
};
