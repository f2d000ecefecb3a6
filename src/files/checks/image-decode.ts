/** An image that was refused before decoding (a pixel bomb) or that could not be decoded. */
import { ruleValue } from '../../rules/rule-access.js';
import { pixelLimitFor } from '../../rules/safety-limits.js';
import { present, uploadCheck } from './check.js';

export const imagePixels = uploadCheck({
  name: 'image-pixels',
  ids: ['image.pixels'],
  rules: ['upload.image'],
  severity: { fixed: ['error'], why: 'upload.image.maxPixels is our own safety limit: such an image is never decoded' },
  applies: (facts) => present(facts) && !facts.pdf && facts.refusedPixels !== undefined,
  run: (facts, ruleSet) => {
    // HEIC and GIF are decoded whole (no shrink-on-load): their own, lower ceilings (safety-limits.ts).
    const maxPixels = pixelLimitFor(facts.sniffed, ruleValue(ruleSet, 'upload.image').maxPixels);
    const pixels = facts.refusedPixels ?? 0;
    return [
      {
        id: 'image.pixels',
        severity: 'error',
        measured: { pixels, width: facts.image?.width ?? null, height: facts.image?.height ?? null },
        expected: { maxPixels },
        args: { pixels, max: maxPixels },
      },
    ];
  },
});

export const imageCorrupt = uploadCheck({
  name: 'image-corrupt',
  ids: ['file.corrupt'],
  rules: [],
  severity: { fixed: ['error'], why: 'an image that cannot be decoded: a fact, not a platform rule' },
  applies: (facts) => present(facts) && !facts.pdf && facts.refusedPixels === undefined && !!facts.decodeError,
  run: (facts) => [
    {
      id: 'file.corrupt',
      severity: 'error',
      measured: { error: facts.decodeError ?? '' },
      args: { reason: facts.decodeError ?? '', type: facts.sniffed },
    },
  ],
});
