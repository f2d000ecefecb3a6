/** The matte steps on small made-up pictures: refine, keep the candidate, unmix, whiten. */
import { describe, expect, it } from 'vitest';
import {
  backgroundRows,
  boxMean,
  COARSE_SLOT,
  distanceFromBackground,
  gateByColour,
  keepCandidate,
  localBackground,
  matteTop,
  type Planes,
  planeStore,
  refineMatte,
  unmixMatte,
  whitenLocal,
} from '../../src/files/photo-matte.js';

const W = 60;
const H = 60;
const red = [204, 0, 0];
const hair = [90, 60, 40];

/** A dark disc (r 15 at 30,30) on red; the soft edge mixes the two colours. */
function picture() {
  const rgb = new Uint8Array(W * H * 3);
  const truth = new Float32Array(W * H);
  for (let y = 0; y < H; y += 1) {
    for (let x = 0; x < W; x += 1) {
      const d = Math.hypot(x - 30, y - 30);
      const a = d < 14 ? 1 : d < 16 ? (16 - d) / 2 : 0;
      truth[y * W + x] = a;
      for (let c = 0; c < 3; c += 1) rgb[(y * W + x) * 3 + c] = Math.round(a * hair[c]! + (1 - a) * red[c]!);
    }
  }
  return { rgb, truth };
}

/** How far a matte is from the true one: the sum of absolute differences. */
function distanceTo(truth: Float32Array, matte: Float32Array): number {
  let sum = 0;
  for (let p = 0; p < truth.length; p += 1) sum += Math.abs(matte[p]! - truth[p]!);
  return sum;
}

describe('box mean', () => {
  it('averages over the window, clipped at the borders', () => {
    const src = Float32Array.from({ length: 9 }, (_, i) => i);
    const out = boxMean(src, 3, 3, 1);
    expect(out[4]).toBeCloseTo(4, 5);
    expect(out[0]).toBeCloseTo((0 + 1 + 3 + 4) / 4, 5);
  });
});

describe('from a coarse matte to a clean edge', () => {
  const { rgb, truth } = picture();
  // A coarse matte 4 px too wide all round (a 256² model's mask upscaled and blurred).
  const coarse = new Float32Array(W * H);
  for (let y = 0; y < H; y += 1)
    for (let x = 0; x < W; x += 1) {
      const d = Math.hypot(x - 30, y - 30);
      coarse[y * W + x] = d < 17 ? 1 : d < 21 ? (21 - d) / 4 : 0;
    }

  it('the local background is the backdrop colour, also under the person', () => {
    const bg = localBackground(rgb, coarse, W, H, 8);
    const at = backgroundRows(bg);
    expect(at(0)[0][0]).toBeCloseTo(204, 0);
    expect(at(30)[0][30]).toBeCloseTo(204, 0);
    expect(at(30)[1][30]).toBeCloseTo(0, 0);
  });

  it('refined, gated and unmixed, the matte follows the picture: red pixels lose it', () => {
    const bg = localBackground(rgb, coarse, W, H, 8);
    const guide = distanceFromBackground(rgb, bg);
    const refined = refineMatte(guide, coarse, W, H, 3, 4e-4);
    const matte = unmixMatte(rgb, gateByColour(refined, coarse, guide), bg, W, H, 3);
    expect(distanceTo(truth, matte)).toBeLessThan(distanceTo(truth, coarse) / 4);
    // A pure red pixel inside the coarse band (d = 18) has no person in it.
    expect(matte[30 * W + 48]).toBeLessThan(0.05);
    expect(matte[30 * W + 30]).toBeGreaterThan(0.95);
  });

  it('whitened: backdrop white, person kept, no red left in the rim', () => {
    const bg = localBackground(rgb, truth, W, H, 8);
    const out = whitenLocal(rgb, truth, bg, { clear: 0.06, solid: 0.99 }).rgb;
    expect([...out.subarray(0, 3)]).toEqual([255, 255, 255]);
    const centre = (30 * W + 30) * 3;
    expect([...out.subarray(centre, centre + 3)]).toEqual(hair);
    for (let p = 0; p < W * H; p += 1) {
      const [r, g, b] = [out[p * 3]!, out[p * 3 + 1]!, out[p * 3 + 2]!];
      // Reddish: red clearly above green and blue, where the person is not.
      if (truth[p]! < 1) expect(r - Math.max(g, b)).toBeLessThan(40 * truth[p]! + 6);
    }
  });
});

describe('on cells: a picture four times the size, windows four times as wide', () => {
  // The same disc on red, scaled by 4: every step's statistics now sit on cells of 2–8 pixels.
  const S = 4;
  const [w, h] = [W * S, H * S];
  const rgb = new Uint8Array(w * h * 3);
  const truth = new Float32Array(w * h);
  const coarse = new Float32Array(w * h);
  for (let y = 0; y < h; y += 1)
    for (let x = 0; x < w; x += 1) {
      const d = Math.hypot(x - 30 * S, y - 30 * S) / S;
      const a = d < 14 ? 1 : d < 16 ? (16 - d) / 2 : 0;
      truth[y * w + x] = a;
      coarse[y * w + x] = d < 17 ? 1 : d < 21 ? (21 - d) / 4 : 0;
      for (let c = 0; c < 3; c += 1) rgb[(y * w + x) * 3 + c] = Math.round(a * hair[c]! + (1 - a) * red[c]!);
    }

  it('the matte still follows the picture, and the whitened rim keeps no red', () => {
    const bg = localBackground(rgb, coarse, w, h, 8 * S);
    const at = backgroundRows(bg);
    expect(at(30 * S)[0][30 * S]).toBeCloseTo(204, 0);
    const guide = distanceFromBackground(rgb, bg);
    const refined = refineMatte(guide, coarse, w, h, 3 * S, 4e-4);
    const matte = unmixMatte(rgb, gateByColour(refined, coarse, guide), bg, w, h, 3 * S);
    expect(distanceTo(truth, matte)).toBeLessThan(distanceTo(truth, coarse) / 4);
    expect(matte[30 * S * w + 48 * S]).toBeLessThan(0.05);
    expect(matte[30 * S * w + 30 * S]).toBeGreaterThan(0.95);
    const out = whitenLocal(rgb, matte, bg, { clear: 0.06, solid: 0.99 }).rgb;
    let reddish = 0;
    for (let p = 0; p < w * h; p += 1) {
      const [r, g, b] = [out[p * 3]!, out[p * 3 + 1]!, out[p * 3 + 2]!];
      if (truth[p]! < 1 && r - Math.max(g, b) >= 40 * truth[p]! + 6) reddish += 1;
    }
    expect(reddish).toBe(0);
  });
});

describe('the planes a fix works in', () => {
  /**
   * The steps as a fix chains them: fresh arrays, or one store with the matte changed in place. The
   * radii are k times 16, 8 and 4: every step's statistics on cells of 2k pixels.
   */
  function chain(rgb: Uint8Array, coarseIn: Float32Array, w: number, h: number, k: number, planes?: Planes) {
    const face = { left: w / 2 - 10, top: h / 2 - 10, right: w / 2 + 10, bottom: h / 2 + 10 };
    const corridor = { head: 1.15, body: 2.2 };
    if (!planes) {
      const bg = localBackground(rgb, coarseIn, w, h, 16 * k);
      const guide = distanceFromBackground(rgb, bg);
      const refined = refineMatte(guide, coarseIn, w, h, 8 * k, 4e-4);
      const unmixed = unmixMatte(rgb, gateByColour(refined, coarseIn, guide), bg, w, h, 4 * k);
      return { ...keepCandidate(unmixed, w, h, face, corridor), bg };
    }
    const coarse = planes.take(COARSE_SLOT, w * h);
    coarse.set(coarseIn);
    const bg = localBackground(rgb, coarse, w, h, 16 * k, planes);
    const guide = distanceFromBackground(rgb, bg, planes);
    const matte = refineMatte(guide, coarse, w, h, 8 * k, 4e-4, planes);
    gateByColour(matte, coarse, guide, matte);
    unmixMatte(rgb, matte, bg, w, h, 4 * k, planes, matte);
    const { removedShare } = keepCandidate(matte, w, h, face, corridor, planes, matte);
    return { matte, removedShare, bg };
  }

  it('one store, reused at growing and shrinking sizes and cells, gives exactly the fresh arrays’ matte', () => {
    const store = planeStore();
    const names = new Set<string>();
    const naming: Planes = {
      take: (name, n) => {
        names.add(name);
        return store.take(name, n);
      },
    };
    const removed: number[] = [];
    // A region, a wider one (a retry), then a smaller one with cells of another size: planes grow,
    // then are handed out as the front of larger ones.
    for (const [w, h, k] of [
      [60, 60, 1],
      [90, 70, 1],
      [70, 64, 2],
    ] as const) {
      const rgb = new Uint8Array(w * h * 3);
      const coarse = new Float32Array(w * h);
      for (let y = 0; y < h; y += 1)
        for (let x = 0; x < w; x += 1) {
          // The candidate's head at the centre and, at the right edge, a second person's shoulder
          // that touches it below the chin: the corridor cuts it (keepCandidate's in-place path).
          const d = Math.hypot(x - w / 2, y - h / 2);
          const other = x >= w - 8 && y >= h / 2;
          const a = d < 14 || other ? 1 : d < 16 ? (16 - d) / 2 : 0;
          coarse[y * w + x] = d < 17 || other ? 1 : d < 21 ? (21 - d) / 4 : 0;
          for (let c = 0; c < 3; c += 1) rgb[(y * w + x) * 3 + c] = Math.round(a * hair[c]! + (1 - a) * red[c]!);
        }
      for (let x = w / 2; x < w; x += 1) coarse[(h / 2 + 12) * w + x] = 1; // the shoulder's bridge
      const fresh = chain(rgb, coarse, w, h, k);
      const stored = chain(rgb, coarse, w, h, k, naming);
      expect([...stored.matte]).toEqual([...fresh.matte]);
      expect(stored.removedShare).toBe(fresh.removedShare);
      for (let c = 0; c < 3; c += 1) expect([...stored.bg.planes[c]!]).toEqual([...fresh.bg.planes[c]!]);
      removed.push(fresh.removedShare);
    }
    // The corridor did cut something: the in-place cut and its count were exercised.
    expect(Math.min(...removed)).toBeGreaterThan(0);
    // Three planes of background colour and the matte, the coarse matte and the guide, five planes of
    // cells: the names a region's matte uses.
    expect(names.size).toBe(11);
  });
});

describe('only the candidate', () => {
  it('a second person touching the first is cut at the corridor; one apart is dropped', () => {
    const w = 100;
    const h = 60;
    const matte = new Float32Array(w * h);
    for (let y = 0; y < h; y += 1)
      for (let x = 0; x < w; x += 1) {
        // The candidate: a head at x 20–40, shoulders below y 35 out to x 70 where a neighbour's
        // shoulder joins; a separate blob (another head) at x 80–95, y 5–20.
        const head = x >= 20 && x < 40 && y >= 5 && y < 35;
        const body = y >= 35 && x >= 5 && x < 100;
        const other = x >= 80 && x < 95 && y >= 5 && y < 20;
        matte[y * w + x] = head || body || other ? 1 : 0;
      }
    const face = { left: 22, top: 10, right: 38, bottom: 32 };
    const kept = keepCandidate(matte, w, h, face, { head: 1.15, body: 2.2 });
    expect(kept.matte[20 * w + 30]).toBe(1);
    expect(kept.matte[10 * w + 85]).toBe(0);
    // Body beyond 2.2 face widths of the face centre (x 30 ± 35) is the neighbour's.
    expect(kept.matte[50 * w + 60]).toBe(1);
    expect(kept.matte[50 * w + 90]).toBe(0);
    expect(kept.removedShare).toBeGreaterThan(0);
  });

  it('the hair top is the first row covering a tenth of the face columns', () => {
    const matte = new Float32Array(10 * 10);
    for (let x = 3; x < 7; x += 1) matte[4 * 10 + x] = 1;
    expect(matteTop(matte, 10, 10, { from: 2, to: 8 })).toBe(4);
    expect(matteTop(new Float32Array(100), 10, 10, { from: 2, to: 8 })).toBeNull();
  });
});
