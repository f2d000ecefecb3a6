import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Route } from '../src/model/rules.js';
import { ROOT } from './helpers/run-cli.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const src = path.join(ROOT, 'src');
const core = files(src).filter((file) => !file.startsWith(path.join(src, 'cli')));

describe('functional core, imperative shell', () => {
  it('only src/cli touches process, console, prompts, conf or default chalk', () => {
    const offenders = core.filter((file) =>
      /\bprocess\.|\bconsole\.|from '@inquirer\/prompts'|from 'conf'|import chalk from/.test(
        readFileSync(file, 'utf8'),
      ),
    );
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it('the core never imports the shell', () => {
    const offenders = core.filter((file) => /from '\.\.\/cli\//.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('program.ts imports only commander at the top (everything else on demand)', () => {
    const program = readFileSync(path.join(src, 'cli', 'program.ts'), 'utf8');
    const runtimeImports = (code: string) =>
      [...code.matchAll(/^import (?!type)[^;]*? from '([^']+)';$/gm)].map((m) => m[1]!);
    const imports = runtimeImports(program);
    // Besides commander: only the shell's own dependency-free modules (the help words, the argv
    // language check, the option types, the renderer registry), which import nothing at run time.
    const local = imports.filter((i) => i.startsWith('.'));
    expect(imports.filter((i) => !i.startsWith('.'))).toEqual(['node:fs', 'commander']);
    expect(local.sort()).toEqual(['../i18n/help.js', './argv-lang.js', './options.js', './render-registry.js']);
    for (const module of local) {
      const code = readFileSync(path.join(src, 'cli', module.replace(/\.js$/, '.ts')), 'utf8');
      expect(runtimeImports(code), module).toEqual([]);
    }
  });

  it('no exam number hides in the eligibility or checklist code', () => {
    for (const file of core.filter((f) => /eligibility|checklist/.test(f))) {
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      // Allowed: 0, 1, 2 (padding), 12 (months in a year), 30 (how far to project) and ranking weights ≥ 1000.
      const numbers = [...code.matchAll(/(?<![\w.])(\d+)(?![\w.])/g)].map((m) => Number(m[1]));
      expect(
        numbers.filter((n) => ![0, 1, 2, 12, 30].includes(n) && n < 1000),
        path.relative(ROOT, file),
      ).toEqual([]);
    }
  });

  it('no exam number hides in a sentence: the message catalogues take them from the rules', () => {
    for (const file of files(path.join(src, 'i18n'))) {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
        // Example inputs shown to the user (2019-07, 2019.07, 2019年7月, 2019-07..) are formats, not rules.
        .replace(/\d{4}[-./]\d{1,2}[-./]\d{1,2}(?!\d)|\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{4}[-./]\d{1,2}(?!\d)/g, ' ')
        // …and the year in a help example's command line (`shegong --year 2027`).
        .replace(/--year \d{4}/g, ' ');
      const numbers = [...code.matchAll(/(?<![\w.])(\d+)(?![\w.])/g)].map((m) => Number(m[1]));
      // Allowed: 0, 1, 2 (counting, plurals, array indexes), 12 (months in a year), and facts that are not
      // exam rules: 18 (digits of an ID number, GB 11643), 6 (the ID tail used as a folder name),
      // 8 (bits per channel of a normal JPEG), 72 (the dpi some sites assume when none is stated).
      expect(
        numbers.filter((n) => ![0, 1, 2, 12, 18, 6, 8, 72].includes(n)),
        path.relative(ROOT, file),
      ).toEqual([]);
    }
  });

  it('a --rules override of a route’s years changes the sentence that describes it', async () => {
    const { messagesFor } = await import('../src/i18n/messages.js');
    const { ruleSet } = await import('./helpers/fixtures.js');
    const rules = structuredClone(ruleSet);
    const route = (rules.rules['eligibility.assistant']!.value as { routes: Route[] }).routes.find(
      (r) => r.id === 'assistant.associate-sw',
    )!;
    const before = messagesFor('zh-CN').eligibilityRoute(route);
    route.years = 3;
    expect(messagesFor('zh-CN').eligibilityRoute(route)).not.toBe(before);
    expect(messagesFor('zh-CN').eligibilityRoute(route)).toContain('3');
    expect(messagesFor('en').eligibilityRoute(route)).toContain('3 years');
  });
});
