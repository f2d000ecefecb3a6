/**
 * Pixels to the bytes that are written: decode an upload once (upright, on white, sRGB, 3
 * channels) and encode raw pixels as a JPEG inside a byte window, with the density patched in
 * before the size is measured, so the bytes returned are exactly the bytes measured.
 */
import type { Sharp } from 'sharp';
import type { FileFacts, QuarterTurn } from '../model/files.js';
import type { RuleSet } from '../model/rules.js';
import { ruleValue } from '../rules/rule-access.js';
import { withJfifDensity } from '../files/jpeg-header.js';
import { loadSharp } from './load-sharp.js';
import type { WantedSize } from './decode-heic.js';
import { storedSource, storedTurn, uprightSource } from './upright-source.js';

export interface Raw {
  data: Buffer;
  /** Of the pixels as held (before `turn`). */
  width: number;
  height: number;
  /**
   * A clockwise turn still to apply: pixels decoded as a file stores them, turned upright as they
   * are encoded, so no upright copy is held beside them (see storedTurn).
   */
  turn?: QuarterTurn;
}

/** The size of the encoded picture: the held size, turned. */
export const uprightSize = (raw: Raw) =>
  raw.turn === 90 || raw.turn === 270
    ? { width: raw.height, height: raw.width }
    : { width: raw.width, height: raw.height };

/** Raw pixels as a JPEG at one quality and density (the bytes that would be written). */
export async function encode(raw: Raw, quality: number, dpi: number): Promise<Uint8Array> {
  const sharp = loadSharp();
  // The raw input carries no metadata, so nothing private (GPS, camera) can leak into the copy;
  // withMetadata adds only the EXIF resolution, and JFIF gets the same density below.
  const pixels = sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 3 } });
  // Turning a raw input reads it in place; it costs about 20 ms per encode of an A4 page.
  const jpeg = await (raw.turn ? pixels.rotate(raw.turn) : pixels)
    .withMetadata({ density: dpi })
    .jpeg({
      quality,
      chromaSubsampling: quality >= 90 ? '4:4:4' : '4:2:0',
      mozjpeg: false,
      optimiseCoding: raw.width * raw.height <= OPTIMISED_CODING_MAX_PIXELS,
    })
    .toBuffer();
  return withJfifDensity(jpeg, dpi);
}

/**
 * Optimised Huffman tables (libjpeg's optimize_coding, sharp's default) need the whole image's
 * coefficients before the first byte is written: a scan's copy of 9.2 MP (an A4 page at 300 dpi)
 * held 58 MB more while encoding at quality 90 (4:4:4; about 28 MB at 4:2:0, below 90), for a
 * file 9 % smaller. Above this size a copy is encoded in one pass; the quality search then
 * settles a few points lower (an A4 phone shot: 67 against 71). The photo (295×413) and ID cards'
 * copies are always optimised.
 */
const OPTIMISED_CODING_MAX_PIXELS = 2_000_000;

/**
 * The highest quality whose size fits under `max`, preferring sizes at or above `min`.
 * Binary search on quality over the final raw pixels (size grows with quality).
 */
export async function searchQuality(
  raw: Raw,
  dpi: number,
  window: { min: number; max: number },
  range = { low: 40, high: 95 },
) {
  let encodes = 0;
  const tryQ = async (quality: number) => {
    encodes += 1;
    return { quality, bytes: await encode(raw, quality, dpi) };
  };
  let best = await tryQ(range.high);
  if (best.bytes.length <= window.max) {
    if (best.bytes.length < window.min) {
      const top = await tryQ(100);
      if (top.bytes.length <= window.max) best = top;
    }
    return { ...best, encodes };
  }
  let low = range.low;
  let high = range.high - 1;
  let fit: typeof best | undefined;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    const attempt = await tryQ(mid);
    if (attempt.bytes.length <= window.max) {
      fit = attempt;
      low = mid + 1;
    } else high = mid - 1;
  }
  return { ...(fit ?? (await tryQ(range.low))), encodes };
}

/**
 * Decode once, upright, flattened on white, sRGB, 3 channels; `shape` resizes (and crops) to at
 * least `want` of the picture (a HEIC is decoded no larger).
 */
export async function decodeRaw(
  facts: FileFacts,
  ruleSet: RuleSet,
  shape: (image: Sharp) => Sharp,
  want?: WantedSize,
): Promise<Raw> {
  // Same tolerance as the probe: what passed the checks must decode here too.
  return rawOf(shape(await uprightSource(facts, ruleValue(ruleSet, 'upload.image').maxPixels, want)));
}

/** The pixels flattened on white, sRGB, 3 channels, as one raw buffer. */
async function rawOf(image: Sharp): Promise<Raw> {
  const { data, info } = await image
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * The picture fitted inside `size`×`size` (never enlarged), flattened on white, sRGB, 3 channels,
 * as decodeRaw, for a fit that does not depend on which way up the picture is (a scan's copy). A
 * picture its EXIF stores turned is decoded as stored and carries the turn for the encoder.
 */
export async function decodeRawInside(
  facts: FileFacts,
  ruleSet: RuleSet,
  size: number,
  want?: WantedSize,
): Promise<Raw> {
  const inside = (image: Sharp) => image.resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true });
  const turn = storedTurn(facts);
  if (!turn) return decodeRaw(facts, ruleSet, inside, want);
  const stored = await rawOf(inside(await storedSource(facts, ruleValue(ruleSet, 'upload.image').maxPixels)));
  return { ...stored, turn };
}

/** The photo's final pixels → a JPEG inside the byte window, at the guides' density, as bytes measured once. */
export async function encodePhoto(raw: { data: Buffer; width: number; height: number }, ruleSet: RuleSet) {
  const official = ruleValue(ruleSet, 'upload.photo.bytes');
  const guides = ruleValue(ruleSet, 'upload.photo.bytes-guides');
  const window = { min: Math.max(official.min, guides.min), max: guides.max };
  const dpi = ruleValue(ruleSet, 'upload.photo.density-guides').min;
  const found = await searchQuality(raw, dpi, window);
  return {
    ok: true as const,
    bytes: found.bytes,
    width: raw.width,
    height: raw.height,
    quality: found.quality,
    dpi,
    inWindow: found.bytes.length >= window.min && found.bytes.length <= window.max,
    encodes: found.encodes,
  };
}
