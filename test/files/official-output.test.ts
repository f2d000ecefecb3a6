import { describe, expect, it } from 'vitest';
import { isOfficialOutput } from '../../src/files/checks/check.js';
import type { FileFacts } from '../../src/model/files.js';
import { ruleValue } from '../../src/rules/rule-access.js';
import { ruleSet } from '../helpers/fixtures.js';

const output = ruleValue(ruleSet, 'upload.photo.output');
const facts = (image: Partial<NonNullable<FileFacts['image']>>): FileFacts =>
  ({
    path: output.fileName,
    name: output.fileName,
    role: 'photo',
    roleFrom: 'flag',
    exists: true,
    readable: true,
    bytes: 30_000,
    extension: '.jpg',
    sniffed: 'jpeg',
    image: { orientedWidth: output.width, orientedHeight: output.height, orientation: 1, ...image },
  }) as FileFacts;

describe('isOfficialOutput', () => {
  it('the official name at the official size, upright', () => {
    expect(isOfficialOutput(facts({}), ruleSet)).toBe(true);
  });

  it('not when the pixels stand turned, whatever the size once turned', () => {
    expect(isOfficialOutput(facts({ turn: 90 }), ruleSet)).toBe(false);
    expect(isOfficialOutput(facts({ turn: 180 }), ruleSet)).toBe(false);
  });
});
