/**
 * A roster as offices make it → header + rows of strings. Pure: bytes in, table or a problem out.
 * Text is strict UTF-8 (BOM stripped), else GB18030 (what Excel saves on Chinese Windows).
 */
import { parse } from 'csv-parse/sync';

export interface RosterTable {
  encoding: 'utf-8' | 'utf-8-bom' | 'gb18030' | 'xlsx';
  header: string[];
  /** Data rows with their 1-based line/row number in the source. */
  rows: { line: number; cells: string[] }[];
}

export type TableResult = { ok: true; table: RosterTable } | { ok: false; line?: number; reason: string };

export function decodeText(bytes: Uint8Array): { text: string; encoding: RosterTable['encoding'] } {
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
