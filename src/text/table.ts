/** Plain-text tables aligned by display width, so 中文 (two columns per character) lines up. */
import stringWidth from 'string-width';

/**
 * Tables hold printable ASCII, Latin letters, common punctuation, arrows and box drawing (one
 * column each) and CJK ideographs, kana and full-width forms (two), with or without colour: such
 * text is counted here. Anything else (emoji, combining marks, Hangul jamo) goes to string-width,
 * whose first call costs ~15-19 ms (an ICU grapheme segmenter) on every run;
 * test/report/display-width.test.ts checks the two agree on every code point counted here.
 */
/** ANSI colour codes: no width (also stripped before wrapping, below). */
const ANSI = /\u001b\[[0-9;]*m/g;
const NARROW =
  '\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2460-\u24ff\u2500-\u259f';
const WIDE = '\u3000-\u3029\u302e-\u303e\u3041-\u3096\u30a1-\u30fa\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60\uffe0-\uffe6';
const COUNTABLE = new RegExp(`^[${NARROW}${WIDE}]*$`);
const WIDE_CHARS = new RegExp(`[${WIDE}]`, 'g');

export function displayWidth(text: string): number {
  const visible = text.includes('\u001b') ? text.replace(ANSI, '') : text;
  if (!COUNTABLE.test(visible)) return stringWidth(text);
  return visible.length + (visible.match(WIDE_CHARS)?.length ?? 0);
}

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

// Wrapping to the terminal's width, by display width, never inside a date.
/** Pieces a line may break between: a whole date or number with its unit, a Latin word, or one CJK character. */
const CHUNK =
  /\s*(?:\u001b\[[0-9;]*m)*(?:\d{4}年\d{1,2}月\d{1,2}日(?:（预估）)?|\d{1,2}月\d{1,2}日(?:（预估）)?|\d{4}-\d{2}(?:-\d{2})?(?:\.\.(?:\d{4}-\d{2})?)?|\d+\s?(?:天|个月|年|项|科|元|分|学时|dpi|KB|MB)|[^\s\u2e80-\u9fff\uf900-\ufaff\ufe30-\uffef]+[）」』”、，。；：！？]*|[（「『“]?[\u2e80-\u9fff\uf900-\ufaff\ufe30-\uffef][）」』”、，。；：！？]*)(?:\u001b\[[0-9;]*m)*/g;

/**
 * One line → lines no wider than `width`, continuation lines indented by `indent` columns.
 * Without a width (a file, a pipe) the line is left as it is.
 */
export function wrapLine(line: string, width: number | undefined, indent = 0): string[] {
  if (!width || displayWidth(line) <= width) return [line];
  const lead = line.match(/^\s*/)?.[0] ?? '';
  const pieces = line.slice(lead.length).match(CHUNK) ?? [line];
  const out: string[] = [];
  let current = lead;
  const pad = ' '.repeat(indent);
  for (const piece of pieces) {
    const fresh = current.trim() === '';
    if (!fresh && displayWidth(current + piece) > width) {
      out.push(current.trimEnd());
      current = pad + piece.trimStart();
    } else current += piece;
  }
  out.push(current.trimEnd());
  return out;
}

/** Columns a line starts its text at after a leading symbol (`  ✗ text` → 4), for hanging indents. */
export const hangingIndent = (line: string): number => {
  const plain = line.replace(ANSI, '');
  const match = plain.match(/^(\s*(?:[✓○✗⊘·!→●-]\s+)?)/);
  return displayWidth(match?.[1] ?? '');
};

/** Every line of a text wrapped with a hanging indent; lines that fit are unchanged. */
export function wrapText(text: string, width: number | undefined): string {
  if (!width) return text;
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width, hangingIndent(line)))
    .join('\n');
}
