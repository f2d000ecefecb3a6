/**
 * Pure readers/writers for the few JPEG header fields we care about: JFIF APP0 density,
 * EXIF IFD0 resolution (orientation comes from sharp's metadata). Every function works on a Uint8Array, performs no
 * I/O, bounds-checks every read and never throws on malformed input.
 */
import { CM_PER_INCH } from './measures.js';

export interface JpegDensity {
  /** JFIF APP0 density: units 0 = aspect only, 1 = dots per inch, 2 = dots per cm. null when no JFIF APP0. */
  jfif: { units: 0 | 1 | 2; x: number; y: number } | null;
  /** EXIF IFD0 XResolution/YResolution with ResolutionUnit (2 = inch, 3 = cm; default 2 when absent). null when no EXIF or no XResolution. */
  exif: { unit: 2 | 3; x: number; y: number } | null;
  /** Best dots-per-inch value: JFIF (units 1 or 2 converted) else EXIF (converted), else null. */
  dpi: number | null;
}

const MARKER_SOI = 0xd8;
const MARKER_EOI = 0xd9;
const MARKER_SOS = 0xda;
const MARKER_APP0 = 0xe0;
const MARKER_APP1 = 0xe1;

const MAX_U16 = 0xffff;

const JFIF_ID = [0x4a, 0x46, 0x49, 0x46, 0x00]; // "JFIF\0"
const EXIF_ID = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]; // "Exif\0\0"
/** Bytes of JFIF APP0 data needed up to and including Y density: id(5) version(2) units(1) x(2) y(2). */
const JFIF_MIN_DATA = 12;
const JFIF_UNITS_AT = 7;
const JFIF_X_AT = 8;
const JFIF_Y_AT = 10;

const TAG_X_RESOLUTION = 0x011a;
const TAG_Y_RESOLUTION = 0x011b;
const TAG_RESOLUTION_UNIT = 0x0128;

const TYPE_SHORT = 3;
const TYPE_LONG = 4;
const TYPE_RATIONAL = 5;
const TYPE_SRATIONAL = 10;

const IFD_ENTRY_SIZE = 12;

interface Segment {
  marker: number;
  /** Offset of the 0xFF that introduces the marker. */
  start: number;
  /** Offset of the first data byte (after the 2-byte length). */
  dataStart: number;
  /** Offset one past the last data byte. */
  dataEnd: number;
}

function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === MARKER_SOI && bytes[2] === 0xff;
}

function u16be(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

function startsWith(bytes: Uint8Array, from: number, to: number, id: readonly number[]): boolean {
  if (to - from < id.length) return false;
  return id.every((b, i) => bytes[from + i] === b);
}

/** Header segments (those with a length) between SOI and SOS/EOI; stops quietly at the first malformation. */
function segments(bytes: Uint8Array): Segment[] {
  const found: Segment[] = [];
  if (!isJpeg(bytes)) return found;
  let i = 2;
  while (i < bytes.length) {
    if (bytes[i] !== 0xff) break;
    const start = i;
    while (i < bytes.length && bytes[i] === 0xff) i++; // fill bytes
    if (i >= bytes.length) break;
    const marker = bytes[i] as number;
    i++;
    if (marker === MARKER_SOS || marker === MARKER_EOI) break;
    // Standalone markers without a length: TEM and RSTn.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (marker === 0x00 || marker === MARKER_SOI) break;
    if (i + 2 > bytes.length) break;
    const length = u16be(bytes, i);
    if (length < 2) break;
    const dataStart = i + 2;
    const dataEnd = i + length;
    if (dataEnd > bytes.length) break;
    found.push({ marker, start, dataStart, dataEnd });
    i = dataEnd;
  }
  return found;
}

function findJfif(bytes: Uint8Array, segs: readonly Segment[]): Segment | undefined {
  return segs.find(
    (s) =>
      s.marker === MARKER_APP0 &&
      s.dataEnd - s.dataStart >= JFIF_MIN_DATA &&
      startsWith(bytes, s.dataStart, s.dataEnd, JFIF_ID),
  );
}

function readJfif(bytes: Uint8Array, segs: readonly Segment[]): JpegDensity['jfif'] {
  const seg = findJfif(bytes, segs);
  if (!seg) return null;
  const units = bytes[seg.dataStart + JFIF_UNITS_AT];
  if (units !== 0 && units !== 1 && units !== 2) return null;
  return { units, x: u16be(bytes, seg.dataStart + JFIF_X_AT), y: u16be(bytes, seg.dataStart + JFIF_Y_AT) };
}

/* ----------------------------------------------------------------- EXIF (TIFF) */

interface Tiff {
  bytes: Uint8Array;
  /** Offset of the TIFF header; all IFD offsets are relative to it. */
  base: number;
  /** Offset one past the end of the APP1 segment. */
  end: number;
  little: boolean;
}

interface IfdEntry {
  type: number;
  count: number;
  /** Absolute offset of the 4-byte value/offset field. */
  field: number;
}

function t16(t: Tiff, at: number): number | null {
  if (at < t.base || at + 2 > t.end) return null;
  const a = t.bytes[at] as number;
  const b = t.bytes[at + 1] as number;
  return t.little ? a | (b << 8) : (a << 8) | b;
}

function t32(t: Tiff, at: number): number | null {
  if (at < t.base || at + 4 > t.end) return null;
  const b0 = t.bytes[at] as number;
  const b1 = t.bytes[at + 1] as number;
  const b2 = t.bytes[at + 2] as number;
  const b3 = t.bytes[at + 3] as number;
  return t.little ? (b0 | (b1 << 8) | (b2 << 16) | (b3 << 24)) >>> 0 : ((b0 << 24) | (b1 << 16) | (b2 << 8) | b3) >>> 0;
}

function findTiff(bytes: Uint8Array, segs: readonly Segment[]): Tiff | null {
  const seg = segs.find((s) => s.marker === MARKER_APP1 && startsWith(bytes, s.dataStart, s.dataEnd, EXIF_ID));
  if (!seg) return null;
  const base = seg.dataStart + EXIF_ID.length;
  if (base + 8 > seg.dataEnd) return null;
  let little: boolean;
  if (bytes[base] === 0x49 && bytes[base + 1] === 0x49) little = true;
  else if (bytes[base] === 0x4d && bytes[base + 1] === 0x4d) little = false;
  else return null;
  const tiff: Tiff = { bytes, base, end: seg.dataEnd, little };
  if (t16(tiff, base + 2) !== 42) return null;
  return tiff;
}

/** IFD0 entries by tag (first occurrence wins). Only IFD0 is read, so offset chains cannot loop. */
function ifd0(t: Tiff): Map<number, IfdEntry> {
  const entries = new Map<number, IfdEntry>();
  const rel = t32(t, t.base + 4);
  if (rel === null) return entries;
  const ifd = t.base + rel;
  const count = t16(t, ifd);
  if (count === null) return entries;
  for (let n = 0; n < count; n++) {
    const at = ifd + 2 + n * IFD_ENTRY_SIZE;
    if (at + IFD_ENTRY_SIZE > t.end) break;
    const tag = t16(t, at);
    const type = t16(t, at + 2);
    const cnt = t32(t, at + 4);
    if (tag === null || type === null || cnt === null) break;
    if (!entries.has(tag)) entries.set(tag, { type, count: cnt, field: at + 8 });
  }
  return entries;
}

/** First value of a SHORT or LONG entry. */
function integerValue(t: Tiff, e: IfdEntry | undefined): number | null {
  if (!e || e.count < 1) return null;
  if (e.type === TYPE_SHORT) return t16(t, e.field);
  if (e.type === TYPE_LONG) return t32(t, e.field);
  return null;
}

/** A positive finite resolution: RATIONAL/SRATIONAL (value stored at an offset), leniently SHORT/LONG. */
function resolutionValue(t: Tiff, e: IfdEntry | undefined): number | null {
  if (!e || e.count < 1) return null;
  if (e.type === TYPE_RATIONAL || e.type === TYPE_SRATIONAL) {
    const rel = t32(t, e.field);
    if (rel === null) return null;
    const num = t32(t, t.base + rel);
    const den = t32(t, t.base + rel + 4);
    if (num === null || den === null) return null;
    const value = e.type === TYPE_SRATIONAL ? (num | 0) / (den | 0) : num / den;
    return Number.isFinite(value) && value > 0 ? value : null;
  }
  const value = integerValue(t, e);
  return value !== null && value > 0 ? value : null;
}

/**
 * EXIF resolution. An absent ResolutionUnit means inches (the TIFF default); a unit other
 * than 2 or 3 (e.g. 1 = "no absolute unit") gives no usable density, so null.
 */
function readExifResolution(bytes: Uint8Array, segs: readonly Segment[]): JpegDensity['exif'] {
  const tiff = findTiff(bytes, segs);
  if (!tiff) return null;
  const entries = ifd0(tiff);
  const x = resolutionValue(tiff, entries.get(TAG_X_RESOLUTION));
  if (x === null) return null;
  const y = resolutionValue(tiff, entries.get(TAG_Y_RESOLUTION)) ?? x;
  const unitEntry = entries.get(TAG_RESOLUTION_UNIT);
  const unit = unitEntry ? integerValue(tiff, unitEntry) : 2;
  if (unit !== 2 && unit !== 3) return null;
  return { unit, x, y };
}

function toDpi(value: number, perCm: boolean): number {
  const dpi = perCm ? value * CM_PER_INCH : value;
  return Math.round(dpi * 100) / 100;
}

/** JFIF and EXIF density of a JPEG. Anything that is not a well-formed JPEG header yields nulls. */
export function readJpegDensity(bytes: Uint8Array): JpegDensity {
  const segs = segments(bytes);
  const jfif = readJfif(bytes, segs);
  const exif = readExifResolution(bytes, segs);
  let dpi: number | null = null;
  if (jfif && jfif.units !== 0 && jfif.x > 0) dpi = toDpi(jfif.x, jfif.units === 2);
  else if (exif) dpi = toDpi(exif.x, exif.unit === 3);
  return { jfif, exif, dpi };
}

/**
 * Returns a NEW buffer whose JFIF APP0 says `dpi` dots per inch: edits the existing APP0 JFIF
 * segment in place (same length), or inserts a standard 18-byte APP0 JFIF segment (version 1.01,
 * no thumbnail) right after SOI when there is none. Input not a JPEG → returns a copy unchanged.
 * `dpi` is rounded and clamped to 1..65535; a non-finite or < 0.5 value also returns a copy unchanged.
 * EXIF resolution, if any, is left as it is.
 */
export function withJfifDensity(bytes: Uint8Array, dpi: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  if (!isJpeg(bytes) || !Number.isFinite(dpi)) return copy;
  const value = Math.min(MAX_U16, Math.round(dpi));
  if (value < 1) return copy;
  const hi = value >> 8;
  const lo = value & 0xff;

  const existing = findJfif(bytes, segments(bytes));
  if (existing) {
    const d = existing.dataStart;
    copy[d + JFIF_UNITS_AT] = 1;
    copy[d + JFIF_X_AT] = hi;
    copy[d + JFIF_X_AT + 1] = lo;
    copy[d + JFIF_Y_AT] = hi;
    copy[d + JFIF_Y_AT + 1] = lo;
    return copy;
  }

  // FF E0, length 16, "JFIF\0", version 1.01, units 1 (dpi), X, Y, thumbnail 0×0.
  const app0 = [0xff, MARKER_APP0, 0x00, 0x10, ...JFIF_ID, 0x01, 0x01, 0x01, hi, lo, hi, lo, 0x00, 0x00];
  const out = new Uint8Array(bytes.length + app0.length);
  out.set(bytes.subarray(0, 2), 0);
  out.set(app0, 2);
  out.set(bytes.subarray(2), 2 + app0.length);
  return out;
}
