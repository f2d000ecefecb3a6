import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { messagesFor, problemText } from '../../src/i18n/messages.js';
import { loadRuleSet } from '../../src/rules/load-rule-set.js';
import { deepMerge } from '../../src/templates/deep-merge.js';
import { readJson } from '../../src/templates/read-json.js';

const dir = mkdtempSync(path.join(tmpdir(), 'shegong-read-json-'));
const missing = path.join(dir, 'missing.json');

const keyOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return { key: (error as UserError).key, args: (error as UserError).args };
};

describe('templates/read-json: one reader for bundled data and --rules files', () => {
  it('a data file (calendar, demo sample) that cannot be read is not called a rule file', async () => {
    expect(await keyOf(readJson(missing))).toEqual({
      key: 'error.data-unreadable',
      args: { file: missing, reason: 'ENOENT' },
    });
  });

  it('a --rules file that cannot be read still says rules', async () => {
    expect((await keyOf(loadRuleSet([missing]))).key).toBe('error.rules-unreadable');
  });

  it('broken JSON names the line and column', async () => {
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{\n  "a": 1,\n  oops\n}');
    expect(await keyOf(readJson(file))).toEqual({ key: 'error.json', args: { file, line: '3', column: '3' } });
  });

  it('both catalogues word the new key', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const text = problemText(messagesFor(lang), 'error.data-unreadable', { file: 'x.json', reason: 'ENOENT' });
      expect(text).not.toBe('error.data-unreadable');
      expect(text).toContain('x.json');
    }
  });

  it('deepMerge merges objects key by key and replaces arrays and scalars', () => {
    expect(deepMerge({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] }, d: 2 })).toEqual({ a: { b: 1, c: [3] }, d: 2 });
  });
});
