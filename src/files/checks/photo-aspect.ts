/** Width to height off the rule's ratio by more than its tolerance (after EXIF orientation). */
import { ruleValue } from '../../rules/rule-access.js';
import { round3 } from '../measures.js';
import { always, isPhoto, one, uploadCheck } from './check.js';

export const photoAspect = uploadCheck({
  name: 'photo-aspect',
  ids: ['photo.aspect'],
  rules: ['upload.photo.aspect'],
  severity: 'rule',
  applies: isPhoto,
  cures: always,
  run: (facts, ruleSet) => {
    const { orientedWidth: w, orientedHeight: h } = facts.image!;
    const aspect = ruleValue(ruleSet, 'upload.photo.aspect');
    const want = aspect.width / aspect.height;
    const ratio = w / h;
    return one(
      Math.abs(ratio - want) / want > aspect.tolerance && {
        id: 'photo.aspect',
        severity: aspect.severity,
        measured: { ratio: round3(ratio) },
        expected: { ratio: round3(want), tolerance: aspect.tolerance },
        args: {
          ratio: round3(ratio),
          want: round3(want),
          width: w,
          height: h,
          aspect: `${aspect.width}:${aspect.height}`,
        },
      },
    );
  },
});
