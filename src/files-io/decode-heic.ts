/**
 * HEIC/HEIF (iPhone) decoding through libheif compiled to WebAssembly (`heic-decode`, an optional
 * dependency), since sharp's prebuilt binaries carry no HEVC decoder. libheif applies the HEIF
 * transforms (irot/imir) itself, so the pixels come out upright; EXIF orientation is not applied
 * again. Loaded on first use only.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { SAFETY } from '../rules/safety-limits.js';

export interface DecodedRgba {
  data: Uint8Array;
  width: number;
  height: number;
}

type Image = { width: number; height: number; data: Uint8ClampedArray };
type Decode = ((input: { buffer: Uint8Array }) => Promise<Image>) & {
  all(input: {
    buffer: Uint8Array;
  }): Promise<{ width: number; height: number; decode(): Promise<Image> }[] & { dispose(): void }>;
};
let decoder: Decode | null | undefined;

/** The decoder, or null when the optional package is not installed. */
export function heicDecoder(): Decode | null {
  if (decoder === undefined) {
    try {
      decoder = createRequire(import.meta.url)('heic-decode') as Decode;
    } catch {
      decoder = null;
    }
  }
  return decoder;
}

/** The last file decoded: probe and fix read the same HEIC back to back, decode it once. */
let last: { buffer: Uint8Array; image: DecodedRgba } | undefined;

/** The pixels a HEIC may declare: the rule's limit, never past what libheif decodes in bounded memory. */
export const heicPixelLimit = (maxPixels: number) => Math.min(maxPixels, SAFETY.maxHeicPixels);

/**
 * Decode the first image to RGBA; its size is read first and more than heicPixelLimit(maxPixels)
 * is refused before decoding (returns the size only). Throws when the decoder is missing or the file is bad.
 */
export async function decodeHeic(
  file: string | Uint8Array,
  maxPixels: number,
): Promise<DecodedRgba | { width: number; height: number; refused: true }> {
  const decode = heicDecoder();
  if (!decode) throw Object.assign(new Error('heic-decode is not installed'), { code: 'MODULE_NOT_FOUND' });
  const buffer = typeof file === 'string' ? await readFile(file) : file;
  // Same bytes (probe and fix each read the file once through a checked handle): decode once.
  if (last && Buffer.from(last.buffer.buffer, last.buffer.byteOffset, last.buffer.byteLength).equals(buffer))
    return last.image;
  const images = await decode.all({ buffer });
  try {
    const first = images[0]!;
    if (first.width * first.height > heicPixelLimit(maxPixels))
      return { width: first.width, height: first.height, refused: true };
    const image = await first.decode();
    const decoded = {
      data: new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength),
      width: image.width,
      height: image.height,
    };
    last = { buffer, image: decoded };
    return decoded;
  } finally {
    images.dispose();
  }
}
