/**
 * From a coarse person matte to a white background a reviewer cannot tell was replaced. Pure
 * functions on buffers: RGB is 3 bytes per pixel, a matte is one 0–1 float per pixel.
 *
 * 1. `refineMatte`: the segmentation model's matte is 256² upscaled; a guided filter (He, Sun and
 *    Tang 2013) lets the full-resolution picture decide where the edge runs, so hair gets a soft
 *    edge instead of stair steps. The guide is each pixel's colour distance from the background
 *    behind it (`localBackground`), so dark hair on a dark red backdrop still has an edge.
 * 2. `keepCandidate`: only the person whose face was chosen: the matte's connected regions that
 *    touch the face, inside a corridor around it (a neighbour's shoulder touching the candidate's
 *    is cut where the corridor ends).
 * 3. `whitenLocal`: the old background's colour is estimated locally around the edge and unmixed
 *    (I = a·F + (1−a)·B, so a·F + (1−a)·white = I + (1−a)·(white − B)); what colour is left in the
 *    edge band is taken out, so neither a blue nor a red rim remains.
 */
import { round3 } from './measures.js';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Where the steps below get their float planes (zero-filled, n floats): `freshPlanes` allocates
 * each, `planeStore` reuses them by name. A name's plane is valid until the same name is asked for
 * again. The background planes and the matte have names of their own; the `scratch.*` names are
 * shared, so a caller using one store must be done with a scratch plane before the next step:
 * the coarse matte (COARSE_SLOT) and the guide (`scratch.5`) sit in the two scratch slots that
 * unmixing takes, the gate being their last reader.
 *
 * Why: a photo fix runs these steps on a region of up to 1.2 MP, 4.9 MB a plane. With a fresh
 * array for every intermediate a fix allocated 23 planes' worth (21 float planes, two Int32 and a
 * byte one), and V8 frees ArrayBuffers only at a full collection, which it starts once 64 MB more
 * are held than after the last one: a batch held the planes of two or three fixes at once (up to 78 MB
 * of them in the fuzz corpus). Through one store, with the matte gated, unmixed and cut to the
 * candidate in place, a fix allocates 10 (3 of background colour, the matte, 6 scratch), twice
 * that when it retries with a wider region.
 */
export interface Planes {
  take(name: string, n: number): Float32Array;
}

export const COARSE_SLOT = 'scratch.4';
const GUIDE_SLOT = 'scratch.5';

const freshPlanes: Planes = { take: (_name, n) => new Float32Array(n) };

/** Planes kept by name between calls, each grown to the largest size asked for. */
export function planeStore(): Planes {
  const kept = new Map<string, Float32Array>();
  return {
    take(name, n) {
      const have = kept.get(name);
      if (have && have.length >= n) return have.subarray(0, n).fill(0);
      const made = new Float32Array(n);
      kept.set(name, made);
      return made;
    },
  };
}

/**
 * Box filter (mean over a (2r+1)² window, clipped at the borders) via running sums: along each
 * row, then down the columns a whole row at a time (so memory is read in order).
 *
 * `out` may be `src` itself (the column pass reads only `tmp`), and `tmp` can be shared between
 * calls: a matte of a 12 MP region is 4 bytes a pixel, and each array not allocated is one the
 * fix does not hold (the steps below filter in place where the input is their own scratch).
 */
export function boxMean(
  src: Float32Array,
  width: number,
  height: number,
  r: number,
  out: Float32Array = new Float32Array(src.length),
  tmp: Float32Array = new Float32Array(src.length),
): Float32Array {
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    let sum = 0;
    let n = 0;
    for (let x = 0; x <= Math.min(r, width - 1); x += 1) {
      sum += src[row + x]!;
      n += 1;
    }
    for (let x = 0; x < width; x += 1) {
      tmp[row + x] = sum / n;
      const add = x + r + 1;
      const drop = x - r;
      if (add < width) {
        sum += src[row + add]!;
        n += 1;
      }
      if (drop >= 0) {
        sum -= src[row + drop]!;
        n -= 1;
      }
    }
  }
  const sums = new Float64Array(width);
  let n = 0;
  for (let y = 0; y <= Math.min(r, height - 1); y += 1) {
    const row = y * width;
    for (let x = 0; x < width; x += 1) sums[x]! += tmp[row + x]!;
    n += 1;
  }
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    for (let x = 0; x < width; x += 1) out[row + x] = sums[x]! / n;
    const add = y + r + 1;
    const drop = y - r;
    if (add < height) {
      const at = add * width;
      for (let x = 0; x < width; x += 1) sums[x]! += tmp[at + x]!;
      n += 1;
    }
    if (drop >= 0) {
      const at = drop * width;
      for (let x = 0; x < width; x += 1) sums[x]! -= tmp[at + x]!;
      n -= 1;
    }
  }
  return out;
}

/**
 * The guided filter: the output is locally a linear function of the guide (how far each pixel
 * is from the background behind it), fitted to the coarse matte, so its edges follow the picture's edges.
 * The result is the store's `matte` plane: the coarse matte given must not be that plane.
 */
export function refineMatte(
  guide: Float32Array,
  matte: Float32Array,
  width: number,
  height: number,
  radius: number,
  eps: number,
  planes: Planes = freshPlanes,
): Float32Array {
  const r = Math.max(1, Math.round(radius));
  const n = guide.length;
  // Seven arrays of n where the textbook form has twelve: each product is filtered in place, a and
  // b overwrite the filtered products they came from, and the output overwrites the guide's mean.
  const tmp = planes.take('scratch.0', n);
  const meanI = boxMean(guide, width, height, r, planes.take('matte', n), tmp);
  const meanP = boxMean(matte, width, height, r, planes.take('scratch.1', n), tmp);
  const a = planes.take('scratch.2', n);
  const b = planes.take('scratch.3', n);
  for (let p = 0; p < n; p += 1) {
    a[p] = guide[p]! * matte[p]!;
    b[p] = guide[p]! * guide[p]!;
  }
  const meanIp = boxMean(a, width, height, r, a, tmp);
  const meanII = boxMean(b, width, height, r, b, tmp);
  for (let p = 0; p < n; p += 1) {
    const cov = meanIp[p]! - meanI[p]! * meanP[p]!;
    const varI = meanII[p]! - meanI[p]! * meanI[p]!;
    a[p] = cov / (varI + eps);
    b[p] = meanP[p]! - a[p]! * meanI[p]!;
  }
  const meanA = boxMean(a, width, height, r, a, tmp);
  const meanB = boxMean(b, width, height, r, b, tmp);
  const out = meanI;
  for (let p = 0; p < n; p += 1) {
    const v = meanA[p]! * guide[p]! + meanB[p]!;
    out[p] = v < 0 ? 0 : v > 1 ? 1 : v;
  }
  return out;
}

/**
 * The matte of the chosen person only: regions (matte > 0.5, 4-connected) that overlap the face,
 * within `head` face widths of the face centre above the chin and `body` below it. A thin band of
 * soft edge around what is kept stays (hair wisps), everything else becomes background.
 * `out` may be `matte` itself.
 */
export function keepCandidate(
  matte: Float32Array,
  width: number,
  height: number,
  face: Box,
  corridor: { head: number; body: number },
  planes: Planes = freshPlanes,
  out: Float32Array = new Float32Array(width * height),
): { matte: Float32Array; removedShare: number } {
  const n = width * height;
  // Labels and the fill's stack are whole numbers: Int32 views on two scratch planes.
  const labelPlane = planes.take('scratch.0', n);
  const stackPlane = planes.take('scratch.1', n);
  const label = new Int32Array(labelPlane.buffer, labelPlane.byteOffset, n);
  const stack = new Int32Array(stackPlane.buffer, stackPlane.byteOffset, n);
  const faceW = Math.max(1, face.right - face.left);
  const cx = (face.left + face.right) / 2;
  // The face's core (its middle half) must lie in a kept region.
  const core = {
    left: Math.max(0, Math.floor(cx - faceW / 4)),
    right: Math.min(width, Math.ceil(cx + faceW / 4)),
    top: Math.max(0, Math.floor(face.top + (face.bottom - face.top) / 4)),
    bottom: Math.min(height, Math.ceil(face.bottom - (face.bottom - face.top) / 4)),
  };
  const inside = (p: number) => {
    const x = p % width;
    const y = (p - x) / width;
    const reach = (y < face.bottom ? corridor.head : corridor.body) * faceW;
    return Math.abs(x + 0.5 - cx) <= reach;
  };
  let next = 0;
  const keepPlane = planes.take('scratch.2', n);
  const keep = new Uint8Array(keepPlane.buffer, keepPlane.byteOffset, n);
  for (let y = core.top; y < core.bottom; y += 1) {
    for (let x = core.left; x < core.right; x += 1) {
      const seed = y * width + x;
      if (label[seed] || matte[seed]! <= 0.5 || !inside(seed)) continue;
      next += 1;
      let sp = 0;
      stack[sp++] = seed;
      label[seed] = next;
      while (sp > 0) {
        const p = stack[--sp]!;
        keep[p] = 1;
        const px = p % width;
        const neighbours = [px > 0 ? p - 1 : -1, px < width - 1 ? p + 1 : -1, p - width, p + width];
        for (const q of neighbours) {
          if (q < 0 || q >= n || label[q] || matte[q]! <= 0.5 || !inside(q)) continue;
          label[q] = next;
          stack[sp++] = q;
        }
      }
    }
  }
  // Grow what is kept by a few pixels so its soft edge (matte ≤ 0.5) stays with it.
  const grow = Math.max(1, Math.round(faceW * 0.04));
  // The labels are done with: their bytes hold the kept mask as floats, filtered in place.
  const kept = labelPlane;
  for (let p = 0; p < n; p += 1) kept[p] = keep[p]!;
  const near = boxMean(kept, width, height, grow, kept, stackPlane);
  let removed = 0;
  for (let p = 0; p < n; p += 1) {
    const kept = keep[p] === 1 || (near[p]! > 0 && inside(p));
    const m = matte[p]!;
    out[p] = kept ? m : 0;
    if (!kept && m > 0.5) removed += 1;
  }
  return { matte: out, removedShare: round3(removed / n) };
}

/** The old background's colour around each pixel: 3 planes, NaN-free (the overall mean where none is near). */
export interface LocalBackground {
  planes: [Float32Array, Float32Array, Float32Array];
}

/**
 * The background's colour near each pixel: the mean of clear-background pixels (matte < 0.2)
 * within `radius`, by a normalised box filter; where none is near, the mean of all of them.
 */
export function localBackground(
  rgb: Uint8Array,
  matte: Float32Array,
  width: number,
  height: number,
  radius: number,
  planes: Planes = freshPlanes,
): LocalBackground {
  const n = width * height;
  const weight = planes.take('scratch.0', n);
  const channels = [planes.take('background.r', n), planes.take('background.g', n), planes.take('background.b', n)];
  const global = [0, 0, 0];
  let count = 0;
  for (let p = 0; p < n; p += 1) {
    if (matte[p]! >= 0.2) continue;
    weight[p] = 1;
    for (let c = 0; c < 3; c += 1) {
      channels[c]![p] = rgb[p * 3 + c]!;
      global[c]! += rgb[p * 3 + c]!;
    }
    count += 1;
  }
  for (let c = 0; c < 3; c += 1) global[c] = count ? global[c]! / count : 255;
  const r = Math.max(2, Math.round(radius));
  const tmp = planes.take('scratch.1', n);
  const w = boxMean(weight, width, height, r, weight, tmp);
  const means = channels.map((plane, c) => {
    const sum = boxMean(plane, width, height, r, plane, tmp);
    for (let p = 0; p < n; p += 1) sum[p] = w[p]! > 1e-3 ? sum[p]! / w[p]! : global[c]!;
    return sum;
  }) as [Float32Array, Float32Array, Float32Array];
  return { planes: means };
}

/**
 * How far each pixel's colour is from the background behind it, 0–1: the guide the matte is
 * refined against. Unlike luminance, it tells dark hair from a dark red or blue backdrop.
 */
export function distanceFromBackground(
  rgb: Uint8Array,
  background: LocalBackground,
  pixels: number,
  planes: Planes = freshPlanes,
): Float32Array {
  const out = planes.take(GUIDE_SLOT, pixels);
  const [r, g, b] = background.planes;
  for (let p = 0; p < pixels; p += 1) {
    const d = Math.hypot(rgb[p * 3]! - r[p]!, rgb[p * 3 + 1]! - g[p]!, rgb[p * 3 + 2]! - b[p]!);
    out[p] = Math.min(1, d / 160);
  }
  return out;
}

/**
 * In the edge band (where the model was unsure), a pixel whose colour is the background's cannot
 * be the person: its matte fades to 0 as its distance from the background does. The guided filter
 * alone keeps a wrong band wider than its radius (a window of pure backdrop copies the coarse
 * matte); the person's inside, where the model was sure, is left alone. `out` may be `refined`.
 */
export function gateByColour(
  refined: Float32Array,
  coarse: Float32Array,
  distance: Float32Array,
  out: Float32Array = new Float32Array(refined.length),
): Float32Array {
  for (let p = 0; p < refined.length; p += 1) {
    const c = coarse[p]!;
    if (c >= 0.98 || c <= 0.02) {
      out[p] = refined[p]!;
      continue;
    }
    const d = distance[p]!;
    const gate = d <= GATE_LOW ? 0 : d >= GATE_HIGH ? 1 : (d - GATE_LOW) / (GATE_HIGH - GATE_LOW);
    out[p] = refined[p]! * gate;
  }
  return out;
}

/** Colour distances (share of 160, see distanceFromBackground) at which the gate is shut and open. */
const GATE_LOW = 0.06;
const GATE_HIGH = 0.2;

/**
 * Near the edge, a pixel is a mix of the person and the backdrop, I = a·F + (1−a)·B: its matte is
 * read from its colour, projecting I − B on F − B, with F the mean of the sure person pixels
 * nearby and B the local background. The matte never grows here, it only drops where the colour
 * says "more backdrop" (the reddish rim of a red studio photo). Pixels whose person and backdrop
 * look alike, or with no sure person pixel near, keep their matte. `out` may be `matte` itself.
 */
export function unmixMatte(
  rgb: Uint8Array,
  matte: Float32Array,
  background: LocalBackground,
  width: number,
  height: number,
  radius: number,
  planes: Planes = freshPlanes,
  out: Float32Array = new Float32Array(width * height),
): Float32Array {
  const n = width * height;
  const r = Math.max(2, Math.round(radius));
  const sure = planes.take('scratch.0', n);
  const outside = planes.take('scratch.1', n);
  const fg = [planes.take('scratch.2', n), planes.take('scratch.3', n), planes.take('scratch.4', n)];
  for (let p = 0; p < n; p += 1) {
    if (matte[p]! < 0.5) outside[p] = 1;
    if (matte[p]! < 0.98) continue;
    sure[p] = 1;
    for (let c = 0; c < 3; c += 1) fg[c]![p] = rgb[p * 3 + c]!;
  }
  const tmp = planes.take('scratch.5', n);
  const near = boxMean(outside, width, height, r, outside, tmp);
  const weight = boxMean(sure, width, height, r * 2, sure, tmp);
  const means = fg.map((plane) => boxMean(plane, width, height, r * 2, plane, tmp));
  if (out !== matte) out.set(matte);
  const [br, bg, bb] = background.planes;
  for (let p = 0; p < n; p += 1) {
    if (matte[p]! <= 0.02 || near[p]! <= 0 || weight[p]! < 0.02) continue;
    const w = weight[p]!;
    const fr = means[0]![p]! / w - br[p]!;
    const fgG = means[1]![p]! / w - bg[p]!;
    const fb = means[2]![p]! / w - bb[p]!;
    const span = fr * fr + fgG * fgG + fb * fb;
    if (span < UNMIX_MIN_SPAN * UNMIX_MIN_SPAN) continue;
    const a = ((rgb[p * 3]! - br[p]!) * fr + (rgb[p * 3 + 1]! - bg[p]!) * fgG + (rgb[p * 3 + 2]! - bb[p]!) * fb) / span;
    const clamped = a < 0 ? 0 : a > 1 ? 1 : a;
    if (clamped < out[p]!) out[p] = clamped;
  }
  return out;
}

/** Colour distance between person and backdrop under which the colour cannot tell them apart. */
const UNMIX_MIN_SPAN = 60;

export interface WhiteResult {
  rgb: Uint8Array;
}

/**
 * Background to white with the old colour unmixed from the edge, using the local background
 * colour (a wall with light and shade, a backdrop with a gradient). `clear` and `solid` are the
 * matte values under which a pixel is pure background and over which it is pure person. `out`
 * may be `rgb` itself (each pixel is read before it is written).
 */
export function whitenLocal(
  rgb: Uint8Array,
  matte: Float32Array,
  background: LocalBackground,
  options: { clear: number; solid: number },
  out: Uint8Array = new Uint8Array(matte.length * 3),
): WhiteResult {
  const n = matte.length;
  const bgAt = [0, 0, 0];
  const [br, bg, bb] = background.planes;
  for (let p = 0; p < n; p += 1) {
    let a = matte[p]!;
    const i = p * 3;
    if (a <= options.clear) {
      out[i] = 255;
      out[i + 1] = 255;
      out[i + 2] = 255;
      continue;
    }
    if (a >= options.solid) {
      out[i] = rgb[i]!;
      out[i + 1] = rgb[i + 1]!;
      out[i + 2] = rgb[i + 2]!;
      continue;
    }
    bgAt[0] = br[p]!;
    bgAt[1] = bg[p]!;
    bgAt[2] = bb[p]!;
    a = unmixable(rgb, i, a, bgAt);
    // a·F + (1−a)·255 with F unmixed from the local background.
    let o0 = rgb[i]! + (1 - a) * (255 - bgAt[0]!);
    let o1 = rgb[i + 1]! + (1 - a) * (255 - bgAt[1]!);
    let o2 = rgb[i + 2]! + (1 - a) * (255 - bgAt[2]!);
    // What colour is left in the band comes from the old background: take it out as the matte fades.
    const grey = 0.299 * o0 + 0.587 * o1 + 0.114 * o2;
    const keepColour = a * a;
    o0 = grey + (o0 - grey) * keepColour;
    o1 = grey + (o1 - grey) * keepColour;
    o2 = grey + (o2 - grey) * keepColour;
    out[i] = clampByte(o0);
    out[i + 1] = clampByte(o1);
    out[i + 2] = clampByte(o2);
  }
  return { rgb: out };
}

const clampByte = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

/**
 * The smallest alpha at least `a` whose unmixed foreground F = (I − (1−a)·B) / a stays inside
 * 0–255 in every channel: a matte that says "half background" over a dark or saturated pixel
 * would otherwise push it toward the background's opposite colour (a cyan rim on red).
 */
function unmixable(rgb: Uint8Array, i: number, a: number, background: number[]): number {
  let need = a;
  for (let c = 0; c < 3; c += 1) {
    const v = rgb[i + c]!;
    const b = background[c]!;
    if (b > 0) need = Math.max(need, 1 - v / b);
    if (b < 255) need = Math.max(need, (v - b) / (255 - b));
  }
  return Math.min(1, need);
}

/** The first row from the top where the matte covers a tenth of the given columns: the hair top. */
export function matteTop(
  matte: Float32Array,
  width: number,
  height: number,
  columns: { from: number; to: number },
): number | null {
  const from = Math.max(0, Math.floor(columns.from));
  const to = Math.min(width, Math.ceil(columns.to));
  const need = Math.max(1, Math.round((to - from) * 0.1));
  for (let y = 0; y < height; y += 1) {
    let n = 0;
    for (let x = from; x < to; x += 1) if (matte[y * width + x]! > 0.5) n += 1;
    if (n >= need) return y;
  }
  return null;
}
