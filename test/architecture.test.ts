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

/**
 * The layers, as a table: the folders (and top-level modules) of src/ each file may import from.
 * Arrows run one way, down this table; a folder not listed here fails until it is placed.
 * `types`: folders allowed for `import type` only (words reach the core as a passed-in catalogue).
 */
const LAYERS: Record<string, { imports: readonly string[] | '*'; types?: readonly string[] }> = {
  model: { imports: [] },
  text: { imports: [] },
  errors: { imports: [] },
  io: { imports: ['errors'] },
  templates: { imports: ['model', 'errors', 'io'] },
  rules: { imports: ['model', 'templates', 'errors'] },
  answers: { imports: ['model'] },
  eligibility: { imports: ['model', 'rules', 'answers'] },
  dates: { imports: ['model', 'rules', 'templates', 'errors'] },
  // files/: the pure side of uploads (checks, statistics, header and PDF parsing, the fix plan).
  files: { imports: ['model', 'rules', 'dates', 'text', 'errors'] },
  // files-io/: reading, decoding and writing uploads (sharp, pdf.js, the models, the writer).
  'files-io': { imports: ['model', 'rules', 'dates', 'text', 'io', 'errors', 'files'] },
  checklist: { imports: ['model', 'rules', 'answers', 'eligibility', 'dates', 'files'] },
  // roster/: reading a roster and its rows, and confining folder cells to --materials.
  roster: { imports: ['model', 'answers', 'text', 'io', 'errors', 'files'] },
  // assess/: the two use cases side by side, one candidate and one roster row.
  assess: {
    imports: [
      'model',
      'rules',
      'answers',
      'eligibility',
      'dates',
      'checklist',
      'files',
      'files-io',
      'io',
      'roster',
      'text',
    ],
  },
  // The catalogues are typed by the ids the check, finding and item lists declare (types only).
  // packs/: data packs — signed sets of templates/ files: format, keys, validation, the bundled one.
  packs: { imports: ['model', 'errors', 'templates', 'rules', 'dates'] },
  i18n: { imports: [], types: ['model', 'files', 'eligibility', 'checklist'] },
  report: {
    imports: ['model', 'rules', 'answers', 'eligibility', 'dates', 'checklist', 'text', 'roster'],
    types: ['i18n', 'assess'],
  },
  cli: { imports: '*' },
};

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

/** Every relative import of a file: `import`/`export … from`, side-effect `import '…'`, `import('…')`. */
function importsOf(file: string, code: string): Edge[] {
  const text = code.replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
  const found: { spec: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^;'"`]*?\bfrom\s*['"]([^'"]+)['"]/gm))
    found.push({ spec: m[2]!, typeOnly: Boolean(m[1]) });
  for (const m of text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) found.push({ spec: m[1]!, typeOnly: false });
  for (const m of text.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g))
    found.push({ spec: m[1]!, typeOnly: false });
  return found
    .filter(({ spec }) => spec.startsWith('.'))
    .map(({ spec, typeOnly }) => ({
      from: file,
      to: path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')),
      typeOnly,
    }));
}

/** `src/report/x.ts` → `report`; `src/errors.ts` → `errors`. */
const layerOf = (file: string) => {
  const parts = path.relative(src, file).split(path.sep);
  return parts.length === 1 ? parts[0]!.replace(/\.ts$/, '') : parts[0]!;
};

const edges = files(src).flatMap((file) => importsOf(file, readFileSync(file, 'utf8')));

/** The first cycle in a graph, as its nodes in order, or undefined. */
function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

const graphOf = (pairs: [string, string][]) => {
  const graph = new Map<string, Set<string>>();
  for (const [from, to] of pairs) {
    if (from === to) continue;
    graph.set(from, (graph.get(from) ?? new Set()).add(to));
  }
  return graph;
};

describe('arrows one way: the table of allowed imports', () => {
  it('the parser finds static, type-only, re-exported and dynamic imports', () => {
    const found = importsOf(
      path.join(src, 'report', 'x.ts'),
      [
        "import type { A } from '../model/a.js';",
        "import {\n  b,\n  type C,\n} from './b.js';",
        "export { d } from '../text/d.js';",
        "// import { no } from '../cli/commented.js';",
        "const e = await import('../dates/e.js');",
        "import chalk from 'chalk';",
      ].join('\n'),
    );
    expect(found.map((e) => [path.relative(src, e.to), e.typeOnly])).toEqual([
      [path.join('model', 'a.ts'), true],
      [path.join('report', 'b.ts'), false],
      [path.join('text', 'd.ts'), false],
      [path.join('dates', 'e.ts'), false],
    ]);
  });

  it('every folder and top-level module of src/ has a row in the table', () => {
    const layers = [...new Set(files(src).map(layerOf))].sort();
    expect(layers.filter((layer) => !(layer in LAYERS))).toEqual([]);
  });

  it('every import in every file, at any depth, follows the table (and nothing imports cli/)', () => {
    const wrong = edges
      .filter(({ from, to, typeOnly }) => {
        const [a, b] = [layerOf(from), layerOf(to)];
        if (a === b) return false;
        const row = LAYERS[a];
        if (!row) return true;
        if (row.imports === '*') return b === 'cli';
        return !row.imports.includes(b) && !(typeOnly && row.types?.includes(b));
      })
      .map(({ from, to }) => `${path.relative(src, from)} → ${path.relative(src, to)}`);
    expect(wrong).toEqual([]);
  });

  it('the table itself has no cycle, so no two folders can import each other', () => {
    const pairs = Object.entries(LAYERS).flatMap(([from, row]) =>
      (row.imports === '*' ? [] : [...row.imports, ...(row.types ?? [])]).map((to): [string, string] => [from, to]),
    );
    expect(findCycle(graphOf(pairs))).toBeUndefined();
  });

  it('no import cycle between folders', () => {
    expect(findCycle(graphOf(edges.map(({ from, to }) => [layerOf(from), layerOf(to)])))).toBeUndefined();
  });

  it('no import cycle between files (type-only imports included)', () => {
    const cycle = findCycle(graphOf(edges.map(({ from, to }) => [from, to])));
    expect(cycle?.map((file) => path.relative(src, file))).toBeUndefined();
  });
});

describe('functional core, imperative shell', () => {
  it('only src/cli touches process, console, prompts, conf or default chalk', () => {
    const offenders = core.filter((file) =>
      /\bprocess\.|\bconsole\.|from '@inquirer\/prompts'|from 'conf'|import chalk from/.test(
        readFileSync(file, 'utf8'),
      ),
    );
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it('program.ts imports only commander at the top (everything else on demand)', () => {
    const program = readFileSync(path.join(src, 'cli', 'program.ts'), 'utf8');
    const runtimeImports = (code: string) =>
      [...code.matchAll(/^import (?!type)[^;]*? from '([^']+)';$/gm)].map((m) => m[1]!);
    const imports = runtimeImports(program);
    // Besides commander: only the shell's own dependency-free modules (the help words, the argv
    // language check, the option types, the renderer registry, the width and wrap module), which
    // import nothing at run time.
    const local = imports.filter((i) => i.startsWith('.'));
    // commander comes through createRequire (its CommonJS entry: no ESM translation at start-up).
    expect(imports.filter((i) => !i.startsWith('.'))).toEqual(['node:fs', 'node:module']);
    expect(program).toMatch(/createRequire\(import\.meta\.url\)\('commander'\)/);
    expect(local.sort()).toEqual([
      '../i18n/help.js',
      '../text/width.js',
      './argv-lang.js',
      './options.js',
      './render-registry.js',
    ]);
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
