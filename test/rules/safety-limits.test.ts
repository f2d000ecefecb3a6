import { describe, expect, it } from 'vitest';
import { pixelLimitFor, SAFETY } from '../../src/rules/safety-limits.js';

describe('pixelLimitFor (by the type the bytes say, not sharp’s format name)', () => {
  it('lowers the ceiling for the types decoded whole, never raises it', () => {
    expect(pixelLimitFor('heic', 100_000_000)).toBe(SAFETY.maxHeicPixels);
    expect(pixelLimitFor('gif', 100_000_000)).toBe(SAFETY.maxGifPixels);
    expect(pixelLimitFor('gif', 1_000_000)).toBe(1_000_000);
    // An A4 page scanned at 300 dpi stays under the GIF ceiling.
    expect(2480 * 3508).toBeLessThanOrEqual(pixelLimitFor('gif', 100_000_000));
  });

  it('leaves AVIF (which sharp calls "heif") and the shrink-on-load types at the rules’ limit', () => {
    for (const type of ['avif', 'jpeg', 'png', 'webp', 'heif', undefined])
      expect(pixelLimitFor(type, 100_000_000)).toBe(100_000_000);
  });
});
