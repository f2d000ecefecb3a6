/** The shell's top: run the program, map every outcome to the exit-code contract, set it once. */
import { CancelledError, UserError } from '../errors.js';
import { wantsEnglish } from './argv-lang.js';
import { EXIT, type ExitCode } from './exit-codes.js';

/** A sentence for what escaped a command (and exit code 2); a stack only with --verbose. */
export async function describeError(error: unknown, argv: string[]): Promise<ExitCode> {
  const english = wantsEnglish(argv);
  const verbose = argv.includes('--verbose');
  const [{ messagesFor, problemText }, { helpWords }] = await Promise.all([
    import('../i18n/messages.js'),
    import('../i18n/help.js'),
  ]);
  const messages = messagesFor(english ? 'en' : 'zh-CN');
  if (error instanceof CancelledError) {
    process.stderr.write(`\n${String(messages.error.cancelled)}\n`);
    return EXIT.CANCELLED;
  }
  if (error instanceof UserError) {
    const headline = problemText(messages, error.key, error.args);
    const details = error.details.map((d) => (typeof d === 'string' ? d : problemText(messages, d.key, d.args)));
    const lines = error.key === 'error.usage' ? details : [headline, ...details.map((d) => `  - ${d}`)];
    process.stderr.write(`${lines.join('\n')}\n`);
    if (error.key === 'error.usage') process.stderr.write(`${helpWords(english).commander.seeUsage}\n`);
    if (verbose && error.original) process.stderr.write(`${error.original}\n`);
    return EXIT.CANNOT_RUN;
  }
  // A system error that escaped a command (a path that vanished, a folder without permission):
  // a sentence naming the path, never a raw code or a stack.
  const system = error as NodeJS.ErrnoException | undefined;
  if (system instanceof Error && typeof system.code === 'string' && /^E[A-Z]+$/.test(system.code)) {
    process.stderr.write(
      `${problemText(messages, 'error.system', { file: system.path ?? '', reason: system.code })}\n`,
    );
    if (verbose) process.stderr.write(`${system.stack ?? system.message}\n`);
    return EXIT.CANNOT_RUN;
  }
  process.stderr.write(`${problemText(messages, 'error.internal')}\n`);
  if (verbose && error instanceof Error) process.stderr.write(`${error.stack ?? error.message}\n`);
  return EXIT.CANNOT_RUN;
}

export function commanderExit(error: unknown): ExitCode | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = String((error as { code: unknown }).code);
  if (!code.startsWith('commander.')) return undefined;
  // Help and version are successful runs; everything else commander throws is a usage error
  // whose message it has already printed.
  return code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help'
    ? EXIT.OK
    : EXIT.CANNOT_RUN;
}

/** Readers that leave early (`| head`, `2>&1 | head`); in a worker, launch.ts guards the real streams. */
function guardStreams(): void {
  // `shegong … | head`: a reader that leaves early is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.OK);
    throw error;
  });
  // A closed stderr (`… 2>&1 | head`) must not abort a batch half-way: progress is only a courtesy.
  process.stderr.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

export async function main(argv: string[]): Promise<void> {
  guardStreams();
  let code: ExitCode;
  try {
    const { buildProgram } = await import('./program.js');
    code = (await buildProgram(argv).run()) ?? EXIT.OK;
  } catch (error) {
    code = commanderExit(error) ?? (await describeError(error, argv));
  }
  process.exitCode = code;
}
