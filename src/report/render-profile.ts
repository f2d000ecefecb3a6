/** `shegong profile`: where the saved answers are, or the answers as a table. Returns a string. */
import { renderTable } from '../text/table.js';
import type { ProfileData, Renderer } from './renderer.js';
import { jsonText } from './render-json.js';

export const renderProfileText: Renderer<ProfileData> = (data, { messages }) => {
  if (data.action !== 'show') return data.action === 'path' ? `${data.path}\n` : '';
  if (Object.keys(data.answers).length === 0) return `${messages.ui.profileEmpty}\n`;
  return `${renderTable([messages.ui.profileColumns, ...data.rows]).join('\n')}\n`;
};

/** The answers under the schema id; `path` and `reset` are one line (scripts read them with a line reader). */
export const renderProfileJson: Renderer<ProfileData> = (data, { schema }) =>
  data.action === 'show'
    ? jsonText({ schema, path: data.path, answers: data.answers })
    : `${JSON.stringify({ schema, path: data.path, ...(data.action === 'reset' ? { reset: true } : {}) })}\n`;
