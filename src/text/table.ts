/** Plain-text tables aligned by display width, so 中文 (two columns per character) lines up. */
import stringWidth from 'string-width';
import { displayWidth as exactWidth, type Measure, wrapLine as wrapLineBy, wrapText as wrapTextBy } from './width.js';

/** Exact widths, with string-width for what src/text/width.ts does not count itself. */
export const displayWidth: Measure = (text) => exactWidth(text, stringWidth);

export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Rows of cells → lines; the last column is not padded. Cells may hold ANSI colour. With
 * `maxWidth`, a last cell that does not fit wraps under its own column.
 */
export function renderTable(rows: string[][], gap = 2, maxWidth?: number): string[] {
  const columns = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(0, ...rows.map((row) => displayWidth(row[c] ?? ''))),
  );
  return rows.flatMap((row) => {
    const line = row
      .map((cell, c) => (c === row.length - 1 ? cell : padDisplay(cell, (widths[c] ?? 0) + gap)))
      .join('')
      .trimEnd();
    const start = row.slice(0, -1).reduce((sum, _, c) => sum + (widths[c] ?? 0) + gap, 0);
    return wrapLine(line, maxWidth, start <= (maxWidth ?? 0) - 16 ? start : 4);
  });
}

/** One line → lines no wider than `width` (src/text/width.ts), measured with string-width's help. */
export const wrapLine = (line: string, width: number | undefined, indent = 0): string[] =>
  wrapLineBy(line, width, indent, displayWidth);

/** Every line of a text wrapped with a hanging indent (src/text/width.ts), measured as above. */
export const wrapText = (text: string, width: number | undefined): string => wrapTextBy(text, width, displayWidth);
