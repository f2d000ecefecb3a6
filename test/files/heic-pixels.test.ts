/**
 * A HEIC turned into RGB already reduced (src/files/heic-pixels.ts, src/files-io/decode-heic.ts):
 * the conversion against libheif's own, the reduction's arithmetic, and what libheif's heap keeps
 * after a 12 MP phone-size picture (test/fixtures/photos/phone.heic).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BT601, type Plane, reducedSize, reductionFor, reduceRgb, ycbcrToRgb } from '../../src/files/heic-pixels.js';
import { decodeHeic, type DecodedRgb } from '../../src/files-io/decode-heic.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const photo = (name: string) => path.join(root, 'test', 'fixtures', 'photos', name);
const plane = (values: number[], width: number, height: number): Plane => ({
  data: Uint8Array.from(values),
  width,
  height,
  stride: width,
});

/** The conversion pixel by pixel, clamped and rounded, then block means of that: what the module must equal. */
function naive(y: Plane, cb: Plane, cr: Plane, factor: number): Uint8Array {
  const sx = cb.width < y.width ? 1 : 0;
  const sy = cb.height < y.height ? 1 : 0;
  const rgb = new Uint8Array(y.width * y.height * 3);
  const clamp = (v: number) => Math.min(255, Math.max(0, v));
  for (let row = 0; row < y.height; row += 1)
    for (let x = 0; x < y.width; x += 1) {
      const Y = y.data[row * y.stride + x]!;
      const Cb = cb.data[(row >> sy) * cb.stride + (x >> sx)]! - 128;
      const Cr = cr.data[(row >> sy) * cr.stride + (x >> sx)]! - 128;
      const o = (row * y.width + x) * 3;
      rgb[o] = Math.round(clamp(Y + BT601.rCr * Cr));
      rgb[o + 1] = Math.round(clamp(Y - BT601.gCb * Cb - BT601.gCr * Cr));
      rgb[o + 2] = Math.round(clamp(Y + BT601.bCb * Cb));
    }
  return reduceRgb({ data: rgb, width: y.width, height: y.height, stride: y.width * 3 }, factor);
}

/** A plane of `width`×`height` with padded rows and values from `value(x, y)`. */
function padded(width: number, height: number, value: (x: number, y: number) => number): Plane {
  const stride = width + 3;
  const data = new Uint8Array(stride * height).fill(7);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) data[y * stride + x] = value(x, y);
  return { data, width, height, stride };
}

describe('the reduction', () => {
  it('takes the largest whole factor that keeps the wanted size, and counts partial blocks', () => {
    expect(reductionFor(4032, 3024, { width: 807, height: 605 })).toBe(5);
    expect(reductionFor(4032, 3024, { width: 806.4, height: 604.8 })).toBe(5);
    expect(reductionFor(4032, 3024, { width: 808, height: 605 })).toBe(4);
    // Scans: the exact-scale sample (ceil(side / scale)) is reached at the scale itself.
    expect(reductionFor(2479, 3508, { width: 620, height: 877 })).toBe(4);
    expect(reductionFor(1653, 2339, { width: 827, height: 1170 })).toBe(2);
    expect(reducedSize(2479, 3508, 4)).toEqual({ width: 620, height: 877 });
    expect(reductionFor(4032, 3024, { width: 5000, height: 4000 })).toBe(1);
    expect(reductionFor(4032, 3024, undefined)).toBe(1);
    expect(reducedSize(4032, 3024, 5)).toEqual({ width: 807, height: 605 });
  });

  it('averages each block of RGB, the last partial block over its own pixels', () => {
    // 3×1 pixels by 2: [ (0,0,0)+(10,20,30) ] and [ (100,100,100) ] alone.
    const rgb = plane([0, 0, 0, 10, 20, 30, 100, 100, 100], 3, 1);
    rgb.stride = 9;
    expect([...reduceRgb(rgb, 2)]).toEqual([5, 10, 15, 100, 100, 100]);
  });

  it('turns BT.601 full-range Y′CbCr into RGB: grey stays grey, pure red comes back red', () => {
    const grey = ycbcrToRgb(plane([128], 1, 1), plane([128], 1, 1), plane([128], 1, 1), 1, BT601);
    expect([...grey]).toEqual([128, 128, 128]);
    // Red (255, 0, 0) in BT.601 full range: Y 76.245, Cb 84.97, Cr 255.5.
    const red = ycbcrToRgb(plane([76], 1, 1), plane([85], 1, 1), plane([255], 1, 1), 1, BT601);
    expect(red[0]).toBeGreaterThanOrEqual(253);
    expect(red[1]).toBeLessThanOrEqual(1);
    expect(red[2]).toBeLessThanOrEqual(1);
  });

  it('reads 4:2:0 chroma at the sample covering each pixel, and averages blocks of it', () => {
    // 2×2 luma, one chroma sample: every pixel gets it.
    const y = plane([100, 110, 120, 130], 2, 2);
    const cb = plane([128], 1, 1);
    const cr = plane([128], 1, 1);
    expect([...ycbcrToRgb(y, cb, cr, 1, BT601)]).toEqual([100, 100, 100, 110, 110, 110, 120, 120, 120, 130, 130, 130]);
    expect([...ycbcrToRgb(y, cb, cr, 2, BT601)]).toEqual([115, 115, 115]);
  });

  it('saturated chroma edges, odd sizes, padded rows, 4:2:0, 4:2:2 and 4:4:4: as converting each pixel, then averaging', () => {
    const [W, H] = [13, 9];
    // Luma ramps; chroma alternates between extremes, so subsampled chroma overshoots at every edge.
    const y = padded(W, H, (x, r) => (x * 37 + r * 11) % 256);
    for (const [cw, ch] of [
      [7, 5],
      [7, 9],
      [13, 9],
    ] as const) {
      const cb = padded(cw, ch, (x, r) => ((x + r) % 2 ? 250 : 5));
      const cr = padded(cw, ch, (x, r) => ((x * 3 + r) % 3 ? 16 : 240));
      for (const factor of [1, 2, 3, 5]) {
        const got = ycbcrToRgb(y, cb, cr, factor, BT601);
        const want = naive(y, cb, cr, factor);
        expect(got.length).toBe(want.length);
        expect(largestDifference(got, want), `${cw}×${ch} chroma by ${factor}`).toBeLessThanOrEqual(1);
      }
    }
  });
});

/** libheif's own RGB conversion of a file, for comparison. */
async function libheifRgb(file: string): Promise<Plane> {
  const heif = createRequire(import.meta.url)('libheif-js/libheif-wasm/libheif.js')();
  const context = heif.heif_context_alloc();
  heif.heif_context_read_from_memory(context, readFileSync(file));
  const [id] = heif.heif_js_context_get_list_of_top_level_image_IDs(context);
  const handle = heif.heif_js_context_get_image_handle(context, id);
  const decoded = await heif.heif_js_decode_image2(
    handle,
    heif.heif_colorspace.heif_colorspace_RGB,
    heif.heif_chroma.heif_chroma_interleaved_RGB,
  );
  const found = decoded.channels[0];
  const copy = { ...found, data: Uint8Array.from(found.data) };
  heif.heif_image_release(decoded.image);
  heif.heif_image_handle_release(handle);
  context.delete();
  return copy;
}

const largestDifference = (a: Uint8Array, b: Uint8Array) =>
  a.reduce((most, v, i) => Math.max(most, Math.abs(v - b[i]!)), 0);

describe('decodeHeic', () => {
  it('gives what libheif gives, within one level, whole and reduced', async () => {
    const file = photo('blue.heic');
    const reference = await libheifRgb(file);
    const whole = (await decodeHeic(readFileSync(file), 1e8)) as DecodedRgb;
    expect(whole.factor).toBe(1);
    expect(whole.picture).toEqual({ width: 672, height: 896 });
    expect(largestDifference(whole.data, reduceRgb(reference, 1))).toBeLessThanOrEqual(1);
    const again = (await decodeHeic(readFileSync(file), 1e8, () => ({ width: 168, height: 224 }))) as DecodedRgb;
    // The whole picture is still the last decode, and has the pixels asked for: no second decode.
    expect(again).toBe(whole);
  });

  it('reduced, the block means of libheif’s own RGB, within one level', async () => {
    const file = photo('blue.heic');
    const reference = await libheifRgb(file);
    for (const factor of [2, 3]) {
      const bytes = Buffer.concat([readFileSync(file), Buffer.alloc(factor)]); // other bytes: no cached decode
      const reduced = (await decodeHeic(bytes, 1e8, () => ({
        width: 672 / factor,
        height: 896 / factor,
      }))) as DecodedRgb;
      expect(reduced.factor).toBe(factor);
      expect(largestDifference(reduced.data, reduceRgb(reference, factor))).toBeLessThanOrEqual(1);
    }
  });

  it('two decodes at once each get their own pixels (libheif’s heap grows under neither)', async () => {
    const small = readFileSync(photo('blue.heic'));
    const big = readFileSync(photo('phone.heic'));
    const [a, b] = (await Promise.all([
      decodeHeic(Buffer.concat([small, Buffer.alloc(7)]), 1e8),
      decodeHeic(big, 1e8, ({ width, height }) => ({ width: width / 4, height: height / 4 })),
    ])) as DecodedRgb[];
    expect(largestDifference(a!.data, reduceRgb(await libheifRgb(photo('blue.heic')), 1))).toBeLessThanOrEqual(1);
    expect(b!.data.some((v) => v > 0)).toBe(true);
  });

  it('decodes again, reduced, when the bytes differ; a later call wanting more pixels decodes them', async () => {
    const bytes = readFileSync(photo('blue.heic'));
    const copy = Buffer.concat([bytes]);
    copy[copy.length - 1] = copy[copy.length - 1]! ^ 1; // one bit of the last tile's data
    const quarter = (await decodeHeic(copy, 1e8, () => ({ width: 168, height: 224 }))) as DecodedRgb;
    expect([quarter.factor, quarter.width, quarter.height]).toEqual([4, 168, 224]);
    const reference = reduceRgb(await libheifRgb(photo('blue.heic')), 4);
    // Block averages of nearly the same picture: within a few levels of libheif's RGB reduced alike.
    expect(largestDifference(quarter.data, reference)).toBeLessThanOrEqual(4);
    const half = (await decodeHeic(copy, 1e8, () => ({ width: 336, height: 448 }))) as DecodedRgb;
    expect(half.factor).toBe(2);
  });

  it('a 12 MP phone-size HEIC for the probe: 807×605 in JavaScript, no RGB plane in libheif’s heap', () => {
    // A fresh process, so the heap is this decode's alone (the test processes share one libheif).
    const script = `
      const { decodeHeic, heicDecoder } = await import(${JSON.stringify(path.join(root, 'dist', 'files-io', 'decode-heic.js'))});
      const image = await decodeHeic(${JSON.stringify(photo('phone.heic'))}, 5e7, ({ width, height }) => ({ width: width / 5, height: height / 5 }));
      console.log(JSON.stringify({ width: image.width, height: image.height, bytes: image.data.length, picture: image.picture, heap: heicDecoder().HEAPU8.length }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const seen = JSON.parse(run.stdout);
    expect(seen.picture).toEqual({ width: 3024, height: 4032 });
    expect([seen.width, seen.height, seen.bytes]).toEqual([605, 807, 605 * 807 * 3]);
    // The Y′CbCr planes (18 MB) and the HEVC decoder's picture: 58 MB. RGB from libheif made it 87 MB.
    expect(seen.heap / 2 ** 20).toBeLessThan(64);
  });
});
