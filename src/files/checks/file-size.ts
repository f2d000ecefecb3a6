/** Bytes: a photo's lower bounds (official, then the guides'), a scan's upper bounds (hard, then the guides'). */
import type { Finding } from '../../model/finding.js';
import { ruleValue } from '../../rules/rule-access.js';
import { always, isOfficialOutput, present, uploadCheck } from './check.js';

/** Measured sizes with one decimal, rounded toward the limit's side, so 9,984 bytes reads 9.7 KB, not 10. */
const kb = (bytes: number) => Math.floor((bytes / 1024) * 10) / 10;

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
      if (facts.bytes < official.min) {
        return [
          {
            id: 'file.size',
            severity: official.severity,
            measured: { bytes: facts.bytes },
            expected: { minBytes: official.min },
            args: { kb: kb(facts.bytes), min: kb(official.min), variant: 'below-official' },
          },
        ];
      }
      if (facts.bytes < guides.min) {
        return [
          {
            id: 'file.size',
            severity: guides.severity,
            measured: { bytes: facts.bytes },
            expected: { minBytes: guides.min, maxBytes: guides.max },
            args: { kb: kb(facts.bytes), min: kb(guides.min), max: kb(guides.max), variant: 'guides' },
          },
        ];
      }
      return [];
    }
    const hard = ruleValue(ruleSet, 'upload.scan.bytes');
    const soft = ruleValue(ruleSet, 'upload.scan.bytes-guides');
    if (facts.bytes > hard.max) {
      return [
        {
          id: 'file.size',
          severity: hard.severity,
          measured: { bytes: facts.bytes },
          expected: { maxBytes: hard.max },
          args: { kb: kb(facts.bytes), max: kb(hard.max), variant: 'above' },
        },
      ];
    }
    if (facts.bytes > soft.max) {
      return [
        {
          id: 'file.size',
          severity: soft.severity,
          measured: { bytes: facts.bytes },
          expected: { maxBytes: soft.max },
          args: { kb: kb(facts.bytes), max: kb(soft.max), variant: 'above-guides' },
        },
      ];
    }
    return [];
  },
});
