/** Too dark (or too much clipped to black) or washed out: one rule for photos and scans (heuristic). */
import type { FileFacts } from '../../model/files.js';
import type { RuleSet } from '../../model/rules.js';
import { ruleValue } from '../../rules/rule-access.js';
import { isPhoto, isScan, one, uploadCheck } from './check.js';

function exposure<Id extends string>(id: Id, facts: FileFacts, ruleSet: RuleSet) {
  const content = facts.content!;
  const rule = ruleValue(ruleSet, 'upload.scan.exposure');
  const variant =
    content.meanLuma < rule.minMean || content.darkShare > rule.maxClippedShare
      ? 'dark'
      : content.meanLuma > rule.maxMean
        ? 'bright'
        : null;
  return one(
    variant !== null && {
      id,
      severity: rule.severity,
      measured: { meanLuma: content.meanLuma, darkShare: content.darkShare, brightShare: content.brightShare },
      expected: { minMean: rule.minMean, maxMean: rule.maxMean, maxClippedShare: rule.maxClippedShare },
      args: { variant, mean: content.meanLuma, heuristic: true },
    },
  );
}

export const photoExposure = uploadCheck({
  name: 'photo-exposure',
  ids: ['photo.exposure'],
  rules: ['upload.scan.exposure'],
  severity: 'rule',
  applies: (facts, ruleSet) => isPhoto(facts, ruleSet) && facts.content !== undefined,
  run: (facts, ruleSet) => exposure('photo.exposure', facts, ruleSet),
});

export const scanExposure = uploadCheck({
  name: 'scan-exposure',
  ids: ['scan.exposure'],
  rules: ['upload.scan.exposure'],
  severity: 'rule',
  applies: (facts, ruleSet) => isScan(facts, ruleSet) && facts.content !== undefined,
  run: (facts, ruleSet) => exposure('scan.exposure', facts, ruleSet),
});
