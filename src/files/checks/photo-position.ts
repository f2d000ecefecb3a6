/**
 * The head too high, too low or off centre: from the face the models found, else from
 * the background mask (a heuristic). Two units reading one rule, at their two places in the order.
 */
import { ruleValue } from '../../rules/rule-access.js';
import { pct, round3 } from '../measures.js';
import { isPhoto, one, uploadCheck } from './check.js';
import { oneFace, theFace } from './photo-face.js';

type Position = ReturnType<typeof ruleValue<'upload.photo.position'>>;

const variantOf = (top: number, centre: number, position: Position) =>
  top < position.headTopMin
    ? 'top-tight'
    : top > position.headTopMax
      ? 'top-loose'
      : Math.abs(centre - 0.5) > position.maxOffCentre
        ? 'off-centre'
        : null;

const expectedOf = (position: Position) => ({
  headTopMin: position.headTopMin,
  headTopMax: position.headTopMax,
  maxOffCentre: position.maxOffCentre,
});

export const photoPositionFromFace = uploadCheck({
  name: 'photo-position-face',
  ids: ['photo.position'],
  rules: ['upload.photo.position', 'upload.photo.face'],
  severity: 'rule',
  applies: oneFace,
  // Re-cropped from the face, and only when the face is known.
  cures: (f) => f.measured?.from === 'face',
  run: (facts, ruleSet) => {
    const face = theFace(facts);
    const position = ruleValue(ruleSet, 'upload.photo.position');
    const hairAllowance = ruleValue(ruleSet, 'upload.photo.face').hairAllowance;
    const headTop = round3(face.top - hairAllowance * (face.bottom - face.top));
    const centre = round3((face.left + face.right) / 2);
    const variant = variantOf(headTop, centre, position);
    return one(
      variant !== null && {
        id: 'photo.position',
        severity: position.severity,
        measured: { headTop, headCentre: centre, from: 'face' },
        expected: expectedOf(position),
        args: { variant, top: pct(headTop), centre: pct(centre), heuristic: true },
      },
    );
  },
});

export const photoPositionFromMask = uploadCheck({
  name: 'photo-position-mask',
  ids: ['photo.position'],
  rules: ['upload.photo.position'],
  severity: 'rule',
  // Without one face, only the mask's estimate: no copy can place a head it cannot find.
  applies: (facts, ruleSet) => isPhoto(facts, ruleSet) && facts.content !== undefined && facts.face?.faces.length !== 1,
  run: (facts, ruleSet) => {
    const position = ruleValue(ruleSet, 'upload.photo.position');
    const subject = facts.content!.subject;
    if (!subject) {
      return [
        {
          id: 'photo.position',
          severity: position.severity,
          measured: { subject: false },
          args: { variant: 'none', heuristic: true },
        },
      ];
    }
    const variant = variantOf(subject.top, subject.headCentre, position);
    return one(
      variant !== null && {
        id: 'photo.position',
        severity: position.severity,
        measured: { headTop: subject.top, headCentre: subject.headCentre },
        expected: expectedOf(position),
        args: { variant, top: pct(subject.top), centre: pct(subject.headCentre), heuristic: true },
      },
    );
  },
});
