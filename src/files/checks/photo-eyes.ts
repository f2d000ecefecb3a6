/** Both eyes visible and open: sunglasses (eye regions far darker than the cheeks) or closed lids. */
import { ruleValue } from '../../rules/rule-access.js';
import { one, uploadCheck } from './check.js';
import { oneFace, theFace } from './photo-face.js';

export const photoEyes = uploadCheck({
  name: 'photo-eyes',
  ids: ['photo.eyes'],
  rules: ['upload.photo.retouch'],
  severity: { fixed: ['error'], why: 'covered or closed eyes cannot be edited open: the photo must be taken again' },
  applies: (facts, ruleSet) => oneFace(facts, ruleSet) && theFace(facts).landmarks !== undefined,
  run: (facts, ruleSet) => {
    const marks = theFace(facts).landmarks!;
    const rule = ruleValue(ruleSet, 'upload.photo.retouch');
    const variant = marks.eyeShade < rule.eyeShadeMin ? 'covered' : marks.eyeOpen < rule.eyeOpenMin ? 'closed' : null;
    return one(
      variant !== null && {
        id: 'photo.eyes',
        severity: 'error',
        measured: { eyeShade: marks.eyeShade, eyeOpen: marks.eyeOpen },
        expected: { minEyeShade: rule.eyeShadeMin, minEyeOpen: rule.eyeOpenMin },
        args: { variant },
      },
    );
  },
});
