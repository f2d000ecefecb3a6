/** `check` for a terminal: the report with colour and wrapping to the terminal's width. */
import type { Report } from '../../report/build-report.js';
import { provinceNamer } from '../../report/localize.js';
import { renderText } from '../../report/render-text.js';
import type { Renderer } from '../../report/renderer.js';
import { painterFor, terminalWidth } from '../terminal.js';

export const renderChecklistText: Renderer<Report> = async (report, { globals, messages, provinces }) => {
  const width = terminalWidth(globals.output);
  return renderText(report, {
    messages,
    provinceName: provinceNamer(provinces, globals.lang),
    painter: await painterFor(globals.color),
    verbose: globals.verbose,
    ...(width ? { width } : {}),
  });
};
