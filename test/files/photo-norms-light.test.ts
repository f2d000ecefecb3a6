/** The written photo's norm measured on pixels, and the gentle light correction. */
import { describe, expect, it } from 'vitest';
import { applyLight, planLight } from '../../src/files/photo-light.js';
import { measureWritten, normProblems } from '../../src/files/photo-norms.js';
import { ruleValue } from '../../src/rules/rule-access.js';
import { ruleSet } from '../helpers/fixtures.js';

const norm = ruleValue(ruleSet, 'upload.photo.written');
const retouch = ruleValue(ruleSet, 'upload.photo.retouch');
const W = 100;
const H = 140;

/** White frame; the person a block from the hair top (row 14) down; `rim` colours the pixels around it. */
function written(rim: [number, number, number] | null, background = 255) {
  const rgb = new Uint8Array(W * H * 3).fill(background);
  const matte = new Float32Array(W * H);
  for (let y = 14; y < H; y += 1)
    for (let x = 25; x < 75; x += 1) {
      matte[y * W + x] = 1;
      rgb.set([180, 140, 120], (y * W + x) * 3);
    }
  if (rim) for (let y = 14; y < H; y += 1) for (const x of [23, 24, 75, 76]) rgb.set(rim, (y * W + x) * 3);
  return { rgb, matte };
}
const face = { left: 35, top: 30, right: 65, bottom: 84 };

describe('measureWritten / normProblems', () => {
  it('a clean photo meets the norm', () => {
    const { rgb, matte } = written(null);
    const m = measureWritten(rgb, matte, W, H, face, 0.9, norm);
    expect(m).toMatchObject({ headTop: 0.1, backgroundShort: 0, backgroundSpread: 0, edgeChroma: 0 });
    expect(m.headHeight).toBeCloseTo(70 / 140, 2);
    expect(normProblems(m, norm)).toEqual([]);
  });

  it('a red rim, a grey background and an enlargement are each named', () => {
    const rimmed = written([250, 200, 200]);
    const m = measureWritten(rimmed.rgb, rimmed.matte, W, H, face, 1.3, norm);
    expect(m.edgeChroma).toBeGreaterThan(norm.maxEdgeChroma);
    const grey = written(null, 240);
    const g = measureWritten(grey.rgb, grey.matte, W, H, face, 1, norm);
    expect(normProblems(m, norm)).toEqual(expect.arrayContaining(['edge', 'upscale']));
    expect(normProblems(g, norm)).toContain('background');
  });
});

describe('planLight / applyLight', () => {
  const faceBox = { left: 0, top: 0, right: 40, bottom: 40 };
  const filled = (rgb: [number, number, number]) => {
    const buf = new Uint8Array(40 * 40 * 3);
    for (let p = 0; p < 1600; p += 1) buf.set(rgb, p * 3);
    return buf;
  };

  it('a well-lit face is left alone', () => {
    const plan = planLight(filled([200, 160, 140]), 40, faceBox, retouch);
    expect(plan).toMatchObject({ gamma: 1, gains: [1, 1], problem: null, changed: false });
  });

  it('a dark face is brightened to the target; one too dark to mend is a problem', () => {
    const plan = planLight(filled([150, 115, 100]), 40, faceBox, retouch);
    expect(plan.gamma).toBeLessThan(1);
    expect(plan.problem).toBeNull();
    const after = applyLight(filled([150, 115, 100]), plan);
    const luma = 0.299 * after[0]! + 0.587 * after[1]! + 0.114 * after[2]!;
    expect(Math.abs(luma - retouch.faceLumaTarget)).toBeLessThan(6);
    expect(planLight(filled([20, 14, 12]), 40, faceBox, retouch).problem).toBe('dark');
  });

  it('a tungsten cast is balanced toward daylight skin; a far stronger one is a problem', () => {
    const warm = planLight(filled([225, 160, 100]), 40, faceBox, retouch);
    expect(warm.cast).toBeGreaterThan(retouch.castMin);
    expect(warm.gains[1]).toBeGreaterThan(1);
    expect(warm.problem).toBeNull();
    expect(planLight(filled([240, 120, 20]), 40, faceBox, retouch).problem).toBe('cast');
  });
});
