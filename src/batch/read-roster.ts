/** Read a roster file: .xlsx through read-excel-file (first sheet or --sheet), else CSV bytes. */
import { readFile, stat } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { fromRecords, parseCsvRoster, type RosterTable } from './roster-table.js';

/** Excel 97–2003 (.xls) and WPS (.et/.wps) files are OLE2 compound documents: this signature. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What kind of file this is, when it is one we cannot read as a table (pure; issue 10). */
export function unreadableKind(file: string, bytes: Uint8Array): string | undefined {
  if (OLE2.every((byte, i) => bytes[i] === byte)) return /\.(et|wps|ett)$/i.test(file) ? 'WPS (.et)' : 'Excel 97–2003 (.xls)';
  if (/\.(xls|et|ett|wps)$/i.test(file) && !(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    // An .xls that is really HTML or text (some systems export so) is read as text below.
    return /^\s*</.test(new TextDecoder().decode(bytes.subarray(0, 64))) ? 'HTML' : undefined;
  }
  if (/\.(numbers|ods)$/i.test(file)) return file.replace(/^.*\./, '.');
  return undefined;
}

export async function readRoster(file: string, sheet?: string): Promise<RosterTable> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) {
    if (info.code === 'ENOENT' || info.code === 'ENOTDIR') throw new UserError('error.roster-missing', { file });
    if (info.code === 'EACCES' || info.code === 'EPERM') throw new UserError('error.roster-denied', { file });
    throw new UserError('error.roster', { line: '', reason: `${file}: ${info.code ?? info.message}` });
  }
  if (info.isDirectory()) throw new UserError('error.roster-folder', { file });
  if (!info.isFile()) throw new UserError('error.roster-not-table', { file, reason: '' });
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new UserError('error.roster-denied', { file });
    throw new UserError('error.roster', { line: '', reason: `${file}: ${code ?? String(error)}` });
  }
  const kind = unreadableKind(file, bytes);
  if (kind) throw new UserError('error.roster-old-excel', { file, kind });
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip || /\.xlsx$/i.test(file)) {
    if (!isZip) throw new UserError('error.roster-not-table', { file, reason: '' });
    const { readSheet } = await import('read-excel-file/node');
    let rows: unknown[][];
    try {
      rows = (await readSheet(bytes, sheet === undefined ? undefined : /^\d+$/.test(sheet) ? Number(sheet) : sheet)) as unknown[][];
    } catch (error) {
      const reason = String((error as Error).message ?? error).split('\n')[0] ?? 'xlsx';
      if (/sheet not found/i.test(reason)) throw new UserError('error.roster-sheet', { file, sheet: sheet ?? '' });
      if (/look like an? `?\.xlsx|unzip|zip/i.test(reason)) throw new UserError('error.roster-not-table', { file, reason: '' });
      throw new UserError('error.roster', { line: '', reason });
    }
    const table = fromRecords(rows, 'xlsx');
    if (!table.ok) throw new UserError('error.roster', { line: String(table.line ?? ''), reason: table.reason });
    return table.table;
  }
  const table = parseCsvRoster(bytes);
  if (!table.ok) throw new UserError('error.roster', { line: String(table.line ?? ''), reason: table.reason });
  return table.table;
}
