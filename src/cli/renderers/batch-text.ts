/** `batch`'s closing summary on the terminal (coloured by stdout's own colour support). */
import { type BatchSummaryView, renderBatchSummaryText } from '../../report/render-batch-summary.js';
import type { Renderer } from '../../report/renderer.js';
import { painterFor } from '../terminal.js';

export const renderBatchTerminal: Renderer<BatchSummaryView> = async (view, { globals, messages }) =>
  renderBatchSummaryText(view, { messages, painter: await painterFor(globals.color, process.stdout) });
