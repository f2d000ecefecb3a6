/**
 * issue 11: crop geometry from the face and background-to-white from a person matte. Pure
 * functions on pixel buffers (RGB, 3 bytes per pixel; matte 0–1 per pixel), no I/O.
 *
 * Geometry after HivisionIDPhotos (Apache-2.0): the face covers `faceArea` of the frame, the
 * head top (hair, from the matte) sits `headTop` of the height below the top edge, the face is
 * centred horizontally. Clean-up after the research note: shrink the matte, blur it, force
 * clear background to pure white and, on a near-uniform background, unmix its colour from the
 * edge band so no blue or red fringe remains.
 */
import type { RuleValues } from '../model/rules.js';
import { round3 } from './measures.js';

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface FaceRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

type Crop = RuleValues['upload.photo.crop'];

/** The crop (in image pixels, may reach outside the image) that puts the face where the rules say. */
export function cropFromFace(
  face: FaceRect,
  out: { width: number; height: number },
  crop: Crop,
  hairAllowance: number,
): Rect {
  const faceW = face.right - face.left;
  const faceH = face.bottom - face.top;
  const height = out.height * Math.sqrt((faceW * faceH) / crop.faceArea / (out.width * out.height));
  const width = (height * out.width) / out.height;
  const headTop = face.top - hairAllowance * faceH;
  return { left: (face.left + face.right) / 2 - width / 2, top: headTop - crop.headTop * height, width, height };
}

/** Move the crop so the matte's head top sits `headTop` down, and keep its bottom inside the image. */
export function settleCrop(crop: Rect, hairTop: number | null, imageHeight: number, rule: Crop): Rect {
  let { left, top, width, height } = crop;
  if (hairTop !== null) top = hairTop - rule.headTop * height;
  // No white band under the shoulders: zoom in (around the head top) until the bottom fits.
  if (top + height > imageHeight) {
    const anchor = top + rule.headTop * height;
    const fitted = (imageHeight - anchor) / (1 - rule.headTop);
    if (fitted > 0 && fitted < height) {
      const cx = left + width / 2;
      width = (width * fitted) / height;
      height = fitted;
      left = cx - width / 2;
      top = anchor - rule.headTop * height;
    }
  }
  return { left, top, width, height };
}

/** The first row (from the top) where the matte covers the face's columns: the top of the hair. */
export function matteTop(
  alpha: Float32Array,
  width: number,
  height: number,
  columns: { from: number; to: number },
): number | null {
  const from = Math.max(0, Math.floor(columns.from));
  const to = Math.min(width, Math.ceil(columns.to));
  const need = Math.max(1, Math.round((to - from) * 0.1));
  for (let y = 0; y < height; y += 1) {
    let n = 0;
    for (let x = from; x < to; x += 1) if (alpha[y * width + x]! > 0.5) n += 1;
    if (n >= need) return y;
  }
  return null;
}

function shrink(alpha: Float32Array, width: number, height: number): Float32Array {
  const out = new Float32Array(alpha.length);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let m = 1;
      for (let dy = -1; dy <= 1; dy += 1) {
        const yy = Math.min(height - 1, Math.max(0, y + dy));
        for (let dx = -1; dx <= 1; dx += 1) {
          const xx = Math.min(width - 1, Math.max(0, x + dx));
          const v = alpha[yy * width + xx]!;
          if (v < m) m = v;
        }
      }
      out[y * width + x] = m;
    }
  }
  return out;
}

function blur(alpha: Float32Array, width: number, height: number, sigma: number): Float32Array {
  if (sigma <= 0) return alpha;
  const radius = Math.max(1, Math.ceil(sigma * 3));
  const kernel: number[] = [];
  let sum = 0;
  for (let i = -radius; i <= radius; i += 1) {
    const k = Math.exp(-(i * i) / (2 * sigma * sigma));
    kernel.push(k);
    sum += k;
  }
  const k = kernel.map((v) => v / sum);
  const tmp = new Float32Array(alpha.length);
  const out = new Float32Array(alpha.length);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let v = 0;
      for (let i = -radius; i <= radius; i += 1)
        v += k[i + radius]! * alpha[y * width + Math.min(width - 1, Math.max(0, x + i))]!;
      tmp[y * width + x] = v;
    }
  }
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let v = 0;
      for (let i = -radius; i <= radius; i += 1)
        v += k[i + radius]! * tmp[Math.min(height - 1, Math.max(0, y + i)) * width + x]!;
      out[y * width + x] = v;
    }
  }
  return out;
}

export interface Whitened {
  rgb: Uint8Array;
  /** The cleaned matte actually used. */
  alpha: Float32Array;
  /** Median colour of the clear background, and whether it was uniform enough to unmix. */
  background: [number, number, number] | null;
  uniform: boolean;
  /** Share of pixels the model was unsure about (matte between the two alpha thresholds). */
  unsureShare: number;
}

/** Replace the background with white: clear background → 255, person kept, edge band unmixed. */
export function whiten(rgb: Uint8Array, rawAlpha: Float32Array, width: number, height: number, rule: Crop): Whitened {
  let alpha = rawAlpha;
  for (let i = 0; i < rule.shrinkPx; i += 1) alpha = shrink(alpha, width, height);
  alpha = blur(alpha, width, height, rule.blur);
  const pixels = width * height;

  // The clear background's colour (median per channel) and how uniform it is (mean distance).
  const hist = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)];
  let n = 0;
  let unsure = 0;
  for (let p = 0; p < pixels; p += 1) {
    const a = rawAlpha[p]!;
    if (a > rule.backgroundAlpha && a < rule.foregroundAlpha) unsure += 1;
    if (alpha[p]! < rule.backgroundAlpha) {
      for (let c = 0; c < 3; c += 1) hist[c]![rgb[p * 3 + c]!]! += 1;
      n += 1;
    }
  }
  let background: [number, number, number] | null = null;
  let uniform = false;
  if (n > 0) {
    background = hist.map((h) => {
      let acc = 0;
      for (let v = 0; v < 256; v += 1) {
        acc += h[v]!;
        if (acc * 2 >= n) return v;
      }
      return 255;
    }) as [number, number, number];
    let distance = 0;
    for (let p = 0; p < pixels; p += 1) {
      if (alpha[p]! >= rule.backgroundAlpha) continue;
      distance += Math.max(
        Math.abs(rgb[p * 3]! - background[0]),
        Math.abs(rgb[p * 3 + 1]! - background[1]),
        Math.abs(rgb[p * 3 + 2]! - background[2]),
      );
    }
    uniform = distance / n <= rule.uniformSpread;
  }

  const out = new Uint8Array(pixels * 3);
  for (let p = 0; p < pixels; p += 1) {
    let a = alpha[p]!;
    if (uniform && background && a > rule.backgroundAlpha && a < rule.foregroundAlpha)
      a = unmixable(rgb, p * 3, a, background);
    for (let c = 0; c < 3; c += 1) {
      const i = p * 3 + c;
      const v = rgb[i]!;
      let o: number;
      if (a <= rule.backgroundAlpha) o = 255;
      else if (a >= rule.foregroundAlpha) o = v;
      else if (uniform && background) o = v + (1 - a) * (255 - background[c]!);
      else o = a * v + (1 - a) * 255;
      out[i] = o < 0 ? 0 : o > 255 ? 255 : Math.round(o);
    }
  }
  return { rgb: out, alpha, background, uniform, unsureShare: round3(unsure / pixels) };
}

/**
 * The smallest alpha at least `a` whose unmixed foreground F = (I − (1−a)·B) / a stays inside
 * 0–255 in every channel. A matte that says "half background" over a dark or saturated pixel
 * would otherwise push it toward the background's opposite colour (a cyan rim on red).
 */
function unmixable(rgb: Uint8Array, i: number, a: number, background: [number, number, number]): number {
  let need = a;
  for (let c = 0; c < 3; c += 1) {
    const v = rgb[i + c]!;
    const b = background[c]!;
    if (b > 0) need = Math.max(need, 1 - v / b);
    if (b < 255) need = Math.max(need, (v - b) / (255 - b));
  }
  return Math.min(1, need);
}

/**
 * Cut `crop` out of an image (pixels outside it are white), given the image as `source` placed
 * at `origin` inside a larger frame. Also returns the matte over the crop (0 outside).
 */
export function cutOut(
  source: { rgb: Uint8Array; alpha: Float32Array; width: number; height: number; left: number; top: number },
  crop: Rect,
): { rgb: Uint8Array; alpha: Float32Array; width: number; height: number } {
  const width = Math.max(1, Math.round(crop.width));
  const height = Math.max(1, Math.round(crop.height));
  const left = Math.round(crop.left);
  const top = Math.round(crop.top);
  const rgb = new Uint8Array(width * height * 3).fill(255);
  const alpha = new Float32Array(width * height);
  for (let y = 0; y < height; y += 1) {
    const sy = top + y - source.top;
    if (sy < 0 || sy >= source.height) continue;
    for (let x = 0; x < width; x += 1) {
      const sx = left + x - source.left;
      if (sx < 0 || sx >= source.width) continue;
      const s = sy * source.width + sx;
      const d = y * width + x;
      rgb[d * 3] = source.rgb[s * 3]!;
      rgb[d * 3 + 1] = source.rgb[s * 3 + 1]!;
      rgb[d * 3 + 2] = source.rgb[s * 3 + 2]!;
      alpha[d] = source.alpha[s]!;
    }
  }
  return { rgb, alpha, width, height };
}

/**
 * Why the matte may be wrong in the final crop: something other than the person reaches the top
 * edge or the sides beside the head (a chair back, a second person), or the hair was lost.
 */
export function matteDoubts(
  alpha: Float32Array,
  width: number,
  height: number,
  faceBottom: number,
  hairLost: boolean,
  unsureShare: number,
  rule: Crop,
): string[] {
  const doubts: string[] = [];
  let top = 0;
  for (let x = 0; x < width; x += 1) if (alpha[x]! > 0.5) top += 1;
  let side = 0;
  const rows = Math.max(1, Math.min(height, Math.round(faceBottom)));
  const band = Math.max(1, Math.round(width * 0.04));
  for (let y = 0; y < rows; y += 1) {
    for (let x = 0; x < band; x += 1) {
      if (alpha[y * width + x]! > 0.5) side += 1;
      if (alpha[y * width + width - 1 - x]! > 0.5) side += 1;
    }
  }
  if (top / width > rule.maxUnsureShare || side / (rows * band * 2) > rule.maxEdgeForeground) doubts.push('object');
  if (hairLost) doubts.push('hair');
  if (unsureShare > rule.maxUnsureShare) doubts.push('edges');
  return doubts;
}
