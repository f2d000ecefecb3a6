/** Plain-text tables aligned by display width, so 中文 (two columns per character) lines up. */
import stringWidth from 'string-width';

export const displayWidth = (text: string): number => stringWidth(text);

export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Rows of cells → lines; the last column is not padded. Cells may hold ANSI colour. */
export function renderTable(rows: string[][], gap = 2): string[] {
  const columns = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(0, ...rows.map((row) => displayWidth(row[c] ?? ''))));
  return rows.map((row) =>
    row
      .map((cell, c) => (c === row.length - 1 ? cell : padDisplay(cell, (widths[c] ?? 0) + gap)))
      .join('')
      .trimEnd(),
  );
}
