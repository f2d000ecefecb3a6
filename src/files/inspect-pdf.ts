/**
 * Structural facts about a PDF, read without rendering (sharp cannot render PDF).
 * Pure: bytes in, facts out. Decodes as latin1 and scans with a handful of regexes in one linear pass;
 * never throws, whatever the input.
 */
import { Buffer } from 'node:buffer';
import type { PdfStructure } from '../model/files.js';

/** The facts this module reads: one shape, defined with the other file facts. */
export type PdfFacts = PdfStructure;

const HEADER_WINDOW = 1024;
const TAIL_WINDOW = 2048;

/** PDF white-space characters (ISO 32000-1, 7.2.2). */
const W = '[\\0\\t\\n\\f\\r ]';
/** A name ends at white space, a delimiter or the end of the input. */
const END_OF_NAME = '(?=[\\0\\t\\n\\f\\r ()<>\\[\\]{}/%]|$)';

/**
 * Every token the scan cares about, as one alternation. Each branch starts with a literal or a
 * digit that no digit precedes, so failed attempts are cheap and the scan stays linear.
 */
const TOKENS = new RegExp(
  [
    `(?<![0-9])(?<num>[0-9]+)${W}+[0-9]+${W}+obj(?![A-Za-z])`,
    `(?<endobj>(?<![A-Za-z])endobj(?![A-Za-z]))`,
    `(?<stream>(?<![A-Za-z])stream(?=[ \\t]*[\\r\\n]))`,
    `(?<trailer>(?<![A-Za-z])trailer(?![A-Za-z]))`,
    `(?<startxref>(?<![A-Za-z])startxref(?![A-Za-z]))`,
    `/Type${W}*/(?<type>Pages|Page|XRef)${END_OF_NAME}`,
    `/Count${W}*(?<count>[0-9]+)(?<ref>${W}+[0-9]+${W}+R${END_OF_NAME})?`,
    `(?<encrypt>/Encrypt${END_OF_NAME})`,
  ].join('|'),
  'g',
);

const HEADER = /%PDF-([0-9]{1,3}\.[0-9]{1,3})/;
const STARTXREF = new RegExp(`startxref${W}*([0-9]+)`, 'y');
const XREF_TARGET = new RegExp(`${W}*(?:xref(?![A-Za-z])|[0-9]+${W}+[0-9]+${W}+obj(?![A-Za-z]))`, 'y');

interface ObjectScope {
  num: number;
  page: boolean;
  pages: boolean;
  xref: boolean;
  count: number | null;
  encrypt: boolean;
}

const isAlnum = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9]/.test(ch);

export function inspectPdf(bytes: Uint8Array): PdfFacts {
  const size = byteLength(bytes);
  try {
    return inspect(bytes, size);
  } catch {
    return { header: false, version: null, eof: false, xrefOk: false, encrypted: false, pages: null, bytes: size };
  }
}

function byteLength(bytes: unknown): number {
  try {
    const n = (bytes as { byteLength?: unknown } | null | undefined)?.byteLength;
    return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : 0;
  } catch {
    return 0;
  }
}

function inspect(bytes: Uint8Array, size: number): PdfFacts {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

  const headerMatch = HEADER.exec(text.slice(0, HEADER_WINDOW + 16));
  const headerAt = headerMatch && headerMatch.index < HEADER_WINDOW ? headerMatch.index : -1;
  const header = headerAt >= 0;
  const version = header ? (headerMatch?.[1] ?? null) : null;

  const tailStart = Math.max(0, text.length - TAIL_WINDOW);
  const tail = text.slice(tailStart);
  const eof = tail.includes('%%EOF');
  const xrefOk = checkStartxref(text, tail, tailStart, headerAt);

  const { encrypted, pages } = scanObjects(text);
  return { header, version, eof, xrefOk, encrypted, pages, bytes: size };
}

/** The last startxref near the end must point inside the file at "xref" or at an object header. */
function checkStartxref(text: string, tail: string, tailStart: number, headerAt: number): boolean {
  const at = tail.lastIndexOf('startxref');
  if (at < 0) return false;
  STARTXREF.lastIndex = tailStart + at;
  const m = STARTXREF.exec(text);
  if (!m?.[1]) return false;
  const offset = Number(m[1]);
  // Offsets count from the %PDF header; tolerate junk before it as readers do.
  const candidates = headerAt > 0 ? [offset, offset + headerAt] : [offset];
  return candidates.some((off) => landsOnXref(text, off));
}

function landsOnXref(text: string, off: number): boolean {
  if (!Number.isSafeInteger(off) || off < 0 || off >= text.length) return false;
  // Landing in the middle of a word or number ("startxref", "12 0 obj") is not landing on it.
  if (off > 0 && isAlnum(text[off - 1]) && isAlnum(text[off])) return false;
  XREF_TARGET.lastIndex = off;
  return XREF_TARGET.test(text);
}

function scanObjects(text: string): { encrypted: boolean; pages: number | null } {
  let encrypted = false;
  let inTrailer = false;
  let current: ObjectScope | null = null;
  // Keyed by object number: a later definition (incremental update) replaces an earlier one.
  const isPage = new Map<number, boolean>();
  const pagesCount = new Map<number, number>();

  const close = () => {
    if (!current) return;
    if (current.xref && current.encrypt) encrypted = true;
    isPage.set(current.num, current.page);
    if (current.pages && current.count !== null) pagesCount.set(current.num, current.count);
    else pagesCount.delete(current.num);
    current = null;
  };

  const re = new RegExp(TOKENS.source, TOKENS.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const g = m.groups ?? {};
    if (g.num !== undefined) {
      close();
      inTrailer = false;
      current = { num: Number(g.num), page: false, pages: false, xref: false, count: null, encrypt: false };
    } else if (g.endobj !== undefined) {
      close();
    } else if (g.stream !== undefined) {
      // The dictionary is complete; skip the (possibly binary) stream data.
      close();
      inTrailer = false;
      const end = text.indexOf('endstream', re.lastIndex);
      if (end < 0) break;
      re.lastIndex = end + 'endstream'.length;
    } else if (g.trailer !== undefined) {
      close();
      inTrailer = true;
    } else if (g.startxref !== undefined) {
      close();
      inTrailer = false;
    } else if (g.type !== undefined) {
      if (current) {
        if (g.type === 'Page') current.page = true;
        else if (g.type === 'Pages') current.pages = true;
        else current.xref = true;
      }
    } else if (g.count !== undefined) {
      const n = Number(g.count);
      if (current && current.count === null && g.ref === undefined && Number.isSafeInteger(n)) current.count = n;
    } else if (g.encrypt !== undefined) {
      if (inTrailer) encrypted = true;
      else if (current) current.encrypt = true;
    }
    if (m[0].length === 0) re.lastIndex++; // defensive: no branch can match empty
  }
  close();

  let largest: number | null = null;
  for (const n of pagesCount.values()) if (largest === null || n > largest) largest = n;
  if (largest !== null) return { encrypted, pages: largest };

  let found = 0;
  for (const page of isPage.values()) if (page) found++;
  return { encrypted, pages: found > 0 ? found : null };
}
