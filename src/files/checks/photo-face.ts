/**
 * The face detector's facts. Exactly one face; without the models, one info finding names
 * the checks that were skipped (the mask heuristic stays).
 */
import { ruleValue } from '../../rules/rule-access.js';
import type { FileFacts } from '../../model/files.js';
import type { RuleSet } from '../../model/rules.js';
import { isPhoto, one, uploadCheck } from './check.js';

export const photoFace = uploadCheck({
  name: 'photo-face',
  ids: ['photo.face'],
  // Says when the face checks were skipped (no model): the photo was not fully checked.
  shownByDefault: true,
  rules: ['upload.photo.face'],
  severity: { fixed: ['info'], why: 'the note that the face models were skipped is a note', alsoRule: true },
  applies: isPhoto,
  run: (facts, ruleSet) => {
    if (!facts.face) {
      return one(
        facts.faceSkipped !== undefined &&
          facts.content !== undefined && {
            id: 'photo.face',
            severity: 'info',
            measured: { models: facts.faceSkipped },
            args: { variant: 'skipped', reason: facts.faceSkipped, checks: 'photo.face,photo.pose,photo.head-size' },
          },
      );
    }
    const faces = facts.face.faces;
    return one(
      faces.length !== 1 && {
        id: 'photo.face',
        severity: ruleValue(ruleSet, 'upload.photo.face').severity,
        measured: { faces: faces.length },
        expected: { faces: 1 },
        args: { variant: faces.length === 0 ? 'none' : 'several', count: faces.length },
      },
    );
  },
});

/** The pose, head-size and face-position checks read the one face the models found. */
export const oneFace = (facts: FileFacts, ruleSet: RuleSet) =>
  isPhoto(facts, ruleSet) && facts.face?.faces.length === 1;
export const theFace = (facts: FileFacts) => facts.face!.faces[0]!;
