/** The face's share of the frame, outside the rule's range. */
import { ruleValue } from '../../rules/rule-access.js';
import { pct, round3 } from '../measures.js';
import { always, one, uploadCheck } from './check.js';
import { oneFace, theFace } from './photo-face.js';

export const photoHeadSize = uploadCheck({
  name: 'photo-head-size',
  ids: ['photo.head-size'],
  rules: ['upload.photo.head-size'],
  severity: 'rule',
  applies: oneFace,
  cures: always,
  run: (facts, ruleSet) => {
    const face = theFace(facts);
    const size = ruleValue(ruleSet, 'upload.photo.head-size');
    const area = round3((face.right - face.left) * (face.bottom - face.top));
    return one(
      (area < size.minFaceArea || area > size.maxFaceArea) && {
        id: 'photo.head-size',
        severity: size.severity,
        measured: { faceArea: area },
        expected: { minFaceArea: size.minFaceArea, maxFaceArea: size.maxFaceArea },
        args: {
          variant: area < size.minFaceArea ? 'small' : 'large',
          area: pct(area),
          min: pct(size.minFaceArea),
          max: pct(size.maxFaceArea),
        },
      },
    );
  },
});
