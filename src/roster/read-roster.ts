/** Read a roster file: .xlsx through read-excel-file (first sheet or --sheet), else CSV bytes. */
import { sniffType } from '../files/sniff-type.js';
import { UserError } from '../errors.js';
import { readRegular } from '../io/safe-read.js';
import { inspectXlsx, ROSTER_LIMITS } from './roster-limits.js';
import { fromRecords, parseCsvRoster, type RosterTable } from './roster-table.js';

/** A roster file larger than this is not a roster (engineering bound). */
const MAX_ROSTER_BYTES = 128 * 1024 * 1024;

/** The bound a refusal names, for the sentence. */
function limitOf(reason: string): string {
  if (reason === 'record-too-big') return String(ROSTER_LIMITS.recordBytes / 1024);
  if (reason === 'too-many-columns') return String(ROSTER_LIMITS.columns);
  if (reason === 'too-many-rows') return String(ROSTER_LIMITS.rows);
  if (reason === 'file-too-big') return String(MAX_ROSTER_BYTES / 1024 / 1024);
  return '';
}

/** Excel 97–2003 (.xls) and WPS (.et/.wps) files are OLE2 compound documents: this signature. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What kind of file this is, when it is one we cannot read as a table (pure). */
export function unreadableKind(file: string, bytes: Uint8Array): string | undefined {
  if (OLE2.every((byte, i) => bytes[i] === byte))
    return /\.(et|wps|ett)$/i.test(file) ? 'WPS (.et)' : 'Excel 97–2003 (.xls)';
  if (/\.(xls|et|ett|wps)$/i.test(file) && !(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    // An .xls that is really HTML or text (some systems export so) is read as text below.
    return /^\s*</.test(new TextDecoder().decode(bytes.subarray(0, 64))) ? 'HTML' : undefined;
  }
  if (/\.(numbers|ods)$/i.test(file)) return file.replace(/^.*\./, '.');
  return undefined;
}

export async function readRoster(file: string, sheet?: string): Promise<RosterTable> {
  // One open, non-blocking, fstat on the handle: a FIFO or device named roster.csv cannot hang the run.
  let bytes: Uint8Array;
  try {
    bytes = await readRegular(file, MAX_ROSTER_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserError('error.roster-missing', { file });
    if (code === 'EACCES' || code === 'EPERM') throw new UserError('error.roster-denied', { file });
    if (code === 'EISDIR') throw new UserError('error.roster-folder', { file });
    if (code === 'not-regular') throw new UserError('error.roster-not-table', { file, reason: '' });
    if (code === 'EFBIG')
      throw new UserError('error.roster', { line: '', reason: 'file-too-big', limit: limitOf('file-too-big') });
    throw new UserError('error.roster', { line: '', reason: `${file}: ${code ?? String(error)}` });
  }
  const kind = unreadableKind(file, bytes);
  if (kind) throw new UserError('error.roster-old-excel', { file, kind });
  // A picture or a PDF given as the roster: say what it is, not which line of it is not CSV.
  const { type } = sniffType(bytes);
  if (type !== 'text' && type !== 'unknown')
    throw new UserError('error.roster-not-table', { file, reason: type.toUpperCase() });
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip || /\.xlsx$/i.test(file)) {
    if (!isZip) throw new UserError('error.roster-not-table', { file, reason: '' });
    // Unpacked sizes and the row count, checked before the parser sees the file.
    // The text the cells resolve to is bounded too; a cell pointing past the shared strings is read as empty.
    const checked = inspectXlsx(bytes);
    if ('reason' in checked && checked.reason === 'not-a-zip')
      throw new UserError('error.roster-not-table', { file, reason: '' });
    if ('reason' in checked)
      throw new UserError('error.roster', { line: '', reason: checked.reason, limit: limitOf(checked.reason) });
    const { readSheet } = await import('read-excel-file/node');
    let rows: unknown[][];
    try {
      // Number cells as the text stored in the file: an ID Excel stored as a number stays as it was
      // written (4.40106199203151E+17, never a rounded integer that looks whole), and a number cell
      // holding 44010619920315123X is read as text instead of refusing the whole roster.
      const buffer = Buffer.from(checked.bytes.buffer, checked.bytes.byteOffset, checked.bytes.byteLength);
      const options = { parseNumber: (text: string) => text };
      rows = (await (sheet === undefined
        ? readSheet(buffer, options)
        : readSheet(buffer, /^\d+$/.test(sheet) ? Number(sheet) : sheet, options))) as unknown[][];
    } catch (error) {
      const reason = String((error as Error).message ?? error).split('\n')[0] ?? 'xlsx';
      if (/sheet not found/i.test(reason)) throw new UserError('error.roster-sheet', { file, sheet: sheet ?? '' });
      if (/look like an? `?\.xlsx|unzip|zip/i.test(reason))
        throw new UserError('error.roster-not-table', { file, reason: '' });
      throw new UserError('error.roster', { line: '', reason });
    }
    const table = fromRecords(rows, 'xlsx');
    if (!table.ok)
      throw new UserError('error.roster', {
        line: String(table.line ?? ''),
        reason: table.reason,
        limit: limitOf(table.reason),
      });
    return checked.danglingRows.length ? { ...table.table, damagedLines: checked.danglingRows } : table.table;
  }
  const table = parseCsvRoster(bytes);
  if (!table.ok)
    throw new UserError('error.roster', {
      line: String(table.line ?? ''),
      reason: table.reason,
      limit: limitOf(table.reason),
    });
  return table.table;
}
