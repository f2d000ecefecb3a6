/** A shared --rules file cannot raise the decode limits past what libvips survives. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '../../src/rules/parse-rule-set.js';
import { SAFETY } from '../../src/rules/rule-schema.js';
import { templatePath } from '../../src/templates/templates-dir.js';
import { provinces } from '../helpers/fixtures.js';

const exam = JSON.parse(readFileSync(templatePath('rules', 'exam.json'), 'utf8'));
const uploads = JSON.parse(readFileSync(templatePath('rules', 'uploads.json'), 'utf8'));
const bundled = { ...exam, rules: { ...exam.rules, ...uploads.rules } };
const override = (rules: Record<string, unknown>) =>
  parseRuleSet(bundled, [{ file: 'big.json', json: { rules } }], provinces);

describe('rule overrides are capped by the schema', () => {
  it('maxPixels 1e15, a 100,000-px decode and a 1 TB read are refused, each named', () => {
    const result = override({
      'upload.image': { value: { maxPixels: 1e15, photoDecodeSize: 100_000, maxReadBytes: 1e12 } },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const key of ['maxPixels', 'photoDecodeSize', 'maxReadBytes'])
      expect(result.problems.map((p) => p.args.where)).toContain(`rules.upload.image.value.${key}`);
  });

  it('limits up to the ceilings are still accepted', () => {
    expect(override({ 'upload.image': { value: { maxPixels: SAFETY.maxPixels, photoDecodeSize: 1000 } } }).ok).toBe(
      true,
    );
    expect(override({ 'upload.pdf': { value: { maxPages: SAFETY.maxPdfPages + 1 } } }).ok).toBe(false);
    expect(override({ 'upload.scan.sharpness': { value: { decodeSize: SAFETY.maxDecodeSize + 1 } } }).ok).toBe(false);
    // The face detector's decode too: its input sets the WebAssembly heap, which never shrinks.
    expect(override({ 'upload.photo.face': { value: { decodeSize: SAFETY.maxDecodeSize + 1 } } }).ok).toBe(false);
    expect(override({ 'upload.photo.face': { value: { decodeSize: SAFETY.maxDecodeSize } } }).ok).toBe(true);
  });
});
