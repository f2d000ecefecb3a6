/**
 * HEIC/HEIF (iPhone) decoding through libheif compiled to WebAssembly (`libheif-js`, an optional
 * dependency), since sharp's prebuilt binaries carry no HEVC decoder. libheif applies the HEIF
 * transforms (irot/imir) itself, so the pixels come out upright; EXIF orientation is not applied
 * again. Loaded on first use only.
 *
 * Memory: libheif's WebAssembly heap never shrinks, so whatever one decode puts in it stays for
 * the rest of a batch. The image is asked for in the form the HEVC stream holds it (Y′CbCr, 4:2:0
 * for a phone photo: 18 MB for 12 MP) and turned into RGB here, already reduced to the size the
 * caller needs (heic-pixels.ts); asking libheif for RGB added a 36 MB plane to its heap and the
 * same again as a JavaScript copy (one 12 MP HEIC: `files` 273-278 MB, `fix` 358-382 MB). A file
 * whose samples are not 8-bit full-range BT.601 (the form every phone writes, and libheif's
 * default when a file names none) is still converted by libheif, then reduced the same way (one
 * deeper than 8 bits is known from its handle; a monochrome one or another matrix only once
 * decoded, so those rare files are decoded twice).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pixelLimitFor } from '../rules/safety-limits.js';
import { BT601, type Plane, reduceRgb, reducedSize, reductionFor, ycbcrToRgb } from '../files/heic-pixels.js';
import { createGate } from './gate.js';

export interface DecodedRgb {
  /** Interleaved RGB, 3 bytes a pixel, `width`×`height`: the picture reduced by `factor`. */
  data: Uint8Array;
  width: number;
  height: number;
  factor: number;
  /** The picture's own size (libheif's, transforms applied). */
  picture: { width: number; height: number };
}

/** An object the bindings return (an image handle, a decoded image): `$$.ptr` is its C pointer. */
interface HeifObject {
  $$: { ptr: number };
}

/** A value of one of libheif's enums as its bindings give it: compared by identity, `value` for the C API. */
interface HeifEnum {
  value: number;
}

/** A libheif error as its JavaScript binding returns it (`code` an enum value; absent on success but for reads). */
interface HeifError {
  code: unknown;
  message?: string;
}

/** One decoded image as the bindings give it: its planes are views on libheif's heap. */
interface DecodedImage {
  image: { $$: { ptr: number } };
  channels: { id: HeifEnum; width: number; height: number; stride: number; data: Uint8Array }[];
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
    colorspace: HeifEnum,
    chroma: HeifEnum,
  ): Promise<(DecodedImage & { code?: number; message?: string }) | null>;
  heif_image_release(image: unknown): void;
  heif_colorspace: Record<'heif_colorspace_RGB' | 'heif_colorspace_YCbCr' | 'heif_colorspace_undefined', HeifEnum>;
  heif_chroma: Record<
    'heif_chroma_interleaved_RGB' | 'heif_chroma_undefined' | 'heif_chroma_420' | 'heif_chroma_422' | 'heif_chroma_444',
    HeifEnum
  >;
  heif_channel: Record<'heif_channel_interleaved' | 'heif_channel_Y' | 'heif_channel_Cb' | 'heif_channel_Cr', HeifEnum>;
  // libheif's C functions, on raw pointers into its heap (the bindings do not expose colour profiles).
  _heif_image_handle_get_luma_bits_per_pixel(handle: number): number;
  _heif_image_get_colorspace(image: number): number;
  _heif_image_get_chroma_format(image: number): number;
  _heif_image_get_bits_per_pixel_range(image: number, channel: number): number;
  /** Returns a heif_error through its first argument (the C ABI for a struct returned by value). */
  _heif_image_get_nclx_color_profile(error: number, image: number, profile: number): void;
  _heif_nclx_color_profile_free(profile: number): void;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  HEAPU8: Uint8Array;
  HEAP32: Int32Array;
}

let libheif: Libheif | null | undefined;

/** The decoder, or null when the optional package is not installed. */
export function heicDecoder(): Libheif | null {
  if (libheif === undefined) {
    try {
      // The factory that reads libheif.wasm beside it (synchronously, as the bundle does), not
      // the bundle: its 2 MB of base64 stay in V8's heap as the script's source (6 MB resident).
      const factory = createRequire(import.meta.url)('libheif-js/libheif-wasm/libheif.js') as () => Libheif;
      libheif = factory();
    } catch {
      libheif = null;
    }
  }
  return libheif;
}

/**
 * The last file decoded and by how much it was reduced: probe, fix and preview read the same HEIC
 * in turn, each needing at most the pixels of the one before or fewer; a later call needing more
 * decodes again.
 */
let last: { buffer: Uint8Array; factor: number; image: DecodedRgb } | undefined;

/** The pixels a HEIC may declare: the rule's limit, never past what libheif decodes in bounded memory. */
export const heicPixelLimit = (maxPixels: number) => pixelLimitFor('heic', maxPixels);

/** The size, in pixels, the caller will bring the picture to, given its own size (undefined: all of it). */
export type WantedSize = (picture: { width: number; height: number }) => { width: number; height: number } | undefined;

/** libheif's C enum values (heif_colorspace_YCbCr, heif_chroma_420/422/444, heif_channel_Y/Cb/Cr). */
const YCBCR = 0;
const SUBSAMPLED_OR_FULL_CHROMA = new Set([1, 2, 3]);
const [Y_CHANNEL, CB_CHANNEL, CR_CHANNEL] = [0, 1, 2];
/** heif_error_Color_profile_does_not_exist: the file names no matrix, libheif's default applies (BT.601, full range). */
const NO_PROFILE = 10;

/**
 * Decode the first image to RGB, reduced by the largest whole factor that keeps it at least the
 * size `want` gives (the caller's resize does the rest); its size is read first and more than
 * heicPixelLimit(maxPixels) is refused before decoding (returns the size only). Throws when the
 * decoder is missing or the file is bad.
 */
export async function decodeHeic(
  file: string | Uint8Array,
  maxPixels: number,
  want?: WantedSize,
): Promise<DecodedRgb | { width: number; height: number; refused: true }> {
  const heif = heicDecoder();
  if (!heif) throw Object.assign(new Error('libheif-js is not installed'), { code: 'MODULE_NOT_FOUND' });
  const buffer = typeof file === 'string' ? await readFile(file) : file;
  return decodes.run(1, () => decodeNow(heif, buffer, maxPixels, want));
}

/**
 * One decode at a time: libheif's planes are views on its heap, which a second decode growing it
 * would detach (they would read as zeros: a black picture, silently).
 */
const decodes = createGate();

async function decodeNow(
  heif: Libheif,
  buffer: Uint8Array,
  maxPixels: number,
  want: WantedSize | undefined,
): Promise<DecodedRgb | { width: number; height: number; refused: true }> {
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
    const factor = reductionFor(width, height, want?.({ width, height }));
    // Same bytes, decoded with at least as many pixels as this call needs: no second decode.
    if (
      last &&
      last.factor <= factor &&
      Buffer.from(last.buffer.buffer, last.buffer.byteOffset, last.buffer.byteLength).equals(buffer)
    )
      return last.image;
    // Deeper than 8 bits: libheif's own conversion straight away (not a decode to find out).
    const eightBit = heif._heif_image_handle_get_luma_bits_per_pixel((handle as HeifObject).$$.ptr) === 8;
    const pixels = (eightBit ? await asYcbcr(heif, handle, factor) : undefined) ?? (await asRgb(heif, handle, factor));
    const image = { ...pixels, picture: { width, height } };
    last = { buffer, factor, image };
    return image;
  } finally {
    if (handle) heif.heif_image_handle_release(handle);
    context.delete();
  }
}

/** Decode the handle in the colour space and chroma asked, hand the image to `use`, then release it. */
async function withDecoded<T>(
  heif: Libheif,
  handle: unknown,
  space: [HeifEnum, HeifEnum],
  use: (decoded: DecodedImage) => T,
): Promise<T> {
  const decoded = await heif.heif_js_decode_image2(handle, ...space);
  if (!decoded || decoded.code) throw new Error(`HEIF decode failed: ${decoded?.message ?? 'no image'}`);
  try {
    return use(decoded);
  } finally {
    heif.heif_image_release(decoded.image);
  }
}

/**
 * The image as the stream holds it, turned into RGB and reduced here; undefined (nothing kept)
 * when its samples are not the 8-bit full-range BT.601 Y′CbCr this conversion was checked on.
 */
async function asYcbcr(
  heif: Libheif,
  handle: unknown,
  factor: number,
): Promise<Omit<DecodedRgb, 'picture'> | undefined> {
  const native: [HeifEnum, HeifEnum] = [
    heif.heif_colorspace.heif_colorspace_undefined,
    heif.heif_chroma.heif_chroma_undefined,
  ];
  return withDecoded(heif, handle, native, (decoded) => {
    const image = decoded.image.$$.ptr;
    // Where each plane lies in the heap, read before any call below can grow it (growing detaches
    // the views the bindings gave; the addresses stay).
    const places = new Map(
      decoded.channels.map((c) => [c.id.value, { ...c, offset: c.data.byteOffset, length: c.data.length }]),
    );
    if (heif._heif_image_get_colorspace(image) !== YCBCR) return undefined;
    if (!SUBSAMPLED_OR_FULL_CHROMA.has(heif._heif_image_get_chroma_format(image))) return undefined;
    const eightBit = [Y_CHANNEL, CB_CHANNEL, CR_CHANNEL].every(
      (channel) => places.has(channel) && heif._heif_image_get_bits_per_pixel_range(image, channel) === 8,
    );
    if (!eightBit || !isBt601FullRange(heif, image)) return undefined;
    const plane = (channel: number): Plane => {
      const { offset, length, width, height, stride } = places.get(channel)!;
      return { data: new Uint8Array(heif.HEAPU8.buffer, offset, length), width, height, stride };
    };
    const y = plane(Y_CHANNEL);
    return {
      data: ycbcrToRgb(y, plane(CB_CHANNEL), plane(CR_CHANNEL), factor, BT601),
      ...reducedSize(y.width, y.height, factor),
      factor,
    };
  });
}

/** Whether libheif reads the image's samples as full-range BT.601 (matrix 5 or 6, or none named). */
function isBt601FullRange(heif: Libheif, image: number): boolean {
  const error = heif._malloc(16);
  const out = heif._malloc(4);
  try {
    heif.HEAP32[out >> 2] = 0;
    heif._heif_image_get_nclx_color_profile(error, image, out);
    const code = heif.HEAP32[error >> 2];
    const profile = heif.HEAP32[out >> 2]!;
    if (profile === 0) return code === NO_PROFILE;
    // struct heif_color_profile_nclx (libheif 1.23, the version package.json pins; an upgrade must
    // check this layout and the exports above): uint8 version; int primaries, transfer, matrix;
    // uint8 full range.
    const matrix = heif.HEAP32[(profile + 12) >> 2];
    const fullRange = heif.HEAPU8[profile + 16] !== 0;
    heif._heif_nclx_color_profile_free(profile);
    return code === 0 && (matrix === 5 || matrix === 6) && fullRange;
  } finally {
    heif._free(error);
    heif._free(out);
  }
}

/** Any other image, converted to RGB by libheif, then reduced here. */
async function asRgb(heif: Libheif, handle: unknown, factor: number): Promise<Omit<DecodedRgb, 'picture'>> {
  const rgb: [HeifEnum, HeifEnum] = [
    heif.heif_colorspace.heif_colorspace_RGB,
    heif.heif_chroma.heif_chroma_interleaved_RGB,
  ];
  return withDecoded(heif, handle, rgb, (decoded) => {
    const plane = decoded.channels.find((c) => c.id === heif.heif_channel.heif_channel_interleaved);
    if (!plane) throw new Error('HEIF decode failed: no interleaved plane');
    // The plane is a view on libheif's heap: reduceRgb copies it out.
    return { data: reduceRgb(plane, factor), ...reducedSize(plane.width, plane.height, factor), factor };
  });
}
