/**
 * Bounds on what a roster may be, checked before any parser sees it, so a
 * 50 MB line or an xlsx zip bomb is refused in well under a second with bounded memory. These are
 * engineering bounds, not exam rules: a class of 20,000 applicants fits with room to spare.
 */
import { crc32, inflateRawSync } from 'node:zlib';

export const ROSTER_LIMITS = {
  /** Data rows in one roster. */
  rows: 50_000,
  /** Bytes in one CSV record (a header line of 25 million commas is one record). */
  recordBytes: 256 * 1024,
  /** Columns in one row. */
  columns: 500,
  /** Characters kept of one cell; longer cells are cut (and the row says so). */
  cellChars: 2_000,
  /** Unpacked bytes of one part of an xlsx (a sheet, the shared strings). */
  xlsxPartBytes: 64 * 1024 * 1024,
  /** Unpacked bytes of all the parts an xlsx reader opens. */
  xlsxTotalBytes: 160 * 1024 * 1024,
  /**
   * Bytes of shared-string XML the sheets' cells resolve to, each reference counted: 49,000 rows
   * whose every cell points to one 60 KB string resolve to gigabytes from a 1.4 MB file. A
   * 50,000-row roster of ordinary cells resolves to a few MB.
   */
  xlsxResolvedBytes: 48 * 1024 * 1024,
} as const;

export type XlsxProblem = { reason: 'xlsx-too-big' | 'too-many-rows' | 'not-a-zip'; rows?: number };

/** An xlsx that passed the bounds: its bytes for the parser, and the rows of cells that pointed nowhere. */
export interface XlsxChecked {
  /** The file as given, or rewritten with each dangling shared-string cell made an error cell (read as empty). */
  bytes: Uint8Array;
  /** The sheet row of each cell whose shared-string index is past the end of the shared strings. */
  danglingRows: number[];
}

interface ZipEntry {
  name: string;
  /** The central directory record's fields we write back. */
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressed: Uint8Array;
  size: number;
}

/**
 * Walk the zip's central directory and unpack each sheet and the shared strings with a hard output
 * cap (zlib's maxOutputLength: a lying size field cannot help a bomb), counting sheet rows and the
 * shared-string text the cells resolve to. Pure apart from zlib; returns a problem or undefined.
 */
export function checkXlsx(bytes: Uint8Array, limits = ROSTER_LIMITS): XlsxProblem | undefined {
  const checked = inspectXlsx(bytes, limits);
  return 'reason' in checked ? checked : undefined;
}

/**
 * checkXlsx, and the bytes to parse: a cell whose shared-string index is past the end (a damaged
 * or hand-made file) would make the parser refuse the whole roster, so it becomes an error cell,
 * which the parser reads as empty, and its row is reported.
 */
export function inspectXlsx(bytes: Uint8Array, limits = ROSTER_LIMITS): XlsxProblem | XlsxChecked {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i -= 1) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { reason: 'not-a-zip' };
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  const sheets: { entry: number; part: Uint8Array }[] = [];
  let shared: Uint8Array | undefined;
  for (let entry = 0; entry < count; entry += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return { reason: 'not-a-zip' };
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const time = view.getUint16(at + 12, true);
    const date = view.getUint16(at + 14, true);
    const crc = view.getUint32(at + 16, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return { reason: 'not-a-zip' };
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + compressed);
    entries.push({ name, flags, method, time, date, crc, compressed: data, size });
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
    if (!isSheet && !/^xl\/sharedStrings\.xml$/i.test(name)) continue;
    let part: Uint8Array;
    if (method === 0) part = data;
    else if (method === 8) {
      try {
        part = inflateRawSync(data, { maxOutputLength: limits.xlsxPartBytes });
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError
          ? { reason: 'xlsx-too-big' }
          : { reason: 'not-a-zip' };
      }
    } else return { reason: 'not-a-zip' };
    if (part.length > limits.xlsxPartBytes) return { reason: 'xlsx-too-big' };
    total += part.length;
    if (total > limits.xlsxTotalBytes) return { reason: 'xlsx-too-big' };
    if (isSheet) {
      const rows = countRows(part);
      if (rows > limits.rows + 1) return { reason: 'too-many-rows', rows };
      sheets.push({ entry: entries.length - 1, part });
    } else shared = part;
  }

  // The text the cells resolve to, each reference to a shared string counted with its size.
  const sizes = shared ? sharedStringSizes(shared) : new Uint32Array(0);
  let resolved = 0;
  const danglingRows: number[] = [];
  const replaced = new Map<number, Uint8Array>();
  for (const sheet of sheets) {
    const dangling: number[] = [];
    let tooBig = false;
    scanSharedCells(sheet.part, (index, typeAt, row) => {
      if (index < sizes.length) {
        resolved += sizes[index]!;
        if (resolved > limits.xlsxResolvedBytes) tooBig = true;
        return !tooBig;
      }
      dangling.push(typeAt);
      danglingRows.push(row);
      return true;
    });
    if (tooBig) return { reason: 'xlsx-too-big' };
    if (dangling.length) {
      const copy = new Uint8Array(sheet.part); // a copy (a Buffer's slice would be a view)
      for (const typeAt of dangling) copy[typeAt] = 0x65; // t="s" → t="e": an error cell, read as empty
      replaced.set(sheet.entry, copy);
    }
  }
  return { bytes: replaced.size ? rezip(entries, replaced) : bytes, danglingRows };
}

/** `<tag` at `i` (any namespace prefix), followed by a space, `>` or `/`: where its name ends, else -1. */
function tagAt(xml: Uint8Array, i: number, name: readonly number[]): number {
  let j = i + 1;
  let k = j;
  while (k < xml.length && k - j < 16 && xml[k] !== 0x3a && xml[k] !== 0x20 && xml[k] !== 0x3e && xml[k] !== 0x2f)
    k += 1;
  if (xml[k] === 0x3a) j = k + 1;
  for (let n = 0; n < name.length; n += 1) if (xml[j + n] !== name[n]) return -1;
  const after = xml[j + name.length];
  return after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d
    ? j + name.length
    : -1;
}

const SI = [0x73, 0x69];
const C = [0x63];
const V = [0x76];
const ROW = [0x72, 0x6f, 0x77];

/** The size in bytes of each `<si>` of the shared strings (its XML: an upper bound of its text). */
function sharedStringSizes(xml: Uint8Array): Uint32Array {
  let count = 0;
  for (let i = xml.indexOf(0x3c); i >= 0; i = xml.indexOf(0x3c, i + 1)) if (tagAt(xml, i, SI) >= 0) count += 1;
  const sizes = new Uint32Array(count);
  let n = -1;
  let last = 0;
  for (let i = xml.indexOf(0x3c); i >= 0; i = xml.indexOf(0x3c, i + 1)) {
    if (tagAt(xml, i, SI) < 0) continue;
    if (n >= 0) sizes[n] = i - last;
    n += 1;
    last = i;
  }
  if (n >= 0) sizes[n] = xml.length - last;
  return sizes;
}

/**
 * Each cell of type `s` in sheet XML: its shared-string index, where the `s` of `t="s"` is, and its
 * row number (from the enclosing `<row r="…">`, else counted). `visit` returning false stops the scan.
 */
function scanSharedCells(xml: Uint8Array, visit: (index: number, typeAt: number, row: number) => boolean): void {
  let row = 0;
  for (let i = xml.indexOf(0x3c); i >= 0; i = xml.indexOf(0x3c, i + 1)) {
    const rowName = tagAt(xml, i, ROW);
    if (rowName >= 0) {
      const end = xml.indexOf(0x3e, rowName);
      const r = attribute(xml, rowName, end, 0x72);
      const number = r >= 0 ? readNumber(xml, r) : -1;
      row = number >= 0 ? number : row + 1;
      continue;
    }
    const name = tagAt(xml, i, C);
    if (name < 0) continue;
    const end = xml.indexOf(0x3e, name);
    if (end < 0) return;
    const type = attribute(xml, name, end, 0x74);
    i = end;
    if (type < 0 || xml[type] !== 0x73 || xml[type + 1] !== xml[type - 1] || xml[end - 1] === 0x2f) continue;
    // The value: the first <v> before the cell ends (a formula's <f> may come first).
    for (let t = xml.indexOf(0x3c, end); t >= 0; t = xml.indexOf(0x3c, t + 1)) {
      if (xml[t + 1] === 0x2f && tagAt(xml, t + 1, C) >= 0) break;
      const v = tagAt(xml, t, V);
      if (v < 0) continue;
      const close = xml.indexOf(0x3e, v);
      if (close < 0) return;
      const index = readNumber(xml, close + 1);
      if (index >= 0 && !visit(index, type, row)) return;
      i = close;
      break;
    }
  }
}

/** Where the value of one-letter attribute `letter` starts (after its quote) in [from, end), or -1. */
function attribute(xml: Uint8Array, from: number, end: number, letter: number): number {
  for (let k = from; k < end - 2; k += 1) {
    const before = xml[k - 1];
    if (
      xml[k] === letter &&
      xml[k + 1] === 0x3d &&
      (xml[k + 2] === 0x22 || xml[k + 2] === 0x27) &&
      (before === 0x20 || before === 0x09 || before === 0x0a || before === 0x0d)
    )
      return k + 3;
  }
  return -1;
}

/**
 * The decimal number at `at` (spaces skipped); a number too long to be an index reads as past any
 * end; no digits at all (an empty value, which the parser reads as an empty cell) is -1.
 */
function readNumber(xml: Uint8Array, at: number): number {
  let k = at;
  while (xml[k] === 0x20 || xml[k] === 0x0a || xml[k] === 0x0d || xml[k] === 0x09) k += 1;
  let value = 0;
  let digits = 0;
  while (xml[k]! >= 0x30 && xml[k]! <= 0x39) {
    value = value * 10 + (xml[k]! - 0x30);
    digits += 1;
    k += 1;
  }
  if (digits === 0) return -1;
  return digits > 12 ? Number.MAX_SAFE_INTEGER : value;
}

/** The zip again, with some entries' contents replaced (stored, not compressed). */
function rezip(entries: ZipEntry[], replaced: Map<number, Uint8Array>): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [index, entry] of entries.entries()) {
    const content = replaced.get(index);
    const data = content ?? entry.compressed;
    const method = content ? 0 : entry.method;
    const crc = content ? crc32(content) : entry.crc;
    const size = content ? content.length : entry.size;
    // Bit 3 (sizes in a trailing descriptor) is dropped: the sizes are in the headers written here.
    const flags = entry.flags & ~0x0008;
    const name = encoder.encode(entry.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, entry.time, true);
    lv.setUint16(12, entry.date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, entry.time, true);
    cv.setUint16(14, entry.date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, data);
    centrals.push(central);
    offset += local.length + data.length;
  }
  const centralSize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** `<row ` / `<row>` (any namespace prefix) in sheet XML, counted on the bytes. */
function countRows(xml: Uint8Array): number {
  let rows = 0;
  for (let i = xml.indexOf(0x3c); i >= 0 && i < xml.length - 4; i = xml.indexOf(0x3c, i + 1)) {
    let j = i + 1;
    // Skip a prefix such as x: in <x:row>.
    let k = j;
    while (k < xml.length && k - j < 16 && xml[k] !== 0x3a && xml[k] !== 0x20 && xml[k] !== 0x3e && xml[k] !== 0x2f)
      k += 1;
    if (xml[k] === 0x3a) j = k + 1;
    if (
      xml[j] === 0x72 &&
      xml[j + 1] === 0x6f &&
      xml[j + 2] === 0x77 &&
      (xml[j + 3] === 0x20 || xml[j + 3] === 0x3e || xml[j + 3] === 0x2f)
    )
      rows += 1;
  }
  return rows;
}
