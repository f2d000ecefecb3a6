/** The local page fixes on its own: every finding's advice that names `shegong fix` has a page wording. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { ROOT } from '../helpers/run-cli.js';

const onPage = (pairs: readonly (readonly [string, string])[], text: string) =>
  pairs.reduce((t, [command, page]) => t.replaceAll(command, page), text);

describe('finding advice on the local page', () => {
  it('no line of the finding catalogues still names the command once the page words replace it', () => {
    const source = readFileSync(path.join(ROOT, 'src', 'i18n', 'file-findings.ts'), 'utf8');
    const at = source.indexOf('export const fileFindingsEn');
    expect(at).toBeGreaterThan(0);
    const naming = (text: string) => text.split('\n').filter((line) => line.includes('shegong fix'));
    const sections = [
      [zhCN.ui.fixOnPage, naming(source.slice(0, at))],
      [en.ui.fixOnPage, naming(source.slice(at))],
    ] as const;
    for (const [pairs, lines] of sections) {
      expect(lines.length).toBeGreaterThan(5);
      for (const line of lines) expect(onPage(pairs, line), line).not.toContain('shegong');
    }
  });
});
