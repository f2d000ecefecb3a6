import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
      /\bprocess\.|\bconsole\.|from '@inquirer\/prompts'|from 'conf'|import chalk from/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it('the core never imports the shell', () => {
    const offenders = core.filter((file) => /from '\.\.\/cli\//.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('program.ts imports only commander at the top (everything else on demand)', () => {
    const program = readFileSync(path.join(src, 'cli', 'program.ts'), 'utf8');
    const imports = [...program.matchAll(/^import (?!type).* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports).toEqual(['node:fs', 'commander']);
  });

  it('no exam number hides in the eligibility or checklist code', () => {
    for (const file of core.filter((f) => /eligibility|checklist/.test(f))) {
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      // Allowed: 0, 1, 2 (padding), 12 (months in a year), 30 (how far to project) and ranking weights ≥ 1000.
      const numbers = [...code.matchAll(/(?<![\w.])(\d+)(?![\w.])/g)].map((m) => Number(m[1]));
      expect(numbers.filter((n) => ![0, 1, 2, 12, 30].includes(n) && n < 1000), path.relative(ROOT, file)).toEqual([]);
    }
  });
});
