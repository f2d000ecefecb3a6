/** Bytes: a photo's lower bounds (official, then the guides'), a scan's upper bounds (hard, then the guides'). */
import type { Finding, Severity } from '../../model/finding.js';
import { ruleValue } from '../../rules/rule-access.js';
import { always, isOfficialOutput, present, uploadCheck } from './check.js';

/** Measured sizes with one decimal, rounded toward the limit's side, so 9,984 bytes reads 9.7 KB, not 10. */
const kb = (bytes: number) => Math.floor((bytes / 1024) * 10) / 10;

/**
 * A size outside a rule's bounds: the bytes measured, the bounds the rule names (min, max or both)
 * in bytes as expected, and in KB for the sentence, which `variant` picks.
 */
function outOfBounds(
  bytes: number,
  rule: { severity: Severity },
  { min, max }: { min?: number; max?: number },
  variant: string,
): Finding<'file.size'> {
  return {
    id: 'file.size',
    severity: rule.severity,
    measured: { bytes },
    expected: { ...(min !== undefined ? { minBytes: min } : {}), ...(max !== undefined ? { maxBytes: max } : {}) },
    args: {
      kb: kb(bytes),
      ...(min !== undefined ? { min: kb(min) } : {}),
      ...(max !== undefined ? { max: kb(max) } : {}),
      variant,
    },
  };
}

export const fileSize = uploadCheck({
  name: 'file-size',
  ids: ['file.size'],
  rules: [
    'upload.photo.bytes',
    'upload.photo.bytes-guides',
    'upload.photo.output',
    'upload.scan.bytes',
    'upload.scan.bytes-guides',
  ],
  severity: 'rule',
  applies: present,
  cures: always,
  run: (facts, ruleSet): Finding<'file.size'>[] => {
    if (facts.role === 'photo') {
      // The official tool's own output (报名照片.jpg, about 10 KB) is what gets uploaded: no size rule applies to it.
      if (isOfficialOutput(facts, ruleSet)) return [];
      const official = ruleValue(ruleSet, 'upload.photo.bytes');
      const guides = ruleValue(ruleSet, 'upload.photo.bytes-guides');
      if (facts.bytes < official.min)
        return [outOfBounds(facts.bytes, official, { min: official.min }, 'below-official')];
      if (facts.bytes < guides.min)
        return [outOfBounds(facts.bytes, guides, { min: guides.min, max: guides.max }, 'guides')];
      return [];
    }
    const hard = ruleValue(ruleSet, 'upload.scan.bytes');
    const soft = ruleValue(ruleSet, 'upload.scan.bytes-guides');
    if (facts.bytes > hard.max) return [outOfBounds(facts.bytes, hard, { max: hard.max }, 'above')];
    if (facts.bytes > soft.max) return [outOfBounds(facts.bytes, soft, { max: soft.max }, 'above-guides')];
    return [];
  },
});
