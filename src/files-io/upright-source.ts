/**
 * The picture the fix and its preview work from: upright (EXIF applied, HEIC decoded, a turn the
 * probe found applied), decoded through one fstat-checked open.
 */
import type { Sharp } from 'sharp';
import type { FileFacts, QuarterTurn } from '../model/files.js';
import { pixelLimitFor, SAFETY } from '../rules/safety-limits.js';
import { sniffType } from '../files/sniff-type.js';
import { inStoredFrame, type Region } from '../files/picture-turn.js';
import { decodeHeic, type WantedSize } from './decode-heic.js';
import { loadSharp } from './load-sharp.js';
import { readRegular } from '../io/safe-read.js';

/**
 * The upright image as sharp input: the file itself (EXIF orientation applied) or, for HEIC, the
 * pixels libheif decoded (already upright), turned when the probe found them standing sideways or
 * upside down. `want`: the size the caller resizes to, so a HEIC is decoded no larger than needed
 * (other formats shrink on load in libvips).
 */
export async function uprightSource(facts: FileFacts, maxPixels: number, want?: WantedSize): Promise<Sharp> {
  const sharp = loadSharp();
  // One fstat-checked open: never the path handed to a decoder that might block on it.
  const bytes = await readRegular(facts.path, SAFETY.maxReadBytes);
  if (facts.sniffed === 'heic') {
    // `want` is in the frame the pixels are stored in (libheif's, before the probe's turn).
    const decoded = await decodeHeic(bytes, maxPixels, want);
    if ('refused' in decoded) throw new Error('too many pixels');
    const pixels = sharp(decoded.data, { raw: { width: decoded.width, height: decoded.height, channels: 3 } });
    return facts.image?.turn ? pixels.rotate(facts.image.turn) : pixels;
  }
  // A turned picture is turned whole here; uprightRegion turns only the part it needs.
  return facts.image?.turn
    ? fileImage(bytes, maxPixels, true).rotate(facts.image.turn)
    : fileImage(bytes, maxPixels).rotate();
}

/**
 * The file's bytes as sharp input, under the pixel ceiling of the bytes read now (a file replaced
 * since the probe gets its own type's).
 */
function fileImage(bytes: Uint8Array, maxPixels: number, autoOrient = false): Sharp {
  const limitInputPixels = pixelLimitFor(sniffType(bytes).type, maxPixels);
  return loadSharp()(bytes, { limitInputPixels, failOn: 'truncated', ...(autoOrient ? { autoOrient } : {}) });
}

/**
 * The clockwise turn an EXIF orientation stands for, when it is a plain turn (3, 6, 8; no mirror)
 * and the probe found no turn of its own: such a picture can be resized as stored and turned
 * afterwards. libvips turns a picture it decodes by holding all of it: a 12 MP phone shot stored
 * sideways held 36 MB more while its scan copy was decoded (`bench/batch-1000`'s A4 pages).
 */
export function storedTurn(facts: FileFacts): QuarterTurn | undefined {
  if (facts.sniffed === 'heic' || !facts.image || facts.image.turn) return undefined;
  return EXIF_TURNS[facts.image.orientation];
}

const EXIF_TURNS: Record<number, QuarterTurn | undefined> = { 3: 180, 6: 90, 8: 270 };

/**
 * The picture as its pixels are stored (no EXIF orientation applied), for a caller that turns it
 * by `storedTurn` itself. Same single fstat-checked read and pixel ceiling as uprightSource.
 */
export async function storedSource(facts: FileFacts, maxPixels: number): Promise<Sharp> {
  return fileImage(await readRegular(facts.path, SAFETY.maxReadBytes), maxPixels);
}

/**
 * The upright picture resized to `width`×`height` (fit 'fill') and cut to `region`, both in the
 * upright frame, as sharp input: 3 channels, flattened on white, sRGB. A picture stored turned is
 * resized and cut in the frame it is stored in, and only that part is turned (libvips applies a
 * rotation before any cut in one pipeline, which would hold the whole picture).
 */
export async function uprightRegion(
  facts: FileFacts,
  maxPixels: number,
  width: number,
  height: number,
  region: Region = { left: 0, top: 0, width, height },
): Promise<Sharp> {
  const sharp = loadSharp();
  const turn = facts.image?.turn;
  const plain = (image: Sharp) => image.flatten({ background: '#ffffff' }).toColourspace('srgb').removeAlpha();
  if (!turn) {
    const source = await uprightSource(facts, maxPixels, () => ({ width, height }));
    return plain(source.resize({ width, height, fit: 'fill' }).extract(region));
  }
  const stored = inStoredFrame(turn, width, height, region);
  const { turn: _turned, ...asStoredImage } = facts.image!;
  const asStored = await uprightSource({ ...facts, image: asStoredImage }, maxPixels, () => ({
    width: stored.width,
    height: stored.height,
  }));
  const { data, info } = await plain(
    asStored.resize({ width: stored.width, height: stored.height, fit: 'fill' }).extract(stored.region),
  )
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } }).rotate(turn);
}
