/**
 * A HEIC's pixels made small where they are made: libheif hands over its decoded planes (Y, Cb, Cr
 * as the HEVC stream holds them, or interleaved RGB when it had to convert), and the caller needs
 * a few hundred to a couple of thousand pixels a side. Reducing by a whole factor while the pixels
 * are turned to RGB means a 12 MP iPhone photo never exists as 36 MB of RGB anywhere: not in
 * libheif's WebAssembly heap (which never shrinks) and not in JavaScript. Pure.
 */

/** One plane of a decoded image: `stride` bytes a row, 8 bits a sample. */
export interface Plane {
  data: Uint8Array;
  width: number;
  height: number;
  stride: number;
}

/** Y′CbCr → R′G′B′ coefficients (ITU-T H.273 matrix), for full-range samples. */
export interface Matrix {
  /** R = Y + rCr·Cr */
  rCr: number;
  /** G = Y − gCb·Cb − gCr·Cr */
  gCb: number;
  gCr: number;
  /** B = Y + bCb·Cb */
  bCb: number;
}

/** The matrix from the luma weights Kr, Kb (H.273, equations for matrix_coefficients 1, 5, 6). */
export function matrixOf(kr: number, kb: number): Matrix {
  const kg = 1 - kr - kb;
  return { rCr: 2 * (1 - kr), gCb: (2 * kb * (1 - kb)) / kg, gCr: (2 * kr * (1 - kr)) / kg, bCb: 2 * (1 - kb) };
}

/**
 * BT.601 (H.273 matrix_coefficients 5 and 6), what libheif uses when a file names none: checked
 * against libheif's own conversion (test/files/heic-pixels.test.ts, and at most 1 level apart on a
 * 12 MP phone-size HEIC).
 */
export const BT601 = matrixOf(0.299, 0.114);

/**
 * The largest whole factor a picture of `width`×`height` can be reduced by (every factor×factor
 * block one pixel, reducedSize) and still have at least `want` pixels each way, rounded up: a
 * scan's exact-scale sample of ceil(2479 / 4) = 620 is reached at 4 (1: not at all). Pure.
 */
export function reductionFor(width: number, height: number, want?: { width: number; height: number }): number {
  if (!want) return 1;
  // ceil(side / f) ≥ n  ⇔  f < side / (n − 1), for n > 1; any factor reaches n ≤ 1.
  const most = (side: number, wanted: number) => {
    const n = Math.ceil(wanted - 1e-9);
    return n <= 1 ? side : Math.ceil(side / (n - 1)) - 1;
  };
  return Math.max(1, Math.min(most(width, want.width), most(height, want.height)));
}

/** The picture brought to `share` of its size (in either frame: a turn keeps the share). */
export const shareOf =
  (share: number) =>
  (picture: { width: number; height: number }): { width: number; height: number } => ({
    width: picture.width * share,
    height: picture.height * share,
  });

/** The size a reduction by `factor` gives: every `factor`×`factor` block one pixel, a partial last block too. */
export const reducedSize = (width: number, height: number, factor: number) => ({
  width: Math.ceil(width / factor),
  height: Math.ceil(height / factor),
});

const clamp = (v: number) => (v <= 0 ? 0 : v >= 255 ? 255 : v);

/**
 * The mean RGB of every `factor`×`factor` block of a `width`×`height` picture (a partial last block
 * over its own pixels); `addRow(row, sums)` adds each pixel of one source row to
 * `sums[(x / factor | 0) * 3 + channel]`.
 */
function blockMeans(
  width: number,
  height: number,
  factor: number,
  addRow: (row: number, sums: Float64Array) => void,
): Uint8Array {
  const size = reducedSize(width, height, factor);
  const out = new Uint8Array(size.width * size.height * 3);
  const sums = new Float64Array(size.width * 3);
  for (let oy = 0; oy < size.height; oy += 1) {
    sums.fill(0);
    const rowEnd = Math.min(height, (oy + 1) * factor);
    for (let row = oy * factor; row < rowEnd; row += 1) addRow(row, sums);
    const rows = rowEnd - oy * factor;
    for (let ox = 0; ox < size.width; ox += 1) {
      const n = rows * (Math.min(width, (ox + 1) * factor) - ox * factor);
      const o = (oy * size.width + ox) * 3;
      out[o] = Math.round(sums[ox * 3]! / n);
      out[o + 1] = Math.round(sums[ox * 3 + 1]! / n);
      out[o + 2] = Math.round(sums[ox * 3 + 2]! / n);
    }
  }
  return out;
}

/**
 * Full-range 8-bit Y′CbCr planes (chroma at full, half width, or half width and height) to
 * interleaved RGB, each `factor`×`factor` block of the picture averaged into one pixel (a partial
 * last block too: the caller's resize then stretches by under one pixel). Chroma is taken at the
 * chroma sample covering each luma sample, as libheif does for 4:2:0. Each pixel is converted and
 * clamped, then averaged (as libheif's RGB, reduced, would be): a block's Y′CbCr averaged first
 * would keep the overshoot subsampled chroma gives at sharp edges.
 */
export function ycbcrToRgb(y: Plane, cb: Plane, cr: Plane, factor: number, matrix: Matrix): Uint8Array {
  const sx = cb.width < y.width ? 1 : 0;
  const sy = cb.height < y.height ? 1 : 0;
  const { rCr, gCb, gCr, bCb } = matrix;
  return blockMeans(y.width, y.height, factor, (row, sums) => {
    const yRow = row * y.stride;
    const cbRow = (row >> sy) * cb.stride;
    const crRow = (row >> sy) * cr.stride;
    for (let x = 0; x < y.width; x += 1) {
      const Y = y.data[yRow + x]!;
      const Cb = cb.data[cbRow + (x >> sx)]! - 128;
      const Cr = cr.data[crRow + (x >> sx)]! - 128;
      const s = ((x / factor) | 0) * 3;
      sums[s]! += clamp(Y + rCr * Cr);
      sums[s + 1]! += clamp(Y - gCb * Cb - gCr * Cr);
      sums[s + 2]! += clamp(Y + bCb * Cb);
    }
  });
}

/** Interleaved 8-bit RGB (`stride` bytes a row), each `factor`×`factor` block averaged into one pixel. */
export function reduceRgb(rgb: Plane, factor: number): Uint8Array {
  const { width, height } = rgb;
  const row = width * 3;
  if (factor === 1) {
    const out = new Uint8Array(row * height);
    if (rgb.stride === row) out.set(rgb.data.subarray(0, out.length));
    else for (let y = 0; y < height; y += 1) out.set(rgb.data.subarray(y * rgb.stride, y * rgb.stride + row), y * row);
    return out;
  }
  return blockMeans(width, height, factor, (y, sums) => {
    const start = y * rgb.stride;
    for (let x = 0; x < width; x += 1) {
      const s = ((x / factor) | 0) * 3;
      const p = start + x * 3;
      sums[s]! += rgb.data[p]!;
      sums[s + 1]! += rgb.data[p + 1]!;
      sums[s + 2]! += rgb.data[p + 2]!;
    }
  });
}
