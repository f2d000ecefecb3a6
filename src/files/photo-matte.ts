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
import { type CellGrid, cellCount, cellGrid, cellSampler, nearMask, shrinkMean } from './cell-grid.js';
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
 * again. Three planes are the region's size: the matte (`matte`), the coarse matte (COARSE_SLOT)
 * and the guide (GUIDE_SLOT); once the gate has read the last two, the later steps use their bytes
 * as byte masks and a fill's stack. Everything else is a window's statistics, kept on a coarser grid
 * (cell-grid.ts) in the `cells.*` and `background.*` planes: the guided filter's five, on cells of 2
 * pixels, a quarter of a region's plane each; the others a few percent.
 *
 * Why: a photo fix runs these steps on a region of 0.2–0.7 MP (the fuzz corpus; a retry's wider
 * region can reach 1.4 MP), up to 2.8 MB a plane (5.6 MB), and V8
 * frees ArrayBuffers only at a full collection, which it starts once 64 MB more are held than after
 * the last one: a batch held the planes of two or three fixes at once. With a fresh array for
 * every intermediate a fix allocated 23 planes' worth; with shared scratch planes 10; with the
 * statistics on cells and byte masks 3 and about 1.3 planes' worth of cells, and a retry with a
 * wider region twice that.
 */
export interface Planes {
  take(name: string, n: number): Float32Array;
}

export const COARSE_SLOT = 'scratch.1';
const GUIDE_SLOT = 'scratch.2';

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

/** `count` bytes of a plane, from byte `from` (a plane of n floats holds four byte masks of n). */
function bytesOf(plane: Float32Array, from: number, count: number): Uint8Array {
  return new Uint8Array(plane.buffer, plane.byteOffset + from, count);
}

/**
 * Cells a window's radius spans, per step (cells are never under a pixel: a small window is
 * filtered exactly). Measured with `npm run bench:photo` against the full-resolution filters: the
 * same verdicts, rims within 0.3. The background's colour at 4 raised `wall.jpg`'s rim and sides
 * (6.1 and 0.005 against 5.9 and 0.004; its backdrop is close to skin), at 8 they are as before. The
 * guided filter's 4 is the fast guided filter's usual step (a 0.7-MP region's radius of 11 px on
 * cells of 2); its one visible change is on `wall.jpg`, a grey band of a few pixels along the jaw
 * where the full-resolution filter had cut a notch into it.
 */
const BACKGROUND_CELLS_PER_RADIUS = 8;
const GUIDED_CELLS_PER_RADIUS = 4;
const UNMIX_CELLS_PER_RADIUS = 4;

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
 * is from the background behind it), fitted to the coarse matte, so its edges follow the picture's
 * edges. The fit's coefficients are smooth (means over the window), so they are computed on cells
 * of a quarter of the radius and read back at each pixel, where the full-resolution guide gives
 * the edge its detail: the fast guided filter (He and Sun 2015); on 1-pixel cells, the filter itself.
 * The result is the store's `matte` plane: neither the guide (read after that plane is taken) nor
 * the coarse matte (which the gate reads next) may be it.
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
  const grid = cellGrid(width, height, r / GUIDED_CELLS_PER_RADIUS);
  const m = cellCount(grid);
  const rc = Math.max(1, Math.round(r / grid.cell));
  const I = shrinkMean(guide, grid, planes.take('cells.0', m));
  const P = shrinkMean(matte, grid, planes.take('cells.1', m));
  const tmp = planes.take('cells.2', m);
  const meanI = boxMean(I, grid.cols, grid.rows, rc, planes.take('cells.3', m), tmp);
  const meanP = boxMean(P, grid.cols, grid.rows, rc, planes.take('cells.4', m), tmp);
  // Each product filtered in place; a and b then overwrite the filtered products they came from.
  const a = I;
  const b = P;
  for (let q = 0; q < m; q += 1) {
    const i = I[q]!;
    b[q] = i * P[q]!;
    a[q] = i * i;
  }
  const meanIp = boxMean(b, grid.cols, grid.rows, rc, b, tmp);
  const meanII = boxMean(a, grid.cols, grid.rows, rc, a, tmp);
  for (let q = 0; q < m; q += 1) {
    const cov = meanIp[q]! - meanI[q]! * meanP[q]!;
    const varI = meanII[q]! - meanI[q]! * meanI[q]!;
    a[q] = cov / (varI + eps);
    b[q] = meanP[q]! - a[q]! * meanI[q]!;
  }
  const meanA = boxMean(a, grid.cols, grid.rows, rc, a, tmp);
  const meanB = boxMean(b, grid.cols, grid.rows, rc, b, tmp);
  const out = planes.take('matte', width * height);
  const sampler = cellSampler(grid);
  const rowA = new Float32Array(width);
  const rowB = new Float32Array(width);
  for (let y = 0; y < height; y += 1) {
    sampler.row(meanA, y, rowA);
    sampler.row(meanB, y, rowB);
    const row = y * width;
    for (let x = 0; x < width; x += 1) {
      const v = rowA[x]! * guide[row + x]! + rowB[x]!;
      out[row + x] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
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
  // The fill's stack is whole numbers (an Int32 view); what it reached, the band around it and the
  // band's row pass are byte masks in one plane. Both planes are the coarse matte's and the guide's,
  // which nothing reads after the gate.
  const stackPlane = planes.take(COARSE_SLOT, n);
  const stack = new Int32Array(stackPlane.buffer, stackPlane.byteOffset, n);
  const masks = planes.take(GUIDE_SLOT, n);
  const keep = bytesOf(masks, 0, n);
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
  // A pixel is marked when it is pushed, so none is pushed twice; every pushed pixel is kept.
  for (let y = core.top; y < core.bottom; y += 1) {
    for (let x = core.left; x < core.right; x += 1) {
      const seed = y * width + x;
      if (keep[seed] || matte[seed]! <= 0.5 || !inside(seed)) continue;
      let sp = 0;
      stack[sp++] = seed;
      keep[seed] = 1;
      while (sp > 0) {
        const p = stack[--sp]!;
        const px = p % width;
        const neighbours = [px > 0 ? p - 1 : -1, px < width - 1 ? p + 1 : -1, p - width, p + width];
        for (const q of neighbours) {
          if (q < 0 || q >= n || keep[q] || matte[q]! <= 0.5 || !inside(q)) continue;
          keep[q] = 1;
          stack[sp++] = q;
        }
      }
    }
  }
  // Grow what is kept by a few pixels so its soft edge (matte ≤ 0.5) stays with it.
  const grow = Math.max(1, Math.round(faceW * 0.04));
  const near = nearMask(keep, width, height, grow, bytesOf(masks, n, n), bytesOf(masks, 2 * n, n));
  let removed = 0;
  for (let p = 0; p < n; p += 1) {
    const kept = keep[p] === 1 || (near[p] === 1 && inside(p));
    const m = matte[p]!;
    out[p] = kept ? m : 0;
    if (!kept && m > 0.5) removed += 1;
  }
  return { matte: out, removedShare: round3(removed / n) };
}

/** The old background's colour, per cell of `grid` (read at pixels with `backgroundRows`): 3 planes, NaN-free. */
export interface LocalBackground {
  planes: [Float32Array, Float32Array, Float32Array];
  grid: CellGrid;
}

/**
 * The background's colour near each pixel: the mean of clear-background pixels (matte < 0.2)
 * within `radius`, by a normalised box filter; where none is near, the mean of all of them. The
 * window is wide, so the sums are gathered on cells of an eighth of the radius and filtered there.
 */
export function localBackground(
  rgb: Uint8Array,
  matte: Float32Array,
  width: number,
  height: number,
  radius: number,
  planes: Planes = freshPlanes,
): LocalBackground {
  const r = Math.max(2, Math.round(radius));
  const grid = cellGrid(width, height, r / BACKGROUND_CELLS_PER_RADIUS);
  const m = cellCount(grid);
  const weight = planes.take('cells.0', m);
  const channels = [planes.take('background.r', m), planes.take('background.g', m), planes.take('background.b', m)];
  const global = [0, 0, 0];
  let count = 0;
  for (let y = 0; y < height; y += 1) {
    const at = Math.floor(y / grid.cell) * grid.cols;
    for (let x = 0; x < width; x += 1) {
      const p = y * width + x;
      if (matte[p]! >= 0.2) continue;
      const q = at + Math.floor(x / grid.cell);
      weight[q]! += 1;
      for (let c = 0; c < 3; c += 1) {
        channels[c]![q]! += rgb[p * 3 + c]!;
        global[c]! += rgb[p * 3 + c]!;
      }
      count += 1;
    }
  }
  for (let c = 0; c < 3; c += 1) global[c] = count ? global[c]! / count : 255;
  const rc = Math.max(1, Math.round(r / grid.cell));
  const tmp = planes.take('cells.1', m);
  const w = boxMean(weight, grid.cols, grid.rows, rc, weight, tmp);
  // Clear pixels per cell over the window: under a thousandth of the window's pixels is none.
  const least = 1e-3 * grid.cell * grid.cell;
  const means = channels.map((plane, c) => {
    const sum = boxMean(plane, grid.cols, grid.rows, rc, plane, tmp);
    for (let q = 0; q < m; q += 1) sum[q] = w[q]! > least ? sum[q]! / w[q]! : global[c]!;
    return sum;
  }) as [Float32Array, Float32Array, Float32Array];
  return { planes: means, grid };
}

/** The background's colour at a row of pixels: `at(y)` gives its three channels' rows (reused). */
export function backgroundRows(background: LocalBackground) {
  const sampler = cellSampler(background.grid);
  const rows = [0, 1, 2].map(() => new Float32Array(background.grid.width)) as [
    Float32Array,
    Float32Array,
    Float32Array,
  ];
  return (y: number) => {
    for (let c = 0; c < 3; c += 1) sampler.row(background.planes[c]!, y, rows[c]!);
    return rows;
  };
}

/**
 * How far each pixel's colour is from the background behind it, 0–1: the guide the matte is
 * refined against. Unlike luminance, it tells dark hair from a dark red or blue backdrop.
 */
export function distanceFromBackground(
  rgb: Uint8Array,
  background: LocalBackground,
  planes: Planes = freshPlanes,
): Float32Array {
  const { width, height } = background.grid;
  const out = planes.take(GUIDE_SLOT, width * height);
  const rowsAt = backgroundRows(background);
  for (let y = 0; y < height; y += 1) {
    const [r, g, b] = rowsAt(y);
    for (let x = 0; x < width; x += 1) {
      const p = y * width + x;
      const d = Math.hypot(rgb[p * 3]! - r[x]!, rgb[p * 3 + 1]! - g[x]!, rgb[p * 3 + 2]! - b[x]!);
      out[p] = Math.min(1, d / 160);
    }
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
  // Near the edge: some pixel outside the person (matte < 0.5) within r, as byte masks in the
  // guide's plane (nothing reads the guide after the gate).
  const masks = planes.take(GUIDE_SLOT, n);
  const outside = bytesOf(masks, 0, n);
  for (let p = 0; p < n; p += 1) if (matte[p]! < 0.5) outside[p] = 1;
  const near = nearMask(outside, width, height, r, bytesOf(masks, n, n), bytesOf(masks, 2 * n, n));
  // The sure person pixels' mean colour within 2r: sums on cells, read back per row.
  const grid = cellGrid(width, height, (2 * r) / UNMIX_CELLS_PER_RADIUS);
  const m = cellCount(grid);
  const sure = planes.take('cells.0', m);
  const fg = [planes.take('cells.1', m), planes.take('cells.2', m), planes.take('cells.3', m)];
  for (let y = 0; y < height; y += 1) {
    const at = Math.floor(y / grid.cell) * grid.cols;
    for (let x = 0; x < width; x += 1) {
      const p = y * width + x;
      if (matte[p]! < 0.98) continue;
      const q = at + Math.floor(x / grid.cell);
      sure[q]! += 1;
      for (let c = 0; c < 3; c += 1) fg[c]![q]! += rgb[p * 3 + c]!;
    }
  }
  const rc = Math.max(1, Math.round((2 * r) / grid.cell));
  const tmp = planes.take('cells.4', m);
  const weights = boxMean(sure, grid.cols, grid.rows, rc, sure, tmp);
  const means = fg.map((plane) => boxMean(plane, grid.cols, grid.rows, rc, plane, tmp));
  // Sure pixels per cell over the window: under 2 % of the window's pixels is too few to say.
  const least = 0.02 * grid.cell * grid.cell;
  if (out !== matte) out.set(matte);
  const sampler = cellSampler(grid);
  const rowOf = backgroundRows(background);
  const weight = new Float32Array(width);
  const fgRows = [0, 1, 2].map(() => new Float32Array(width));
  for (let y = 0; y < height; y += 1) {
    sampler.row(weights, y, weight);
    for (let c = 0; c < 3; c += 1) sampler.row(means[c]!, y, fgRows[c]!);
    const [br, bg, bb] = rowOf(y);
    for (let x = 0; x < width; x += 1) {
      const p = y * width + x;
      if (matte[p]! <= 0.02 || near[p] === 0 || weight[x]! < least) continue;
      const w = weight[x]!;
      const fr = fgRows[0]![x]! / w - br[x]!;
      const fgG = fgRows[1]![x]! / w - bg[x]!;
      const fb = fgRows[2]![x]! / w - bb[x]!;
      const span = fr * fr + fgG * fgG + fb * fb;
      if (span < UNMIX_MIN_SPAN * UNMIX_MIN_SPAN) continue;
      const a =
        ((rgb[p * 3]! - br[x]!) * fr + (rgb[p * 3 + 1]! - bg[x]!) * fgG + (rgb[p * 3 + 2]! - bb[x]!) * fb) / span;
      const clamped = a < 0 ? 0 : a > 1 ? 1 : a;
      if (clamped < out[p]!) out[p] = clamped;
    }
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
  const { width, height } = background.grid;
  const rowOf = backgroundRows(background);
  const bgAt = [0, 0, 0];
  for (let y = 0; y < height; y += 1) {
    const [br, bg, bb] = rowOf(y);
    for (let x = 0; x < width; x += 1) {
      const p = y * width + x;
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
      bgAt[0] = br[x]!;
      bgAt[1] = bg[x]!;
      bgAt[2] = bb[x]!;
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
