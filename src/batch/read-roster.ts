/** Read a roster file: .xlsx through read-excel-file (first sheet or --sheet), else CSV bytes. */
import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { fromRecords, parseCsvRoster, type RosterTable } from './roster-table.js';

export async function readRoster(file: string, sheet?: string): Promise<RosterTable> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new UserError('error.roster', { line: '', reason: `${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
  }
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip || /\.xlsx$/i.test(file)) {
    const { readSheet } = await import('read-excel-file/node');
    let rows: unknown[][];
    try {
      rows = (await readSheet(bytes, sheet === undefined ? undefined : /^\d+$/.test(sheet) ? Number(sheet) : sheet)) as unknown[][];
    } catch (error) {
      throw new UserError('error.roster', { line: '', reason: String((error as Error).message ?? error).split('\n')[0] ?? 'xlsx' });
    }
    const table = fromRecords(rows, 'xlsx');
    if (!table.ok) throw new UserError('error.roster', { line: String(table.line ?? ''), reason: table.reason });
    return table.table;
  }
  const table = parseCsvRoster(bytes);
  if (!table.ok) throw new UserError('error.roster', { line: String(table.line ?? ''), reason: table.reason });
  return table.table;
}
