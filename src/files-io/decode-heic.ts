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

/** A libheif error as its JavaScript binding returns it (`code` an enum value; absent on success but for reads). */
interface HeifError {
  code: unknown;
  message?: string;
}

/**
 * The part of libheif-js's API used here: its bindings, not its HeifDecoder wrapper, which writes
 * its errors to standard output (onto the report, and into --format json).
 */
interface Libheif {
  heif_context_alloc(): { delete(): void } | null;
  /** Always an error object: success is `heif_error_code.heif_error_Ok`. */
  heif_context_read_from_memory(context: unknown, buffer: Uint8Array): HeifError;
  heif_error_code: { heif_error_Ok: unknown };
  heif_js_context_get_list_of_top_level_image_IDs(context: unknown): (number[] & { code?: undefined }) | HeifError;
  heif_js_context_get_image_handle(context: unknown, id: number): HeifError | object;
  heif_image_handle_get_width(handle: unknown): number;
  heif_image_handle_get_height(handle: unknown): number;
  heif_image_handle_release(handle: unknown): void;
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
  const context = heif.heif_context_alloc();
  if (!context) throw new Error('HEIF: no decoder context');
  let handle: unknown;
  try {
    const read = heif.heif_context_read_from_memory(context, buffer);
    if (read.code !== heif.heif_error_code.heif_error_Ok) throw new Error(`HEIF: ${read.message ?? 'unreadable'}`);
    const ids = heif.heif_js_context_get_list_of_top_level_image_IDs(context);
    if (!Array.isArray(ids) || ids.length === 0) throw new Error('HEIF: no image found');
    const got = heif.heif_js_context_get_image_handle(context, ids[0]!);
    if ('code' in got && got.code) throw new Error(`HEIF: ${got.message ?? 'no image'}`);
    handle = got;
    const width = heif.heif_image_handle_get_width(handle);
    const height = heif.heif_image_handle_get_height(handle);
    if (width * height > heicPixelLimit(maxPixels)) return { width, height, refused: true };
    const decoded = await heif.heif_js_decode_image2(
      handle,
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
    if (handle) heif.heif_image_handle_release(handle);
    context.delete();
  }
}
