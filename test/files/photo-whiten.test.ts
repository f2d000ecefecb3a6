/** issue 11: the pure crop geometry and matte clean-up, on small made-up buffers. */
import { describe, expect, it } from 'vitest';
import { cropFromFace, matteDoubts, matteTop, settleCrop, whiten } from '../../src/files/photo-whiten.js';
import { ruleValue } from '../../src/rules/rule-access.js';
import { ruleSet } from '../helpers/fixtures.js';

const rule = ruleValue(ruleSet, 'upload.photo.crop');
const out = { width: 295, height: 413 };

describe('crop geometry (HivisionIDPhotos)', () => {
  it('the face covers the rule’s share of the crop, centred, with the head top at the rule’s margin', () => {
    const face = { left: 400, top: 300, right: 500, bottom: 420 };
    const crop = cropFromFace(face, out, rule, 0.45);
    expect((100 * 120) / (crop.width * crop.height)).toBeCloseTo(rule.faceArea, 5);
    expect(crop.width / crop.height).toBeCloseTo(295 / 413, 5);
    expect(crop.left + crop.width / 2).toBeCloseTo(450, 5);
    expect((300 - 0.45 * 120 - crop.top) / crop.height).toBeCloseTo(rule.headTop, 5);
  });

  it('settles on the matte’s hair top and zooms in rather than leave a band under the shoulders', () => {
    const crop = { left: 100, top: 50, width: 300, height: 420 };
    expect(settleCrop(crop, 80, 2000, rule).top).toBeCloseTo(80 - rule.headTop * 420, 5);
    const fitted = settleCrop(crop, 80, 400, rule);
    expect(fitted.top + fitted.height).toBeCloseTo(400, 5);
    expect(fitted.width / fitted.height).toBeCloseTo(300 / 420, 5);
  });
});

describe('matte clean-up', () => {
  // 40×40: blue background, a skin-coloured disc of radius 12, a soft one-pixel edge.
  const size = 40;
  const blue = [67, 142, 219];
  const skin = [200, 150, 130];
  const rgb = new Uint8Array(size * size * 3);
  const alpha = new Float32Array(size * size);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const d = Math.hypot(x - 20, y - 20);
      const a = d < 11.5 ? 1 : d < 12.5 ? 0.5 : 0;
      alpha[y * size + x] = a;
      for (let c = 0; c < 3; c += 1) rgb[(y * size + x) * 3 + c] = Math.round(a * skin[c]! + (1 - a) * blue[c]!);
    }
  }

  it('clear background becomes pure white, the subject is kept, no pixel stays bluish', () => {
    // No shrink or blur here, so the half-blue edge pixels reach the unmixing (a plain composite
    // on white would leave them bluish: 0.5·(133,146,174) + 127.5 has blue 20 above red).
    const white = whiten(rgb, alpha, size, size, { ...rule, shrinkPx: 0, blur: 0 });
    expect(white.background).toEqual(blue);
    expect(white.uniform).toBe(true);
    expect([...white.rgb.subarray(0, 3)]).toEqual([255, 255, 255]);
    const centre = (20 * size + 20) * 3;
    expect([...white.rgb.subarray(centre, centre + 3)]).toEqual(skin);
    for (let p = 0; p < size * size; p += 1) {
      const [r, g, b] = [white.rgb[p * 3]!, white.rgb[p * 3 + 1]!, white.rgb[p * 3 + 2]!];
      // Bluish: blue clearly above red. The blue-on-skin edge must not stay so.
      expect(b - r).toBeLessThan(6);
      expect(g).toBeGreaterThan(0);
    }
  });

  it('finds the hair top over the face’s columns', () => {
    expect(matteTop(alpha, size, size, { from: 15, to: 25 })).toBe(9);
    expect(matteTop(new Float32Array(size * size), size, size, { from: 0, to: size })).toBeNull();
  });

  it('doubts: something at the top edge or beside the head, hair lost, unsure edges', () => {
    const clean = matteDoubts(alpha, size, size, 30, false, 0, rule);
    expect(clean).toEqual([]);
    const chair = Float32Array.from(alpha);
    for (let y = 0; y < 30; y += 1) for (let x = 0; x < 3; x += 1) chair[y * size + x] = 1;
    expect(matteDoubts(chair, size, size, 30, false, 0, rule)).toContain('object');
    expect(matteDoubts(alpha, size, size, 30, true, 0, rule)).toEqual(['hair']);
    expect(matteDoubts(alpha, size, size, 30, false, rule.maxUnsureShare + 0.01, rule)).toEqual(['edges']);
  });
});
