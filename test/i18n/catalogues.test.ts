import { describe, expect, it } from 'vitest';
import { CHECKLIST_ITEMS } from '../../src/checklist/items.js';
import { ELIGIBILITY_FINDINGS } from '../../src/eligibility/findings.js';
import { UPLOAD_CHECKS } from '../../src/files/checks/index.js';
import { DOCUMENT_FINDING_IDS } from '../../src/files/document-checks.js';
import { ROLE_FINDING_ID } from '../../src/files/guess-role.js';
import { en } from '../../src/i18n/en.js';
import { ROSTER_FINDING_IDS, type FindingId } from '../../src/i18n/finding-ids.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { ASK_FINDING_IDS } from '../../src/eligibility/open-answers.js';

/** Every key path of a catalogue, functions and arrays as leaves. */
function keys(value: unknown, at = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [at];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, at ? `${at}.${key}` : key));
}

describe('the two catalogues', () => {
  it('have exactly the same keys, at every depth', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('have words for exactly the finding ids the lists raise', () => {
    const raised = [
      ...UPLOAD_CHECKS.flatMap((c) => c.ids as readonly string[]),
      ROLE_FINDING_ID,
      ...DOCUMENT_FINDING_IDS,
      ...ELIGIBILITY_FINDINGS.map((b) => b.id),
      'eligibility.education',
      ...ASK_FINDING_IDS,
      ...ROSTER_FINDING_IDS,
    ];
    expect(Object.keys(zhCN.finding).sort()).toEqual([...new Set(raised)].sort());
  });

  it('are typed by a union of literal ids, so an id without words fails tsc', () => {
    // One check typed `Finding` (any string) once widened the whole union to string.
    // @ts-expect-error: an id no list raises is not a FindingId
    const notRaised: FindingId = 'photo.not-a-finding';
    expect(notRaised).toBe('photo.not-a-finding');
  });

  it('have words for exactly the checklist items the list builds', () => {
    const built = CHECKLIST_ITEMS.map((b) => b.id as string);
    expect(new Set(built).size).toBe(built.length);
    expect(Object.keys(zhCN.checklist).sort()).toEqual([...built].sort());
  });
});
