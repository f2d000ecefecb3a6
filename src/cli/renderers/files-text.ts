/** `files` for a terminal: colour and wrapping to the terminal's width. */
import { renderFilesText } from '../../report/render-files.js';
import type { FilesData, Renderer } from '../../report/renderer.js';
import { painterFor, terminalWidth } from '../terminal.js';

export const renderFilesTerminal: Renderer<FilesData> = async ({ files }, { globals, messages }) => {
  const width = terminalWidth(globals.output);
  return renderFilesText(files, {
    messages,
    painter: await painterFor(globals.color),
    verbose: globals.verbose,
    ...(width ? { width } : {}),
  });
};
