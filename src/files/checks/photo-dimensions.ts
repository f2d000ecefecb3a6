/** Too few pixels (after EXIF orientation). */
import { ruleValue } from '../../rules/rule-access.js';
import { isPhoto, one, uploadCheck } from './check.js';

export const photoDimensions = uploadCheck({
  name: 'photo-dimensions',
  ids: ['photo.dimensions'],
  rules: ['upload.photo.pixels'],
  severity: 'rule',
  applies: isPhoto,
  run: (facts, ruleSet) => {
    const { orientedWidth: w, orientedHeight: h } = facts.image!;
    const pixels = ruleValue(ruleSet, 'upload.photo.pixels');
    return one(
      (w < pixels.minWidth || h < pixels.minHeight) && {
        id: 'photo.dimensions',
        severity: pixels.severity,
        measured: { width: w, height: h },
        expected: { minWidth: pixels.minWidth, minHeight: pixels.minHeight },
        args: { width: w, height: h, minWidth: pixels.minWidth, minHeight: pixels.minHeight },
      },
    );
  },
});
