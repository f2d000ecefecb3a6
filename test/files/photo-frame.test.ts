/** Where the written photo's frame goes, and what is said when none fits. */
import { describe, expect, it } from 'vitest';
import { fitFrame, overlapShare, whereIs, type Point } from '../../src/files/photo-frame.js';
import { ruleValue } from '../../src/rules/rule-access.js';
import { ruleSet } from '../helpers/fixtures.js';

const norm = ruleValue(ruleSet, 'upload.photo.written');
const crop = ruleValue(ruleSet, 'upload.photo.crop');
const out = ruleValue(ruleSet, 'upload.photo.output');
const inPicture =
  (w: number, h: number) =>
  ([x, y]: Point) =>
    x >= 0 && y >= 0 && x <= w && y <= h;

describe('fitFrame', () => {
  const face = { left: 400, top: 400, right: 600, bottom: 640 };

  it('in a roomy picture: the preferred frame (face share, head top), centred, the output aspect', () => {
    const fit = fitFrame({ face, hairTop: 290, inside: inPicture(1000, 1500), out, crop, norm });
    if (!fit.ok) throw new Error(fit.problem);
    expect(fit.frame.left + fit.frame.width / 2).toBeCloseTo(500, 5);
    expect(fit.frame.width / fit.frame.height).toBeCloseTo(out.width / out.height, 5);
    expect((200 * 240) / (fit.frame.width * fit.frame.height)).toBeCloseTo(crop.faceArea, 5);
    expect(fit.headTop).toBeCloseTo(crop.headTop, 5);
    expect(fit.headHeight).toBeGreaterThanOrEqual(norm.headHeightMin);
    expect(fit.headHeight).toBeLessThanOrEqual(norm.headHeightMax);
  });

  it('hair near the top: the frame moves and shrinks within the norm rather than leave the picture', () => {
    // The picture starts 40 px above the hair.
    const below = ([x, y]: Point) => x >= 0 && x <= 1000 && y >= 250 && y <= 1500;
    const fit = fitFrame({ face, hairTop: 290, inside: below, out, crop, norm });
    if (!fit.ok) throw new Error(fit.problem);
    expect(fit.frame.top).toBeGreaterThanOrEqual(250);
    expect(fit.headTop).toBeGreaterThanOrEqual(norm.headTopMin);
  });

  it('says which edge is missing: top, sides, bottom; too few pixels', () => {
    const tight = ([x, y]: Point) => x >= 0 && x <= 1000 && y >= 285 && y <= 1500;
    expect(fitFrame({ face, hairTop: 290, inside: tight, out, crop, norm })).toEqual({ ok: false, problem: 'top' });
    const narrow = ([x, y]: Point) => x >= 350 && x <= 650 && y >= 0 && y <= 1500;
    expect(fitFrame({ face, hairTop: 290, inside: narrow, out, crop, norm })).toEqual({ ok: false, problem: 'sides' });
    expect(fitFrame({ face, hairTop: 290, inside: inPicture(1000, 650), out, crop, norm })).toEqual({
      ok: false,
      problem: 'bottom',
    });
    const tiny = { left: 40, top: 40, right: 60, bottom: 64 };
    expect(fitFrame({ face: tiny, hairTop: 30, inside: inPicture(100, 150), out, crop, norm })).toEqual({
      ok: false,
      problem: 'too-small',
    });
  });

  it('never a frame with fewer pixels than the output', () => {
    const small = { left: 100, top: 130, right: 200, bottom: 250 };
    const fit = fitFrame({ face: small, hairTop: 80, inside: inPicture(600, 900), out, crop, norm });
    if (fit.ok) expect(fit.frame.height).toBeGreaterThanOrEqual(out.height / norm.maxUpscale);
  });
});

describe('other faces', () => {
  it('where: beside, or behind', () => {
    const chosen = { left: 0.4, right: 0.6 };
    expect(whereIs({ left: 0.05, right: 0.2 }, chosen)).toBe('left');
    expect(whereIs({ left: 0.8, right: 0.95 }, chosen)).toBe('right');
    expect(whereIs({ left: 0.45, right: 0.55 }, chosen)).toBe('behind');
  });

  it('overlap: the share of a face inside the frame', () => {
    const frame = { left: 0, top: 0, width: 100, height: 100 };
    expect(overlapShare({ left: 90, top: 10, right: 110, bottom: 30 }, frame)).toBeCloseTo(0.5, 5);
    expect(overlapShare({ left: 120, top: 10, right: 140, bottom: 30 }, frame)).toBe(0);
  });
});
