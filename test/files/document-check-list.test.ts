import { describe, expect, it } from 'vitest';
import { DOCUMENT_CHECKS, DOCUMENT_FINDING_IDS } from '../../src/files/document-checks.js';
import type { DocumentCheck } from '../../src/files/document-checks/index.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { expectChecksReadBundledRules } from '../helpers/check-rules.js';

const checks = DOCUMENT_CHECKS as readonly DocumentCheck[];

describe('the document check list', () => {
  it('names each check once and lists each id it can raise', () => {
    const names = checks.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...DOCUMENT_FINDING_IDS].sort()).toEqual([...new Set(checks.flatMap((c) => c.ids))].sort());
  });

  it('every id has words in both languages', () => {
    for (const lang of ['zh-CN', 'en'] as const)
      expect(
        DOCUMENT_FINDING_IDS.filter((id) => !messagesFor(lang).finding[id]),
        lang,
      ).toEqual([]);
  });

  it('every rule a check reads is bundled; a rule-severity check reads one with a severity, a fixed one says why', () => {
    expectChecksReadBundledRules(checks);
  });
});
