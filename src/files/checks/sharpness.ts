/** Blur: variance of the Laplacian on the small decode, against a per-kind minimum (heuristic). */
import type { FileFacts } from '../../model/files.js';
import type { RuleSet } from '../../model/rules.js';
import { ruleValue } from '../../rules/rule-access.js';
import { isPhoto, isScan, one, uploadCheck } from './check.js';

function sharpness<Id extends string>(id: Id, min: number, facts: FileFacts, ruleSet: RuleSet) {
  const content = facts.content!;
  return one(
    content.laplacianVariance < min && {
      id,
      severity: ruleValue(ruleSet, 'upload.scan.sharpness').severity,
      measured: {
        laplacianVariance: content.laplacianVariance,
        sampleWidth: content.sampleWidth,
        sampleHeight: content.sampleHeight,
      },
      expected: { minLaplacianVariance: min },
      args: { variance: content.laplacianVariance, min, heuristic: true },
    },
  );
}

export const photoSharpness = uploadCheck({
  name: 'photo-sharpness',
  ids: ['photo.sharpness'],
  rules: ['upload.scan.sharpness'],
  severity: 'rule',
  applies: (facts, ruleSet) => isPhoto(facts, ruleSet) && facts.content !== undefined,
  run: (facts, ruleSet) =>
    sharpness('photo.sharpness', ruleValue(ruleSet, 'upload.scan.sharpness').photoMinLaplacianVariance, facts, ruleSet),
});

export const scanSharpness = uploadCheck({
  name: 'scan-sharpness',
  ids: ['scan.sharpness'],
  rules: ['upload.scan.sharpness'],
  severity: 'rule',
  applies: (facts, ruleSet) => isScan(facts, ruleSet) && facts.content !== undefined,
  run: (facts, ruleSet) =>
    sharpness('scan.sharpness', ruleValue(ruleSet, 'upload.scan.sharpness').minLaplacianVariance, facts, ruleSet),
});
