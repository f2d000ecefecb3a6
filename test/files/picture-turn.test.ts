import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { inStoredFrame, turnsToTry, uprightAfterTurn } from '../../src/files/picture-turn.js';
import { ruleValue } from '../../src/rules/rule-access.js';
import { ruleSet } from '../helpers/fixtures.js';

const rule = ruleValue(ruleSet, 'upload.photo.face');
const face = (detectorScore: number, roll: number) => ({ detectorScore, roll });

describe('turnsToTry', () => {
  it('tries nothing when the detector is sure of an upright face, or of a tilted one short of lying down', () => {
    expect(turnsToTry([face(rule.doubtScore, 0)], rule)).toEqual([]);
    expect(turnsToTry([face(0.95, rule.sidewaysRoll - 1)], rule)).toEqual([]);
  });

  it('turns a face lying on its side back the way it lies', () => {
    expect(turnsToTry([face(0.9, rule.sidewaysRoll)], rule)).toEqual([270]);
    expect(turnsToTry([face(0.9, -rule.sidewaysRoll)], rule)).toEqual([90]);
  });

  it('tries upside down first, then either side, with no face or a doubtful one', () => {
    expect(turnsToTry([], rule)).toEqual([180, 90, 270]);
    expect(turnsToTry([face(rule.doubtScore - 0.01, 0)], rule)).toEqual([180, 90, 270]);
  });

  it('reads the surest face of several', () => {
    expect(turnsToTry([face(0.5, 0), face(0.9, 0)], rule)).toEqual([]);
  });
});

describe('uprightAfterTurn', () => {
  const sure = face(rule.uprightScore, 0);
  it('takes a turned picture whose face is sure and level', () => {
    expect(uprightAfterTurn([], [sure], rule)).toBe(true);
    expect(uprightAfterTurn([face(0.5, 0)], [sure], rule)).toBe(true);
    expect(uprightAfterTurn([face(0.95, 82)], [face(0.9, 4)], rule)).toBe(true);
  });

  it('refuses a turned face that is weak, rolled, absent, or no surer than the stored one', () => {
    expect(uprightAfterTurn([], [], rule)).toBe(false);
    expect(uprightAfterTurn([], [face(rule.uprightScore - 0.01, 0)], rule)).toBe(false);
    expect(uprightAfterTurn([], [face(0.95, rule.uprightMaxRoll + 1)], rule)).toBe(false);
    expect(uprightAfterTurn([face(0.9, 0)], [face(0.85, 0)], rule)).toBe(false);
  });
});

describe('inStoredFrame', () => {
  // A 7×5 picture whose every pixel is its own index: turning the whole picture and cutting, or
  // cutting the stored picture where inStoredFrame says and turning the cut, gives the same pixels.
  const W = 7;
  const H = 5;
  const pixels = Buffer.alloc(W * H * 3);
  for (let i = 0; i < W * H; i += 1) pixels.set([i, (i * 3) & 255, 7], i * 3);
  const raw = (data: Buffer, width: number, height: number) => sharp(data, { raw: { width, height, channels: 3 } });

  it.each([90, 180, 270] as const)('turn %i: the stored cut, turned, is the upright cut', async (turn) => {
    const upright = await raw(pixels, W, H).rotate(turn).raw().toBuffer({ resolveWithObject: true });
    for (const region of [
      { left: 1, top: 2, width: 2, height: 2 },
      { left: 0, top: 0, width: upright.info.width, height: upright.info.height },
      { left: 2, top: 1, width: 1, height: 3 },
    ]) {
      const want = await raw(upright.data, upright.info.width, upright.info.height).extract(region).raw().toBuffer();
      const stored = inStoredFrame(turn, upright.info.width, upright.info.height, region);
      const cut = await raw(pixels, W, H)
        .resize({ width: stored.width, height: stored.height, fit: 'fill' })
        .extract(stored.region)
        .raw()
        .toBuffer({ resolveWithObject: true });
      const got = await raw(cut.data, cut.info.width, cut.info.height).rotate(turn).raw().toBuffer();
      expect(got.equals(want)).toBe(true);
    }
  });
});
