/**
 * A roster as offices make it → header + rows of strings. Pure: bytes in, table or a problem out.
 * Text is strict UTF-8 (BOM stripped), else GB18030 (what Excel saves on Chinese Windows).
 */
import { parse } from 'csv-parse/sync';
import { ROSTER_LIMITS } from './roster-limits.js';

export interface RosterTable {
  encoding: 'utf-8' | 'utf-8-bom' | 'gb18030' | 'xlsx' | 'utf-16le' | 'utf-16be' | 'utf-8+gb18030';
  header: string[];
  /** The header's 1-based line/row number in the source (blank rows above it are skipped). */
  headerLine: number;
  /** Data rows with their 1-based line/row number in the source. */
  rows: { line: number; cells: string[] }[];
  /** xlsx rows with a cell that pointed past the shared strings (a damaged file): read as empty there. */
  damagedLines?: number[];
}

export type TableResult = { ok: true; table: RosterTable } | { ok: false; line?: number; reason: string };

/** UTF-16 by its BOM, or (no BOM) by NUL bytes in every other place of the first bytes. */
function utf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = bytes.subarray(0, Math.min(bytes.length, 512) & ~1);
  if (head.length < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < head.length; i += 2) {
    if (head[i] === 0) evenZero += 1;
    if (head[i + 1] === 0) oddZero += 1;
  }
  // ASCII headers and separators in UTF-16 leave a NUL in one half of most pairs, never in text encodings.
  const pairs = head.length / 2;
  if (oddZero > pairs * 0.3 && evenZero === 0) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero === 0) return 'utf-16be';
  return undefined;
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: RosterTable['encoding'] } {
  // Excel's "Unicode text" (Unicode 文本) is UTF-16 with tabs.
  const wide = utf16(bytes);
  if (wide) return { text: new TextDecoder(wide).decode(bytes), encoding: wide };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(3) : bytes);
    return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    return mixedOrGbk(bom ? bytes.subarray(3) : bytes);
  }
}

/**
 * Not UTF-8 as a whole: GB18030, unless some lines are valid UTF-8 with Chinese in them (a GBK
 * header pasted above UTF-8 rows, or the reverse). Then each line is read in its own
 * encoding.
 */
function mixedOrGbk(bytes: Uint8Array): { text: string; encoding: RosterTable['encoding'] } {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const gbk = new TextDecoder('gb18030');
  const lines: string[] = [];
  let utf8Lines = 0;
  let start = 0;
  while (start <= bytes.length) {
    const end = bytes.indexOf(0x0a, start);
    const line = bytes.subarray(start, end < 0 ? bytes.length : end);
    let text: string;
    try {
      text = strict.decode(line);
      if (line.some((byte) => byte >= 0x80)) utf8Lines += 1;
    } catch {
      text = gbk.decode(line);
    }
    lines.push(text);
    if (end < 0) break;
    start = end + 1;
  }
  return utf8Lines
    ? { text: lines.join('\n'), encoding: 'utf-8+gb18030' }
    : { text: gbk.decode(bytes), encoding: 'gb18030' };
}

/** The first line longer than `limit` bytes, found on the bytes before any decoding. */
function longLine(bytes: Uint8Array, limit: number): number | undefined {
  let start = 0;
  for (let line = 1; start <= bytes.length; line += 1) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end < 0 ? bytes.length : end;
    if (stop - start > limit) return line;
    if (end < 0) return undefined;
    start = end + 1;
  }
  return undefined;
}

export function parseCsvRoster(bytes: Uint8Array): TableResult {
  // A line no record could fit in is refused before the text is decoded (UTF-16 takes two bytes a character).
  const long = longLine(bytes, ROSTER_LIMITS.recordBytes * 2);
  if (long !== undefined) return { ok: false, line: long, reason: 'record-too-big' };
  const { text, encoding } = decodeText(bytes);
  // Excel in some locales saves semicolons or tabs; take the header line's most common separator.
  // Only the start of the text is looked at: a 50 MB first line must not be split 25 million ways.
  // A title line above the header has no separators: look at the first lines, not only the first.
  const head = text.slice(0, 8192).split(/\r?\n/, 12);
  const most = (sep: string) => Math.max(0, ...head.map((line) => line.split(sep).length));
  const delimiter = [',', ';', '\t', '，'].sort((a, b) => most(b) - most(a))[0]!;
  let records: { record: string[]; info: { lines: number } }[];
  let count = 0;
  try {
    // info: each record's source line (blank lines and multi-line cells shift the index).
    // Bounded: a record over recordBytes, more columns than allowed or more rows
    // than allowed stop the parser at once, with the line number.
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      max_record_size: ROSTER_LIMITS.recordBytes,
      on_record: ((record: { record: string[]; info: { lines: number } }) => {
        if (record.record.length > ROSTER_LIMITS.columns)
          throw Object.assign(new Error('too-many-columns'), { code: 'TOO_MANY_COLUMNS', lines: record.info.lines });
        if ((count += 1) > ROSTER_LIMITS.rows + 1)
          throw Object.assign(new Error('too-many-rows'), { code: 'TOO_MANY_ROWS', lines: record.info.lines });
        return record;
      }) as never,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, ...(line ? { line } : {}), reason: csvReason(error) };
  }
  if (records.length > ROSTER_LIMITS.rows + 1) return { ok: false, reason: 'too-many-rows' };
  return fromRecords(
    records.map((r) => r.record),
    encoding,
    records.map((r) => r.info.lines),
  );
}

/** csv-parse's errors as reason codes the catalogues put in words (no English library text). */
function csvReason(error: unknown): string {
  const code = String((error as { code?: unknown }).code ?? '');
  if (code === 'CSV_MAX_RECORD_SIZE') return 'record-too-big';
  if (code === 'TOO_MANY_COLUMNS') return 'too-many-columns';
  if (code === 'TOO_MANY_ROWS') return 'too-many-rows';
  if (/QUOTE/.test(code)) return 'quote';
  return 'csv';
}

/** Records → table; `lines` gives each record's source line (default: its position, for xlsx rows). */
export function fromRecords(records: unknown[][], encoding: RosterTable['encoding'], lines?: number[]): TableResult {
  // Blank rows above the first one with text (an xlsx often starts lower down) are skipped.
  const blank = (cells: unknown[]) => cells.every((cell) => String(cell ?? '').trim() === '');
  const first = records.findIndex((cells) => !blank(cells));
  const header = first < 0 ? undefined : records[first];
  if (!header) return { ok: false, line: lines?.[0] ?? 1, reason: 'no-header-row' };
  const rest = records.slice(first + 1);
  const lineOf = (i: number) => lines?.[i] ?? i + 1;
  if (header.length > ROSTER_LIMITS.columns) return { ok: false, line: lineOf(first), reason: 'too-many-columns' };
  if (rest.length > ROSTER_LIMITS.rows) return { ok: false, reason: 'too-many-rows' };
  return {
    ok: true,
    table: {
      encoding,
      header: header.map((cell) => cellText(cell)),
      headerLine: lineOf(first),
      rows: rest
        .map((cells, i) => ({ line: lineOf(first + 1 + i), cells: cells.map(cellText) }))
        .filter((row) => row.cells.some((cell) => cell !== '')),
    },
  };
}

/** Cells from xlsx may be numbers, booleans or dates; keep what a person would read, at most cellChars. */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number')
    return Number.isInteger(cell) && Math.abs(cell) >= 1e15 ? BigInt(Math.round(cell)).toString() : String(cell);
  const text = String(cell).trim();
  return text.length > ROSTER_LIMITS.cellChars ? `${[...text.slice(0, ROSTER_LIMITS.cellChars)].join('')}…` : text;
}
