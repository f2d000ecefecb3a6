/**
 * An EXIF orientation other than 1: a portal that ignores EXIF shows the photo sideways (a risk).
 * Pixels that themselves stand sideways or upside down (the face says so): everyone sees the photo
 * so, an error; `fix` turns it upright.
 */
import type { ImageHeader } from '../../model/files.js';
import type { Finding } from '../../model/finding.js';
import { always, isPhoto, isScan, one, uploadCheck } from './check.js';

/** A clockwise quarter turn as a person says it. */
const WAYS = { 90: 'clockwise', 180: 'over', 270: 'anticlockwise' } as const;

export const photoOrientation = uploadCheck({
  name: 'photo-orientation',
  ids: ['photo.orientation'],
  rules: [],
  severity: {
    fixed: ['warning', 'error'],
    why: 'no notice speaks of EXIF: the photo is right in any viewer that reads it, so it is a risk, never a rejection (a severity in the rule data would add a rule to `shegong rules` and its JSON); a picture whose pixels stand sideways or upside down is wrong in every viewer, and a photo not upright is not 正面',
  },
  applies: isPhoto,
  cures: always,
  run: (facts) => {
    const image = facts.image!;
    if (image.turn !== undefined) {
      return one({
        id: 'photo.orientation',
        severity: 'error',
        measured: { turn: image.turn, orientation: image.orientation, width: image.width, height: image.height },
        expected: { turn: 0, orientation: 1 },
        // The way to turn it as a person sees it in a viewer that reads the EXIF flag: over (180°),
        // or a quarter turn one way. With a flag as well, a site that ignores the flag shows yet
        // another way round, so no one way is named then.
        args: {
          variant: 'turned',
          turn: image.turn,
          way: image.orientation !== 1 ? 'flagged' : WAYS[image.turn],
          degrees: image.turn === 180 ? 180 : 90,
        },
      });
    }
    return flagFinding('photo.orientation', image, {});
  },
});

/**
 * The same for a scan or a phone shot of a document: held sideways, the phone stores the pixels
 * lying down and only a flag says so; a platform that ignores it shows the document sideways.
 * `fix` writes the pixels upright.
 */
export const scanOrientation = uploadCheck({
  name: 'scan-orientation',
  ids: ['scan.orientation'],
  rules: [],
  severity: {
    fixed: ['warning'],
    why: 'as for the photo: right in any viewer that reads the flag, so a risk to remove, never a rejection',
  },
  applies: isScan,
  cures: always,
  run: (facts) => {
    const image = facts.image!;
    return flagFinding('scan.orientation', image, { sideways: image.orientation >= 5 });
  },
});

/** A picture only an EXIF flag turns upright: a warning, with the flag and the stored size. */
function flagFinding<Id extends string>(id: Id, image: ImageHeader, args: Record<string, boolean>): Finding<Id>[] {
  return one(
    image.orientation !== 1 && {
      id,
      severity: 'warning',
      measured: { orientation: image.orientation, width: image.width, height: image.height },
      expected: { orientation: 1 },
      args: { orientation: image.orientation, ...args },
    },
  );
}
