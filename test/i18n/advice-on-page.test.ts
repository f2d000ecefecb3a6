/**
 * The local page fixes on its own and changes answers with its own button: every finding's advice,
 * once the page's words replace the commands, names no command to run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import type { Messages } from '../../src/i18n/catalogue.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { ROOT } from '../helpers/run-cli.js';

const onPage = (pairs: readonly (readonly [string, string])[], text: string) =>
  pairs.reduce((t, [command, page]) => t.replaceAll(command, page), text);

// Every variant a catalogue branches on, read from the catalogues' sources.
const variants = [
  undefined,
  ...new Set(
    ['zh-CN.ts', 'en.ts', 'file-findings.ts', 'roster-findings.ts', 'core-words.ts']
      .map((file) => readFileSync(path.join(ROOT, 'src', 'i18n', file), 'utf8'))
      .flatMap((source) => [...source.matchAll(/a\.(?:variant|way) === '([a-z-]+)'/g)].map((m) => m[1]!)),
  ),
];

/** Arguments for any finding: the variant given, a plausible value for everything else. */
const argsFor = (variant: string | undefined) =>
  new Proxy({} as Record<string, unknown>, {
    get: (_target, key) => (key === 'variant' || key === 'way' ? variant : key === 'countFrom' ? '2019-07' : 1),
  });

describe('finding advice on the local page', () => {
  it.each([
    ['zh-CN', zhCN],
    ['en', en],
  ] as const)('%s: no advice names a command once the page words replace it', (_lang, messages: Messages) => {
    let named = 0;
    // The findings' own advice, and the advice said after an interview in its place.
    const advisers = [
      ...Object.entries(messages.finding).flatMap(([id, words]) => (words ? [[id, words.fix] as const] : [])),
      ...Object.entries(messages.ui.interviewFix).map(([id, fix]) => [`${id} (interview)`, fix] as const),
    ];
    for (const [id, fix] of advisers) {
      for (const variant of variants) {
        let advice: string;
        try {
          advice = fix(argsFor(variant) as never);
        } catch {
          continue;
        }
        if (/shegong (fix|profile)/.test(advice)) named += 1;
        expect(onPage(messages.ui.commandsOnPage, advice), `${id} ${variant}`).not.toMatch(/shegong (fix|profile)/);
      }
    }
    // The advice that names the commands was reached (fix: crop, background, HEIC…; profile: certificate, years).
    expect(named).toBeGreaterThan(10);
  });
});
