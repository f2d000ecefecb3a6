/** No dpi in the file, or less than the guides': some portals assume a low one. */
import { ruleValue } from '../../rules/rule-access.js';
import { always, isOfficialOutput, isPhoto, one, uploadCheck } from './check.js';

export const photoDensity = uploadCheck({
  name: 'photo-density',
  ids: ['photo.density'],
  rules: ['upload.photo.density-guides', 'upload.photo.output'],
  severity: 'rule',
  applies: isPhoto,
  cures: always,
  run: (facts, ruleSet) => {
    const image = facts.image!;
    const density = ruleValue(ruleSet, 'upload.photo.density-guides');
    const dpi = image.jfifDpi ?? image.exifDpi;
    return one(
      (dpi === null || dpi < density.min) &&
        !isOfficialOutput(facts, ruleSet) && {
          id: 'photo.density',
          severity: density.severity,
          measured: { jfifDpi: image.jfifDpi, exifDpi: image.exifDpi },
          expected: { minDpi: density.min },
          args: {
            dpi: dpi ?? '',
            min: density.min,
            jfif: image.jfifDpi ?? '',
            exif: image.exifDpi ?? '',
            writes: density.min,
          },
        },
    );
  },
});
