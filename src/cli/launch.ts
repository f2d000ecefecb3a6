/**
 * The process's first step (bin/shegong.js calls `launch`). The commands that read many images
 * (`batch`, `files`, `fix`) run in a worker thread whose young generation is capped; everything
 * else, and everything that may ask a question, runs on this thread as before.
 *
 * Why a worker: V8 grows a busy thread's young generation to 16 MB a half-space, which took a
 * 600-applicant `batch --fix` with the photo models from ~240 to ~280 MB (issues 14, 15). A V8 flag
 * on the command line (`--max-semi-space-size`) caps it too, but any V8 flag makes Node 20
 * recompile its built-ins on every start, `--help` included (+10 ms, 1.7× bare Node). A worker's
 * `resourceLimits` cap only the thread doing the work, and only for the commands that need it.
 *
 * This thread keeps what a worker cannot have: signals (forwarded to the worker, whose commands
 * watch them as before), the terminal's facts (passed in: a worker's streams are pipes to this
 * thread), the real stdout/stderr guards, and the exit code (the worker's).
 */
import type { ExitCode } from './exit-codes.js';

/** Commands that run in the worker: the ones that decode images in bulk and never prompt. */
export const WORKER_COMMANDS: readonly string[] = ['batch', 'files', 'fix'];
/** The global options that take a value (program.ts; a test keeps the two lists equal). */
export const GLOBAL_VALUE_OPTIONS: readonly string[] = [
  '--format',
  '-o',
  '--output',
  '--lang',
  '--year',
  '--today',
  '--rules',
];
/**
 * The worker's young generation (MB; V8 splits it into two half-spaces and a large-object space):
 * the size `--max-semi-space-size=1` gave, measured on `npm run fuzz` (README, Memory).
 */
export const WORKER_YOUNG_GENERATION_MB = 3;

/** What the worker needs to run `main` as this thread would. */
export interface WorkerStart {
  argv: string[];
  terminal: {
    stdout: boolean;
    stderr: boolean;
    stdoutColumns?: number;
    stderrColumns?: number;
  };
}

/** Messages between the threads: a signal to handle, or one the worker does not watch. */
export type SignalMessage = { signal: NodeJS.Signals } | { unhandled: NodeJS.Signals };

/** The subcommand argv names (commander's rule: the first word that is not an option or its value). */
export function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--') return undefined;
    if (GLOBAL_VALUE_OPTIONS.includes(arg)) i += 1;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

export async function launch(argv: string[]): Promise<void> {
  const command = commandOf(argv);
  if (command && WORKER_COMMANDS.includes(command) && process.env.SHEGONG_WORKER !== 'off') {
    await runInWorker(argv);
    return;
  }
  const { main } = await import('./main.js');
  await main(argv);
}

async function runInWorker(argv: string[]): Promise<void> {
  const [{ Worker }, { guardStreams, describeError }] = await Promise.all([
    import('node:worker_threads'),
    import('./main.js'),
  ]);
  guardStreams();
  const start: WorkerStart = {
    argv,
    terminal: {
      stdout: Boolean(process.stdout.isTTY),
      stderr: Boolean(process.stderr.isTTY),
      ...(process.stdout.isTTY ? { stdoutColumns: process.stdout.columns } : {}),
      ...(process.stderr.isTTY ? { stderrColumns: process.stderr.columns } : {}),
    },
  };
  const worker = new Worker(new URL('./worker-main.js', import.meta.url), {
    workerData: start,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  const forward = (signal: NodeJS.Signals) => worker.postMessage({ signal } satisfies SignalMessage);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const stopWatching = () => {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
  };
  // A signal the worker's command does not watch (it is still reading its inputs): end as Node's
  // default would, killed by that signal.
  worker.on('message', (message: SignalMessage) => {
    if (!('unhandled' in message)) return;
    stopWatching();
    process.kill(process.pid, message.unhandled);
  });
  let failure: unknown;
  worker.on('error', (error) => {
    failure = error;
  });
  const code = await new Promise<number>((resolve) => worker.on('exit', resolve));
  stopWatching();
  process.exitCode = failure === undefined ? code : ((await describeError(failure, argv)) as ExitCode);
}
