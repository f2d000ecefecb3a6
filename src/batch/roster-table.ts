/**
 * A roster as offices make it → header + rows of strings. Pure: bytes in, table or a problem out.
 * Text is strict UTF-8 (BOM stripped), else GB18030 (what Excel saves on Chinese Windows).
 */
import { parse } from 'csv-parse/sync';

export interface RosterTable {
  encoding: 'utf-8' | 'utf-8-bom' | 'gb18030' | 'xlsx' | 'utf-16le' | 'utf-16be';
  header: string[];
  /** Data rows with their 1-based line/row number in the source. */
  rows: { line: number; cells: string[] }[];
}

export type TableResult = { ok: true; table: RosterTable } | { ok: false; line?: number; reason: string };

/** UTF-16 by its BOM, or (no BOM) by NUL bytes in every other place of the first bytes (issue 10). */
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
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

export function parseCsvRoster(bytes: Uint8Array): TableResult {
  const { text, encoding } = decodeText(bytes);
  // Excel in some locales saves semicolons or tabs; take the header line's most common separator.
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t', '，'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // info: each record's source line (blank lines and multi-line cells shift the index).
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, info: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, ...(line ? { line } : {}), reason: (error as Error).message.split('\n')[0] ?? 'CSV' };
  }
  return fromRecords(records.map((r) => r.record), encoding, records.map((r) => r.info.lines));
}

/** Records → table; `lines` gives each record's source line (default: its position, for xlsx rows). */
export function fromRecords(records: unknown[][], encoding: RosterTable['encoding'], lines?: number[]): TableResult {
  const [header, ...rest] = records;
  if (!header || header.every((cell) => String(cell ?? '').trim() === '')) return { ok: false, line: lines?.[0] ?? 1, reason: 'no header row' };
  return {
    ok: true,
    table: {
      encoding,
      header: header.map((cell) => String(cell ?? '').trim()),
      rows: rest
        .map((cells, i) => ({ line: lines?.[i + 1] ?? i + 2, cells: cells.map(cellText) }))
        .filter((row) => row.cells.some((cell) => cell !== '')),
    },
  };
}

/** Cells from xlsx may be numbers, booleans or dates; keep what a person would read. */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return Number.isInteger(cell) && Math.abs(cell) >= 1e15 ? BigInt(Math.round(cell)).toString() : String(cell);
  return String(cell).trim();
}
