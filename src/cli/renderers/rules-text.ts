/** `rules` for a terminal: colour and wrapping to the terminal's width. */
import { renderRulesText } from '../../report/render-rules.js';
import type { Renderer, RulesData } from '../../report/renderer.js';
import { wrapText } from '../../text/table.js';
import { painterFor, terminalWidth } from '../terminal.js';

export const renderRulesTerminal: Renderer<RulesData> = async ({ ruleSet }, { globals, messages }) =>
  wrapText(
    renderRulesText(ruleSet, { messages, lang: globals.lang, painter: await painterFor(globals.color) }),
    terminalWidth(globals.output),
  );
