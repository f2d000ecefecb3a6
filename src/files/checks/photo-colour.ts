/** A CMYK file, a grey (black-and-white) photo, or more than 8 bits a channel. */
import type { Finding } from '../../model/finding.js';
import { ruleValue } from '../../rules/rule-access.js';
import { isPhoto, uploadCheck } from './check.js';

export const photoColour = uploadCheck({
  name: 'photo-colour',
  ids: ['photo.colour'],
  rules: ['upload.photo.colour'],
  severity: {
    fixed: ['warning'],
    alsoRule: true,
    why: 'CMYK and grey take the rule’s severity; a 16-bit depth is only a warning: no notice names it and a copy cures it (a severity in the rule data would change `shegong rules` and its JSON)',
  },
  applies: isPhoto,
  // A grey photo needs a colour one: no copy adds colour.
  cures: (f) => f.args?.variant !== 'grey',
  run: (facts, ruleSet): Finding<'photo.colour'>[] => {
    const image = facts.image!;
    const content = facts.content;
    const colour = ruleValue(ruleSet, 'upload.photo.colour');
    if (image.space === 'cmyk') {
      return [
        {
          id: 'photo.colour',
          severity: colour.severity,
          measured: { space: 'cmyk' },
          expected: { space: 'srgb' },
          args: { variant: 'cmyk' },
        },
      ];
    }
    if (content && content.chroma <= colour.maxGreyChroma) {
      return [
        {
          id: 'photo.colour',
          severity: colour.severity,
          measured: { chroma: content.chroma, space: image.space },
          expected: { minChroma: colour.maxGreyChroma },
          args: { variant: 'grey', chroma: content.chroma },
        },
      ];
    }
    if (image.depth !== 'uchar') {
      return [
        {
          id: 'photo.colour',
          severity: 'warning',
          measured: { depth: image.depth },
          expected: { depth: 'uchar' },
          args: { variant: 'depth', depth: image.depth },
        },
      ];
    }
    return [];
  },
});
