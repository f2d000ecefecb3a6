/**
 * The command line's wiring, in-process: argv → which handler runs with which typed options, and
 * which argv are usage errors (exit 2), through buildProgram with fake handlers. No process is
 * spawned (changesets packages/cli/src/cli.test.ts style); the spawned smoke tests are in e2e.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../src/errors.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { resolveGlobalOptions } from '../../src/cli/global-options.js';
import { commandOf, GLOBAL_FLAGS, GLOBAL_VALUE_OPTIONS, WORKER_COMMANDS } from '../../src/cli/launch.js';
import { commanderExit, main } from '../../src/cli/main.js';
import { buildProgram, type CommandHandlers } from '../../src/cli/program.js';
import { allFormats, formatsOf, SCHEMAS } from '../../src/cli/render-registry.js';
import { REPORT_SCHEMA } from '../../src/report/build-report.js';
import { DATES_SCHEMA } from '../../src/report/dates-report.js';

type Call = [keyof CommandHandlers, ...unknown[]];

/** Fake handlers that record their call and succeed. */
function recorder() {
  const calls: Call[] = [];
  const record =
    (name: keyof CommandHandlers) =>
    async (...args: unknown[]) => {
      calls.push([name, ...args]);
      return EXIT.OK;
    };
  const handlers: CommandHandlers = {
    check: record('check'),
    rules: record('rules'),
    data: record('data'),
    profile: record('profile'),
    demo: record('demo'),
    dates: record('dates'),
    batch: record('batch'),
    files: record('files'),
    fix: record('fix'),
    ui: record('ui'),
  };
  return { calls, handlers };
}

async function callFor(argv: string[]): Promise<Call> {
  const { calls, handlers } = recorder();
  expect(await buildProgram(argv, handlers).run()).toBe(EXIT.OK);
  expect(calls).toHaveLength(1);
  return calls[0]!;
}

/** What a failed parse throws, and the exit code main gives it. */
async function usageError(argv: string[]): Promise<{ code: number | undefined; error: unknown }> {
  const { calls, handlers } = recorder();
  const error = await buildProgram(argv, handlers)
    .run()
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(calls).toEqual([]);
  return { code: commanderExit(error), error };
}

let stderr: string[];
let stdout: string[];
beforeEach(() => {
  stderr = [];
  stdout = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

/** argv → the handler that runs, with its arguments and the globals it names. */
const ROUTES: [string[], Call][] = [
  [[], ['check', {}, {}]],
  [['ui'], ['ui', { open: true }, {}]],
  [
    ['--lang', 'en', 'ui', '--no-open', '--batch', 'out', '--dangerously-expose-to-network'],
    ['ui', { open: false, batch: 'out', dangerouslyExposeToNetwork: true }, { lang: 'en' }],
  ],
  [
    ['--level', '助理', '--work', '2019-08..', '--work', '2021-01..', '--province', '广东', '--no-input'],
    ['check', { level: '助理', work: ['2019-08..', '2021-01..'], province: '广东' }, { input: false }],
  ],
  [
    ['check', '--photo', 'a.jpg', '--files', 'dir', '--fix', '--education-case', 'abroad', '--use-profile'],
    ['check', { photo: 'a.jpg', files: 'dir', fix: true, educationCase: ['abroad'], useProfile: true }, {}],
  ],
  [
    ['--degree', '大专:社会工作:全日制:2012-09..2015-06', '--cert', 'assistant:2020-06', '--study-mode', '全日制'],
    [
      'check',
      { degree: ['大专:社会工作:全日制:2012-09..2015-06'], cert: ['assistant:2020-06'], studyMode: '全日制' },
      {},
    ],
  ],
  [
    ['--format', 'json', '-o', 'r.json', '--lang', 'en', '--year', '2027', '--today', '2026-12-01', '--verbose'],
    ['check', {}, { format: 'json', output: 'r.json', lang: 'en', year: '2027', today: '2026-12-01', verbose: true }],
  ],
  [
    ['--rules', 'a.json', '--rules', 'b.json', '--no-color'],
    ['check', {}, { rules: ['a.json', 'b.json'], color: false }],
  ],
  [
    ['rules', '--format', 'json'],
    ['rules', { format: 'json' }],
  ],
  [['profile'], ['profile', 'show', {}]],
  [['data'], ['data', 'status', undefined, {}]],
  [
    ['data', 'import', 'pack.json', '--today', '2027-02-01'],
    ['data', 'import', 'pack.json', { today: '2027-02-01' }],
  ],
  [
    ['data', 'update'],
    ['data', 'update', undefined, {}],
  ],
  [
    ['profile', 'reset', '--format=json'],
    ['profile', 'reset', { format: 'json' }],
  ],
  [
    ['demo', '--lang=en'],
    ['demo', { lang: 'en' }],
  ],
  [
    ['dates', '--province', '广东', '--level', '中级', '--ics', 'x.ics'],
    ['dates', { province: '广东', level: '中级', ics: 'x.ics' }, {}],
  ],
  [
    ['files', 'a.jpg', 'dir', '--as', '照片'],
    ['files', ['a.jpg', 'dir'], { as: '照片' }, {}],
  ],
  // fix and batch: --output names what they write, so it moves from the globals into their options.
  [
    ['fix', 'a.jpg'],
    ['fix', 'a.jpg', {}, {}],
  ],
  [
    ['fix', 'a.jpg', '--as', 'photo', '-o', 'out/', '--force', '--format', 'json'],
    ['fix', 'a.jpg', { as: 'photo', force: true, output: 'out/' }, { format: 'json' }],
  ],
  [
    [
      'batch',
      'r.csv',
      '--materials',
      'm',
      '-o',
      'out',
      '--sheet',
      '2',
      '--concurrency',
      '3',
      '--fix',
      '--level',
      '助理',
    ],
    ['batch', 'r.csv', { materials: 'm', sheet: '2', concurrency: '3', fix: true, level: '助理', output: 'out' }, {}],
  ],
  [
    ['--lang', 'en', '--today', '2026-12-01', 'batch', 'r.csv', '-o', 'out'],
    ['batch', 'r.csv', { output: 'out' }, { lang: 'en', today: '2026-12-01' }],
  ],
  [
    ['--no-input', '--rules', 'x.json', 'files', 'a.jpg'],
    ['files', ['a.jpg'], {}, { input: false, rules: ['x.json'] }],
  ],
  [
    ['--format=json', '--verbose', 'fix', 'a.jpg'],
    ['fix', 'a.jpg', {}, { format: 'json', verbose: true }],
  ],
  // A check option whose value is a command's name is still check (it asks questions: main thread).
  [
    ['--files', 'files'],
    ['check', { files: 'files' }, {}],
  ],
  [
    ['--lang', 'en', '--major', 'batch'],
    ['check', { major: 'batch' }, { lang: 'en' }],
  ],
];

describe('argv → handler and normalised options', () => {
  it.each<[string[], Call]>(ROUTES)('%j', async (argv, expected) => {
    const [name, ...args] = await callFor(argv);
    const [, ...want] = expected;
    expect(name).toBe(expected[0]);
    // The raw globals carry commander's defaults (input, color); compare the ones the row names.
    const globals = args.at(-1) as Record<string, unknown>;
    const wantGlobals = want.at(-1) as Record<string, unknown>;
    expect(globals).toMatchObject(wantGlobals);
    expect(args.slice(0, -1)).toEqual(want.slice(0, -1));
    if (name === 'fix' || name === 'batch') expect(globals).not.toHaveProperty('output');
  });
});

describe('launch: which argv run in the worker thread (the commands that decode images in bulk)', () => {
  it.each<[string[], Call]>(ROUTES)('%j', (argv, [name]) => {
    expect(WORKER_COMMANDS.includes(commandOf(argv) ?? '')).toBe(['batch', 'files', 'fix'].includes(name));
  });

  it('knows exactly the global options: those that take a value, and the flags', () => {
    const { program } = buildProgram([], recorder().handlers);
    const flags = (taking: boolean) =>
      program.options
        .filter((option) => Boolean(option.required || option.optional) === taking)
        .flatMap((option) => [option.short, option.long].filter((flag): flag is string => Boolean(flag)))
        .sort();
    expect([...GLOBAL_VALUE_OPTIONS].sort()).toEqual(flags(true));
    // commander keeps the help option apart from program.options.
    expect([...GLOBAL_FLAGS].sort()).toEqual([...flags(false), '-h', '--help'].sort());
  });
});

describe('usage errors exit 2 before any handler runs', () => {
  it.each([
    [['--frobnicate'], 'commander.unknownOption'],
    [['datse'], 'commander.unknownCommand'],
    [['files'], 'commander.missingArgument'],
    [['fix'], 'commander.missingArgument'],
    [['--level'], 'commander.optionMissingArgument'],
    [['rules', 'extra'], 'commander.excessArguments'],
    [['profile', 'nonsense'], 'commander.invalidArgument'],
    [['data', 'nonsense'], 'commander.invalidArgument'],
    [['data', 'import'], 'commander.missingArgument'],
  ])('%j → %s', async (argv, code) => {
    const { code: exit, error } = await usageError(argv);
    expect((error as { code?: string }).code).toBe(code);
    expect(exit).toBe(EXIT.CANNOT_RUN);
    // Said in the user's language, with where to read more.
    expect(stderr.join('')).toContain('shegong');
  });

  it('batch without --output is a usage error naming the output', async () => {
    const { error } = await usageError(['batch', 'r.csv']);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).key).toBe('error.output-required');
  });

  it('a near command is suggested for the default command’s extra operand', async () => {
    await usageError(['datse', '--lang', 'en']);
    expect(stderr.join('')).toMatch(/dates/);
  });

  it('--help and --version are successful runs (exit 0)', async () => {
    for (const argv of [['--help'], ['--version'], ['dates', '--help']]) {
      const { code } = await usageError(argv);
      expect(code).toBe(EXIT.OK);
    }
  });
});

describe('global values are checked against the command’s formats (exit 2 through main)', () => {
  it('each command accepts exactly the formats its report kind has', () => {
    expect(allFormats()).toEqual(['text', 'json', 'md', 'html']);
    expect(formatsOf('checklist')).toEqual(['text', 'json', 'md', 'html']);
    expect(formatsOf('dates')).toEqual(['text', 'json', 'md']);
    expect(formatsOf('rules')).toEqual(['text', 'json']);
    expect(formatsOf('batch')).toEqual(['text']);
    expect(() => resolveGlobalOptions({ format: 'md' }, formatsOf('rules'))).toThrow(UserError);
    expect(resolveGlobalOptions({ format: 'Markdown' }, formatsOf('dates')).format).toBe('md');
  });

  it('the registry names the schema ids the reports carry', () => {
    expect(SCHEMAS.checklist).toBe(REPORT_SCHEMA);
    expect(SCHEMAS.dates).toBe(DATES_SCHEMA);
  });

  it.each([
    [['--format', 'yaml']],
    [['rules', '--format', 'html']],
    [['--today', '2026-02-30']],
    [['--lang', 'fr']],
    [['--year', '27']],
  ])('%j', async (argv) => {
    await main(argv);
    expect(process.exitCode).toBe(EXIT.CANNOT_RUN);
    expect(stdout.join('')).toBe('');
    expect(stderr.join('')).not.toMatch(/at .*\.[jt]s:\d+/);
  });
});

describe('help in the language asked for', () => {
  const help = async (argv: string[]) => {
    await usageError(argv);
    return stdout.join('');
  };

  it('--lang en: English headings and the formats from the registry', async () => {
    const text = await help(['--help', '--lang', 'en']);
    for (const heading of ['Usage:', 'Options:', 'Commands:']) expect(text).toContain(heading);
    expect(text).toContain('text | json | md | html');
    expect(text).not.toMatch(/[用选命]\S*：/);
  });

  it('zh-CN by default, also for a command’s help with its examples', async () => {
    const text = await help(['batch', '--help']);
    for (const heading of ['用法：', '选项：', '参数：', '通用选项：', '示例：']) expect(text).toContain(heading);
    expect(text).toContain('--materials');
  });
});
