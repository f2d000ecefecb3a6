/** `shegong data`: the pack in use, or what an import or update did. Returns a string. */
import type { DataData, Renderer } from './renderer.js';
import { jsonText } from './render-json.js';

export const renderDataText: Renderer<DataData> = ({ outcome, facts }, { messages }) =>
  `${(
    outcome === 'status'
      ? messages.data.statusLines(facts)
      : [outcome === 'installed' ? messages.data.imported(facts) : messages.data.alreadyInstalled(facts)]
  ).join('\n')}\n`;

export const renderDataJson: Renderer<DataData> = ({ outcome, facts }, { schema }) =>
  jsonText({ schema, outcome, ...facts });
