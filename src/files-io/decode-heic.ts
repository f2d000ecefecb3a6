/**
 * HEIC/HEIF (iPhone) decoding through libheif compiled to WebAssembly (`libheif-js`, an optional
 * dependency), since sharp's prebuilt binaries carry no HEVC decoder. libheif applies the HEIF
 * transforms (irot/imir) itself, so the pixels come out upright; EXIF orientation is not applied
 * again. Loaded on first use only.
 *
 * libheif is asked for interleaved RGB, and its pixels are copied out of its WebAssembly heap
 * once, then released: the `display` wrapper (and heic-decode over it) made RGBA in the heap, a
 * JavaScript copy of it and a second one for the caller, three copies of 48 MB for a 12 MP iPhone
 * photo (peak 214 MB decoding one alone, against 151 MB this way). libheif's own heap keeps the
 * size of the largest image decoded (dropping the module after each file freed it only when a GC
 * happened to come before the face models loaded: 229-275 MB for the same run; not kept).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { SAFETY } from '../rules/safety-limits.js';

export interface DecodedRgb {
  /** Interleaved RGB, 3 bytes a pixel. */
  data: Uint8Array;
  width: number;
  height: number;
}

/** The part of libheif-js's API used here. */
interface Libheif {
  HeifDecoder: new () => {
    decoder: { delete(): void };
    decode(buffer: Uint8Array): { handle: unknown; get_width(): number; get_height(): number; free(): void }[];
  };
  heif_js_decode_image2(
    handle: unknown,
    colorspace: number,
    chroma: number,
  ): Promise<{
    code?: number;
    message?: string;
    image: unknown;
    channels: { id: number; width: number; height: number; stride: number; data: Uint8Array }[];
  }>;
  heif_image_release(image: unknown): void;
  heif_colorspace: { heif_colorspace_RGB: number };
  heif_chroma: { heif_chroma_interleaved_RGB: number };
  heif_channel: { heif_channel_interleaved: number };
}

let libheif: Libheif | null | undefined;

/** The decoder, or null when the optional package is not installed. */
export function heicDecoder(): Libheif | null {
  if (libheif === undefined) {
    try {
      libheif = createRequire(import.meta.url)('libheif-js/wasm-bundle') as Libheif;
    } catch {
      libheif = null;
    }
  }
  return libheif;
}

/** The last file decoded: probe and fix read the same HEIC back to back, decode it once. */
let last: { buffer: Uint8Array; image: DecodedRgb } | undefined;

/** The pixels a HEIC may declare: the rule's limit, never past what libheif decodes in bounded memory. */
export const heicPixelLimit = (maxPixels: number) => Math.min(maxPixels, SAFETY.maxHeicPixels);

/**
 * Decode the first image to RGB; its size is read first and more than heicPixelLimit(maxPixels)
 * is refused before decoding (returns the size only). Throws when the decoder is missing or the file is bad.
 */
export async function decodeHeic(
  file: string | Uint8Array,
  maxPixels: number,
): Promise<DecodedRgb | { width: number; height: number; refused: true }> {
  const heif = heicDecoder();
  if (!heif) throw Object.assign(new Error('libheif-js is not installed'), { code: 'MODULE_NOT_FOUND' });
  const buffer = typeof file === 'string' ? await readFile(file) : file;
  // Same bytes (probe and fix each read the file once through a checked handle): decode once.
  if (last && Buffer.from(last.buffer.buffer, last.buffer.byteOffset, last.buffer.byteLength).equals(buffer))
    return last.image;
  const decoder = new heif.HeifDecoder();
  const images = decoder.decode(buffer);
  try {
    const first = images[0];
    if (!first) throw new Error('HEIF: no image found');
    const width = first.get_width();
    const height = first.get_height();
    if (width * height > heicPixelLimit(maxPixels)) return { width, height, refused: true };
    const decoded = await heif.heif_js_decode_image2(
      first.handle,
      heif.heif_colorspace.heif_colorspace_RGB,
      heif.heif_chroma.heif_chroma_interleaved_RGB,
    );
    if (!decoded || decoded.code) throw new Error(`HEIF decode failed: ${decoded?.message ?? 'no image'}`);
    try {
      const plane = decoded.channels.find((c) => c.id === heif.heif_channel.heif_channel_interleaved);
      if (!plane) throw new Error('HEIF decode failed: no interleaved plane');
      // The plane is a view on libheif's heap: copy it out, row by row where rows are padded.
      const row = plane.width * 3;
      const data = new Uint8Array(row * plane.height);
      if (plane.stride === row) data.set(plane.data.subarray(0, data.length));
      else
        for (let y = 0; y < plane.height; y += 1)
          data.set(plane.data.subarray(y * plane.stride, y * plane.stride + row), y * row);
      const image = { data, width: plane.width, height: plane.height };
      last = { buffer, image };
      return image;
    } finally {
      heif.heif_image_release(decoded.image);
    }
  } finally {
    for (const image of images) image.free();
    decoder.decoder.delete();
  }
}
