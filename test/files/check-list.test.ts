import { describe, expect, it } from 'vitest';
import { shownByDefaultIds, UPLOAD_CHECKS, type UploadCheck } from '../../src/files/checks/index.js';
import { INFO_SHOWN_BY_DEFAULT } from '../../src/model/finding.js';
import { isFixable } from '../../src/files/fixable.js';
import { messagesFor } from '../../src/i18n/messages.js';
import type { Finding, Severity } from '../../src/model/finding.js';
import { expectChecksReadBundledRules } from '../helpers/check-rules.js';

const checks = UPLOAD_CHECKS as readonly UploadCheck[];
const ids = [...new Set(checks.flatMap((c) => c.ids))];

describe('the upload check list', () => {
  it('names each check once', () => {
    const names = checks.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('every id it can raise has words in both languages', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const missing = ids.filter((id) => {
        const words = messagesFor(lang).finding[id];
        return !words || typeof words.message !== 'function' || typeof words.fix !== 'function';
      });
      expect(missing, lang).toEqual([]);
    }
  });

  it('every rule a check reads is in the bundled rules; a rule-severity check reads one with a severity', () => {
    expectChecksReadBundledRules(checks);
  });

  it('the info ids the renderers show without --verbose are those of the checks declaring shownByDefault', () => {
    expect([...INFO_SHOWN_BY_DEFAULT].sort()).toEqual(shownByDefaultIds().sort());
  });

  it('only the gates (missing, unreadable, empty) stand alone, and they come first', () => {
    const alone = checks.map((c, index) => (c.alone ? index : -1)).filter((i) => i >= 0);
    expect(alone).toEqual([0, 1, 2]);
    expect(checks.slice(0, 3).flatMap((c) => c.ids)).toEqual(['file.missing', 'file.unreadable', 'file.empty']);
  });
});

/** The rule fixable.ts applied before the checks declared their own cure (the FIXABLE set and its exceptions). */
const FIXABLE = new Set([
  'file.format',
  'file.size',
  'photo.aspect',
  'photo.orientation',
  // A scan's pixels lying behind an EXIF flag: the copy is written upright.
  'scan.orientation',
  'photo.density',
  'photo.colour',
  'photo.background',
  'photo.position',
  'photo.head-size',
]);
const UNFIXABLE_FORMATS = new Set(['heic', 'text', 'unknown']);
const before = (f: Finding) =>
  f.severity !== 'info' &&
  FIXABLE.has(f.id) &&
  !(f.id === 'file.format' && UNFIXABLE_FORMATS.has(String(f.args?.variant)) && !f.args?.convertible) &&
  !(f.id === 'photo.background' && !f.args?.whiten) &&
  !(f.id === 'photo.position' && f.measured?.from !== 'face') &&
  !(f.id === 'photo.colour' && f.args?.variant === 'grey');

describe('whether a copy cures a finding (each check’s `cures`)', () => {
  const severities: Severity[] = ['error', 'warning', 'info'];
  const variants = [undefined, 'heic', 'text', 'unknown', 'type', 'extension', 'animated', 'grey', 'cmyk', 'depth'];
  const findings: Finding[] = [...ids, 'file.role', 'document.mismatch', 'roster.value'].flatMap((id) =>
    severities.flatMap((severity) =>
      variants.flatMap((variant) =>
        [false, true].flatMap((flag) => [
          {
            id,
            severity,
            args: { ...(variant ? { variant } : {}), ...(flag ? { convertible: true, whiten: true } : {}) },
            ...(flag ? { measured: { from: 'face' } } : {}),
          },
        ]),
      ),
    ),
  );

  it(`agrees with the former FIXABLE set on all ${findings.length} combinations`, () => {
    const disagree = findings.filter((f) => isFixable(f) !== before(f));
    expect(disagree).toEqual([]);
  });

  it('the ids a copy can cure are the ones it could before', () => {
    const curable = [...new Set(findings.filter(isFixable).map((f) => f.id))].sort();
    expect(curable).toEqual([...FIXABLE].sort());
  });
});
