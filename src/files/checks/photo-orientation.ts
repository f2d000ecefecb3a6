/** An EXIF orientation other than 1: a portal that ignores EXIF shows the photo sideways. */
import { always, isPhoto, one, uploadCheck } from './check.js';

export const photoOrientation = uploadCheck({
  name: 'photo-orientation',
  ids: ['photo.orientation'],
  rules: [],
  severity: {
    fixed: ['warning'],
    why: 'no notice speaks of EXIF: the photo is right in any viewer that reads it, so it is a risk, never a rejection (a severity in the rule data would add a rule to `shegong rules` and its JSON)',
  },
  applies: isPhoto,
  cures: always,
  run: (facts) => {
    const image = facts.image!;
    return one(
      image.orientation !== 1 && {
        id: 'photo.orientation',
        severity: 'warning',
        measured: { orientation: image.orientation, width: image.width, height: image.height },
        expected: { orientation: 1 },
        args: { orientation: image.orientation },
      },
    );
  },
});
