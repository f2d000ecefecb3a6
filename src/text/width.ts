/**
 * Columns text takes in a terminal, and wrapping to a width by them: the one home of both. Imports
 * nothing, so `--help` (commander's `displayWidth` and `boxWrap`) can use it without loading a
 * package. Tables hold printable ASCII, Latin letters, common punctuation, arrows and box drawing
 * (one column each) and CJK ideographs, kana and full-width forms (two), with or without colour:
 * such text is counted exactly here. Anything else (emoji, combining marks, Hangul jamo) goes to
 * `fallback`: by default a count by Unicode blocks; src/text/table.ts passes string-width, whose
 * first call costs ~15-19 ms (an ICU grapheme segmenter), for reports.
 * test/report/display-width.test.ts checks the exact count agrees with string-width.
 */

/** ANSI colour codes: no width (also stripped before wrapping, below). */
const ANSI = /\u001b\[[0-9;]*m/g;
const NARROW =
  '\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2460-\u24ff\u2500-\u259f';
const WIDE = '\u3000-\u3029\u302e-\u303e\u3041-\u3096\u30a1-\u30fa\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60\uffe0-\uffe6';
const COUNTABLE = new RegExp(`^[${NARROW}${WIDE}]*$`);
const WIDE_CHARS = new RegExp(`[${WIDE}]`, 'g');

export type Measure = (text: string) => number;

/** Columns by Unicode blocks: CJK, Hangul and full-width forms take two, everything else one. */
export function blockWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(ANSI, '')) {
    const code = char.codePointAt(0) ?? 0;
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000
        ? 2
        : 1;
  }
  return width;
}

/** Columns a string takes: exact for the text counted above, `fallback` for anything else. */
export function displayWidth(text: string, fallback: Measure = blockWidth): number {
  const visible = text.includes('\u001b') ? text.replace(ANSI, '') : text;
  if (!COUNTABLE.test(visible)) return fallback(text);
  return visible.length + (visible.match(WIDE_CHARS)?.length ?? 0);
}

// Wrapping to the terminal's width, by display width, never inside a date.
/** Pieces a line may break between: a whole date or number with its unit, a Latin word, or one CJK character. */
const CHUNK =
  /\s*(?:\u001b\[[0-9;]*m)*(?:\d{4}年\d{1,2}月\d{1,2}日(?:（预估）)?|\d{1,2}月\d{1,2}日(?:（预估）)?|\d{4}-\d{2}(?:-\d{2})?(?:\.\.(?:\d{4}-\d{2})?)?|\d+\s?(?:天|个月|年|项|科|元|分|学时|dpi|KB|MB)|[^\s\u2e80-\u9fff\uf900-\ufaff\ufe30-\uffef]+[）」』”、，。；：！？]*|[（「『“]?[\u2e80-\u9fff\uf900-\ufaff\ufe30-\uffef][）」』”、，。；：！？]*)(?:\u001b\[[0-9;]*m)*/g;

/**
 * One line → lines no wider than `width`, continuation lines indented by `indent` columns.
 * Without a width (a file, a pipe) the line is left as it is.
 */
export function wrapLine(
  line: string,
  width: number | undefined,
  indent = 0,
  measure: Measure = displayWidth,
): string[] {
  if (!width || measure(line) <= width) return [line];
  const lead = line.match(/^\s*/)?.[0] ?? '';
  const pieces = line.slice(lead.length).match(CHUNK) ?? [line];
  const out: string[] = [];
  let current = lead;
  const pad = ' '.repeat(indent);
  for (const piece of pieces) {
    const fresh = current.trim() === '';
    if (!fresh && measure(current + piece) > width) {
      out.push(current.trimEnd());
      current = pad + piece.trimStart();
    } else current += piece;
  }
  out.push(current.trimEnd());
  return out;
}

/** Columns a line starts its text at after a leading symbol (`  ✗ text` → 4), for hanging indents. */
export const hangingIndent = (line: string, measure: Measure = displayWidth): number => {
  const plain = line.replace(ANSI, '');
  const match = plain.match(/^(\s*(?:[✓○✗⊘·!→●-]\s+)?)/);
  return measure(match?.[1] ?? '');
};

/** Every line of a text wrapped with a hanging indent; lines that fit are unchanged. */
export function wrapText(text: string, width: number | undefined, measure: Measure = displayWidth): string {
  if (!width) return text;
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width, hangingIndent(line, measure), measure))
    .join('\n');
}
