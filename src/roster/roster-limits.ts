/**
 * Bounds on what a roster may be, checked before any parser sees it, so a
 * 50 MB line or an xlsx zip bomb is refused in well under a second with bounded memory. These are
 * engineering bounds, not exam rules: a class of 20,000 applicants fits with room to spare.
 */
import { inflateRawSync } from 'node:zlib';

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
} as const;

export type XlsxProblem = { reason: 'xlsx-too-big' | 'too-many-rows' | 'not-a-zip'; rows?: number };

/**
 * Walk the zip's central directory and unpack each sheet and the shared strings with a hard output
 * cap (zlib's maxOutputLength: a lying size field cannot help a bomb), counting sheet rows. Pure
 * apart from zlib; returns a problem or undefined.
 */
export function checkXlsx(bytes: Uint8Array, limits = ROSTER_LIMITS): XlsxProblem | undefined {
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
  for (let entry = 0; entry < count; entry += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return { reason: 'not-a-zip' };
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
    if (!isSheet && !/^xl\/sharedStrings\.xml$/i.test(name)) continue;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return { reason: 'not-a-zip' };
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + compressed);
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
    }
  }
  return undefined;
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
