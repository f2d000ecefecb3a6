/**
 * Every command and flag in one place. Imports only commander: each action loads its own module
 * when it runs, so `--help`, `--version` and usage errors stay fast.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Command as CommandType } from 'commander';
import { type HelpWords, helpWords } from '../i18n/help.js';
import { wantsEnglish } from './argv-lang.js';
import type { ExitCode } from './exit-codes.js';
import type { RawGlobalOptions } from './global-options.js';
import {
  type BatchOptions,
  batchOptions,
  type CheckOptions,
  checkOptions,
  type DataAction,
  isDataAction,
  type DatesOptions,
  datesOptions,
  type FilesOptions,
  type FixOptions,
  filesOptions,
  fixOptions,
  isProfileAction,
  PROFILE_ACTIONS,
  type ProfileAction,
  type UiOptions,
  uiOptions,
} from './options.js';
import { allFormats, formatsOf } from './render-registry.js';
import { displayWidth, wrapLine } from '../text/width.js';

// commander through its CommonJS entry: its ESM wrapper costs a CJS-to-ESM translation on every
// start (measured ~2 ms of `--help`).
const { Command } = createRequire(import.meta.url)('commander') as typeof import('commander');
type Command = CommandType;

const collect = (value: string, previous: string[] = []) => [...previous, value];
const DATA_ACTIONS_DEFAULT = 'status';

/** commander's help box wrapped by display width (src/text/width.ts); too narrow a box is left as it is. */
const wrapHelp = (text: string, width: number): string =>
  width < 20
    ? text
    : text
        .split(/\r?\n/)
        .flatMap((line) => wrapLine(line, width))
        .join('\n');

/** The closest names within two edits (or sharing a prefix), as commander suggests for options. */
export function similar(word: string, names: string[]): string[] {
  const distance = (a: string, b: string) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j += 1) d[0]![j] = j;
    for (let i = 1; i <= a.length; i += 1)
      for (let j = 1; j <= b.length; j += 1)
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length]![b.length]!;
  };
  const scored = names
    .map((name) => ({ name, d: distance(word.toLowerCase(), name) }))
    .filter(
      ({ name, d }) =>
        d <= Math.min(2, Math.floor(name.length / 2)) || (word.length > 2 && name.startsWith(word.toLowerCase())),
    );
  const best = Math.min(...scored.map((s) => s.d));
  return scored.filter((s) => s.d === best).map((s) => s.name);
}

/** Commander's own English sentences → the user's language; the original only under --verbose. */
export function localizeCommanderError(text: string, english: boolean, verbose: boolean, command = ''): string {
  const words = helpWords(english).commander;
  const original = text.trim();
  const [head = '', ...rest] = original.split('\n');
  const suggestion = rest.join(' ').match(/\(Did you mean (?:one of )?(.+)\?\)/)?.[1];
  const didYouMean = suggestion ? words.didYouMean(suggestion.split(', ')) : '';
  const rules: [RegExp, (m: RegExpMatchArray) => string][] = [
    [/^error: unknown option '(.+)'$/, (m) => words.unknownOption(m[1]!)],
    [/^error: unknown command '(.+)'$/, (m) => words.unknownCommand(m[1]!)],
    [/^error: missing required argument '(.+)'$/, (m) => words.missingArgument(m[1]!)],
    [/^error: option '(.+)' argument missing$/, (m) => words.optionArgumentMissing(m[1]!)],
    [
      /^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
      (m) => words.tooManyArguments(m[1], m[2]!, m[3]!),
    ],
  ];
  const match = rules.map(([re, say]) => [head.match(re), say] as const).find(([m]) => m);
  const sentence = match ? `${match[1](match[0]!)}${didYouMean}` : original;
  return `${[sentence, words.seeHelp(command), ...(verbose && match ? [original] : [])].join('\n')}\n`;
}

const packageVersion = (): string =>
  (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** What each command runs with: its typed options and the raw global flags (resolved by the command). */
export interface CommandHandlers {
  check(options: CheckOptions, globals: RawGlobalOptions): Promise<ExitCode>;
  rules(globals: RawGlobalOptions): Promise<ExitCode>;
  /** `data status|import FILE|update`: the rule packs. */
  data(action: DataAction, file: string | undefined, globals: RawGlobalOptions): Promise<ExitCode>;
  profile(action: ProfileAction, globals: RawGlobalOptions): Promise<ExitCode>;
  demo(globals: RawGlobalOptions): Promise<ExitCode>;
  dates(options: DatesOptions, globals: RawGlobalOptions): Promise<ExitCode>;
  /** The globals without --output: for batch it names the output folder (in the options). */
  batch(roster: string, options: BatchOptions, globals: RawGlobalOptions): Promise<ExitCode>;
  files(paths: string[], options: FilesOptions, globals: RawGlobalOptions): Promise<ExitCode>;
  /** The globals without --output: for fix it names the fixed copy (in the options). */
  fix(file: string, options: FixOptions, globals: RawGlobalOptions): Promise<ExitCode>;
  /** The local page (on this thread: it serves until stopped). */
  ui(options: UiOptions, globals: RawGlobalOptions): Promise<ExitCode>;
}

/** The globals resolved for the formats a kind of report has (loaded when a command runs). */
async function resolved(globals: RawGlobalOptions, kind: Parameters<typeof formatsOf>[0]) {
  const { resolveGlobalOptions } = await import('./global-options.js');
  return resolveGlobalOptions(globals, formatsOf(kind));
}

/** Lazy handlers: each imports its command module only when that command runs. */
export const lazyHandlers: CommandHandlers = {
  async check(options, globals) {
    const { runCheck } = await import('./commands/check.js');
    return runCheck(options, await resolved(globals, 'checklist'));
  },
  async rules(globals) {
    const { runRules } = await import('./commands/rules.js');
    return runRules(await resolved(globals, 'rules'));
  },
  async data(action, file, globals) {
    const { runData } = await import('./commands/data.js');
    return runData(action, file, await resolved(globals, 'data'));
  },
  async profile(action, globals) {
    const { runProfile } = await import('./commands/profile.js');
    return runProfile(action, await resolved(globals, 'profile'));
  },
  async dates(options, globals) {
    const { runDates } = await import('./commands/dates.js');
    return runDates(options, await resolved(globals, 'dates'));
  },
  async batch(roster, options, globals) {
    const { runBatch } = await import('./commands/batch.js');
    return runBatch(roster, options, await resolved(globals, 'batch'));
  },
  async files(paths, options, globals) {
    const { runFiles } = await import('./commands/files.js');
    return runFiles(paths, options, await resolved(globals, 'files'));
  },
  async fix(file, options, globals) {
    const { runFix } = await import('./commands/fix.js');
    return runFix(file, options, await resolved(globals, 'fix'));
  },
  async ui(options, globals) {
    const [{ runUi }, { resolveGlobalOptions }] = await Promise.all([
      import('./commands/ui.js'),
      import('./global-options.js'),
    ]);
    return runUi(options, resolveGlobalOptions(globals));
  },
  async demo(globals) {
    const { runDemo } = await import('./commands/demo.js');
    return runDemo(await resolved(globals, 'checklist'));
  },
};

/**
 * For batch, --output names the folder the command writes, not where the report goes: take it
 * out of the globals, and require it (a usage error before anything loads).
 */
async function requireOutput(
  globals: RawGlobalOptions,
  usage: string,
): Promise<{ output: string; rest: RawGlobalOptions }> {
  const { output, ...rest } = globals;
  if (!output) {
    const { UserError } = await import('../errors.js');
    throw new UserError('error.output-required', { usage });
  }
  return { output, rest };
}

/** A flag, its help, and whether it may be given again (its values then collect into a list). */
type Flag = readonly [flags: string, help: string, repeatable?: 'repeatable'];

/** Adds flags to a command in the order given (help lists them so). */
function withFlags(command: Command, flags: readonly Flag[]): Command {
  for (const [name, help, repeatable] of flags)
    if (repeatable) command.option(name, help, collect);
    else command.option(name, help);
  return command;
}

/** A command's name, help, arguments and own flags; its action is added by its definition. */
function declare(
  program: Command,
  name: string,
  description: string,
  {
    args = [],
    flags = [],
  }: { args?: readonly (readonly [name: string, help: string])[]; flags?: readonly Flag[] } = {},
): Command {
  const command = program.command(name).description(description);
  for (const [arg, help] of args) command.argument(arg, help);
  return withFlags(command, flags);
}

/** The candidate's answers as flags: check takes them, batch takes them as defaults for empty columns. */
const answerFlags = (t: HelpWords): Flag[] => [
  ['--level <level>', t.level],
  ['--education <education>', t.education],
  ['--major <major>', t.major],
  ['--graduated <YYYY-MM>', t.graduated],
  ['--study-mode <mode>', t.studyMode],
  ['--enrolled <YYYY-MM>', t.enrolled],
  ['--degree <spec>', t.degree, 'repeatable'],
  ['--work <period>', t.work, 'repeatable'],
  ['--cert <level:YYYY-MM>', t.cert, 'repeatable'],
  ['--province <province>', t.province],
  ['--hukou <province>', t.hukou],
];

/** The global flags as commander parsed them (resolved later, by the command that runs). */
const globalsOf = (command: Command): RawGlobalOptions => command.optsWithGlobals() as RawGlobalOptions;

/** Adds one command to the program: its flags, help words and action (the action reports its exit code through `done`). */
type DefineCommand = (
  program: Command,
  t: HelpWords,
  handlers: CommandHandlers,
  done: (code: ExitCode) => void,
) => Command;

/** `check`, the default command: one candidate's answers and files. */
const defineCheck: DefineCommand = (program, t, handlers, done) =>
  withFlags(program.command('check', { isDefault: true }).description(t.check), [
    ...answerFlags(t),
    ['--education-case <case>', t.educationCase, 'repeatable'],
    ['--photo <file>', t.photo],
    ['--id-front <file>', t.idFront],
    ['--id-back <file>', t.idBack],
    ['--diploma <file>', t.diploma],
    ['--work-proof <file>', t.workProof],
    ['--social-security <file>', t.socialSecurity],
    ['--residence-permit <file>', t.residencePermit],
    ['--files <dir>', t.filesDir],
    ['--fix', t.checkFix],
    ['--use-profile', t.useProfile],
  ]).action(async (flags: Record<string, unknown>, command: Command) => {
    done(await handlers.check(checkOptions(flags), globalsOf(command)));
  });

/** `rules`: the numbers the checks use, with their sources. */
const defineRules: DefineCommand = (program, t, handlers, done) =>
  declare(program, 'rules', t.rulesCommand).action(async (_flags: unknown, command: Command) => {
    done(await handlers.rules(globalsOf(command)));
  });

/** `data status|import|update`: the rule packs. */
const defineData: DefineCommand = (program, t, handlers, done) =>
  declare(program, 'data', t.dataCommand, {
    args: [
      ['[action]', t.dataAction],
      ['[file]', t.argPack],
    ],
  }).action(async (action: string | undefined, file: string | undefined, _flags: unknown, command: Command) => {
    const chosen = action ?? DATA_ACTIONS_DEFAULT;
    if (!isDataAction(chosen))
      return command.error(t.commander.unknownDataAction(chosen), {
        exitCode: 2,
        code: 'commander.invalidArgument',
      });
    if (chosen === 'import' && !file)
      return command.error(t.commander.dataImportNeedsFile, { exitCode: 2, code: 'commander.missingArgument' });
    done(await handlers.data(chosen, file, globalsOf(command)));
  });

/** `profile`: the saved answers. */
const defineProfile: DefineCommand = (program, t, handlers, done) =>
  declare(program, 'profile', t.profile, { args: [['[action]', t.profileAction]] }).action(
    async (action: string | undefined, _flags: unknown, command: Command) => {
      const chosen = action ?? PROFILE_ACTIONS[0];
      if (!isProfileAction(chosen))
        return command.error(t.commander.unknownProfileAction(chosen), {
          exitCode: 2,
          code: 'commander.invalidArgument',
        });
      done(await handlers.profile(chosen, globalsOf(command)));
    },
  );

/** `batch`: a whole roster, with every answer flag of check as defaults for rows whose column is missing or empty (the roster wins). */
const defineBatch: DefineCommand = (program, t, handlers, done) =>
  declare(program, 'batch', `${t.batch}${t.batchDefault}`, {
    args: [['<roster>', t.argRoster]],
    flags: [
      ['--materials <dir>', t.materials],
      ['--sheet <sheet>', t.sheet],
      ['--concurrency <n>', t.concurrency],
      ['--fix', t.batchFix],
      ...answerFlags(t),
    ],
  }).action(async (roster: string, flags: Record<string, unknown>, command: Command) => {
    const { output, rest } = await requireOutput(
      globalsOf(command),
      'shegong batch <roster.csv|roster.xlsx> --materials <dir> --output <dir>',
    );
    done(await handlers.batch(roster, batchOptions(flags, output), rest));
  });

/** `files`: check uploads. */
const defineFiles: DefineCommand = (program, t, handlers, done) =>
  declare(program, 'files', t.files, { args: [['<path...>', t.argPath]], flags: [['--as <role>', t.as]] }).action(
    async (paths: string[], flags: Record<string, unknown>, command: Command) => {
      done(await handlers.files(paths, filesOptions(flags), globalsOf(command)));
    },
  );

/** `fix`: a fixed copy of one upload. */
const defineFix: DefineCommand = (program, t, handlers, done) =>
  declare(program, 'fix', t.fix, {
    args: [['<file>', t.argFile]],
    flags: [
      ['--as <role>', t.as],
      ['--force', t.force],
    ],
  }).action(async (file: string, flags: Record<string, unknown>, command: Command) => {
    // --output names the fixed copy; without it the copy goes beside the original.
    const { output, ...rest } = globalsOf(command);
    done(await handlers.fix(file, fixOptions(flags, output), rest));
  });

/** `dates`: the exam's dates. */
const defineDates: DefineCommand = (program, t, handlers, done) =>
  declare(program, 'dates', t.dates, {
    flags: [
      ['--province <province>', t.province],
      ['--level <level>', t.level],
      ['--ics <file>', t.ics],
    ],
  }).action(async (flags: Record<string, unknown>, command: Command) => {
    done(await handlers.dates(datesOptions(flags), globalsOf(command)));
  });

/** `ui`: the local page. */
const defineUi: DefineCommand = (program, t, handlers, done) =>
  declare(program, 'ui', t.ui, {
    flags: [
      ['--no-open', t.noOpen],
      ['--batch <dir>', t.uiBatch],
      ['--dangerously-expose-to-network', t.expose],
    ],
  }).action(async (flags: Record<string, unknown>, command: Command) => {
    done(await handlers.ui(uiOptions(flags), globalsOf(command)));
  });

/** `demo`: the bundled sample candidate. */
const defineDemo: DefineCommand = (program, t, handlers, done) =>
  declare(program, 'demo', t.demo).action(async (_flags: unknown, command: Command) => {
    done(await handlers.demo(globalsOf(command)));
  });

/** The commands in the order help lists them; check first (the default). */
const COMMANDS: readonly DefineCommand[] = [
  defineCheck,
  defineRules,
  defineData,
  defineProfile,
  defineBatch,
  defineFiles,
  defineFix,
  defineDates,
  defineUi,
  defineDemo,
];

/** Where commander writes and how its errors read: in the user's language, naming the command for its help. */
const commanderOutput = (english: boolean, verbose: boolean) => (name: string) => ({
  writeErr: (text: string) => process.stderr.write(text),
  outputError: (text: string, write: (s: string) => void) =>
    write(localizeCommanderError(text, english, verbose, name)),
});
type CommanderOutput = ReturnType<typeof commanderOutput>;

/** The program with its help style and global flags, set before any subcommand is made so every command inherits them. */
function rootProgram(t: HelpWords, output: CommanderOutput): Command {
  const root = new Command('shegong')
    .configureHelp({
      styleTitle: (title) => t.titles[title] ?? title,
      // CJK and full-width forms take two columns (commander counts one).
      displayWidth: (text) => displayWidth(text),
      boxWrap: wrapHelp,
      styleUsage: (usage) => usage.replace('[options]', t.usageOptions).replace('[command]', t.usageCommand),
      showGlobalOptions: true,
      sortSubcommands: false,
    })
    .helpOption('-h, --help', t.help)
    .helpCommand('help [command]', t.helpCommand)
    .configureOutput(output(''))
    .description(t.program)
    .version(packageVersion(), '-V, --version', t.version);
  return withFlags(root, [
    ['--format <format>', t.format(allFormats().join(' | '))],
    ['-o, --output <file>', t.output],
    ['--lang <lang>', t.lang],
    ['--year <YYYY>', t.year],
    ['--today <YYYY-MM-DD>', t.today],
    ['--rules <file>', t.rules, 'repeatable'],
    ['--no-input', t.noInput],
    ['--verbose', t.verbose],
    ['--no-color', t.noColor],
  ])
    .showSuggestionAfterError()
    .exitOverride();
}

/** Each command's own error output, and its examples under its help (side by side when they fit the terminal). */
function finishCommands(program: Command, t: HelpWords, output: CommanderOutput): void {
  for (const command of program.commands) {
    command.exitOverride().configureOutput(output(command.name() === 'check' ? '' : command.name()));
    const lines = t.example[command.name()];
    if (lines) {
      const width = Math.max(...lines.map(([example]) => displayWidth(example)));
      const fits = width + 4 <= (process.stdout.columns || 80) - 20;
      command.addHelpText(
        'after',
        `\n${t.examples}\n${lines.map(([example, what]) => (fits ? `  ${example}${' '.repeat(width - displayWidth(example) + 2)}${what}` : `  ${example}\n      ${what}`)).join('\n')}\n`,
      );
    }
  }
}

/**
 * `shegong date` lands on the default command as an extra operand: say it is an unknown
 * command and suggest the nearest (commander would say "too many arguments for 'check'").
 */
function suggestCommands(program: Command, check: Command): void {
  const names = program.commands.map((c) => c.name());
  (check as unknown as { _excessArguments(args: string[]): void })._excessArguments = (args: string[]) => {
    const near = similar(args[0] ?? '', names);
    check.error(
      `error: unknown command '${args[0]}'${near.length ? `\n(Did you mean ${near.length > 1 ? 'one of ' : ''}${near.join(', ')}?)` : ''}`,
      { code: 'commander.unknownCommand', exitCode: 2 },
    );
  };
}

/** The program for these arguments: the root and its flags, the commands, their help, the suggestions. */
export function buildProgram(argv: string[], handlers: CommandHandlers = lazyHandlers) {
  const english = wantsEnglish(argv);
  const t = helpWords(english);
  const output = commanderOutput(english, argv.includes('--verbose'));
  const program = rootProgram(t, output);
  let result: ExitCode | undefined;
  const done = (code: ExitCode) => {
    result = code;
  };
  const [check] = COMMANDS.map((define) => define(program, t, handlers, done));
  finishCommands(program, t, output);
  suggestCommands(program, check!);

  return {
    program,
    async run(): Promise<ExitCode | undefined> {
      await program.parseAsync(argv, { from: 'user' });
      return result;
    },
  };
}
