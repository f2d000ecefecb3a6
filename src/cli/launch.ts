/**
 * The process's first step (bin/shegong.js calls `launch`). The commands that read images
 * (`batch`, `files`, `fix`) run in a worker thread, whose young generation is capped for the two
 * that read them in bulk; everything else, and everything that may ask a question, runs on this
 * thread as before.
 *
 * Why a worker: V8 grows a busy thread's young generation to 16 MB a half-space, which took a
 * 600-applicant `batch --fix` with the photo models from ~240 to ~280 MB. A V8 flag
 * on the command line (`--max-semi-space-size`) caps it too, but any V8 flag makes Node 20
 * recompile its built-ins on every start, `--help` included (+10 ms, 1.7× bare Node). A worker's
 * `resourceLimits` cap only the thread doing the work, and only for the commands that need it.
 *
 * This thread keeps what a worker cannot have: signals (handled as if the command ran here:
 * forwarded once the command watches them), the terminal's facts (passed in: a worker's streams
 * are pipes to this thread), the real stdout/stderr, and the exit code (the worker's).
 */
import type { ExitCode } from './exit-codes.js';
import { STOP_SIGNALS } from './stop-signals.js';

/** Commands that run in the worker: the ones that decode images and never prompt. */
export const WORKER_COMMANDS: readonly string[] = ['batch', 'files', 'fix'];
/**
 * The worker commands whose heap is held small (the two limits below): they read images without
 * end. `fix` reads one picture and keeps V8's own young generation and growth, which spares it
 * garbage collections: a cold fix of a portrait, four interleaved runs each, 1.61-2.06 against
 * 1.93-2.15 s wall and 2.2-2.6 against 2.6-2.9 s CPU, for a peak of 184 against 147 MB (a
 * 3024×4032 phone photo: 186 against 154 MB).
 */
export const BOUNDED_HEAP_COMMANDS: readonly string[] = ['batch', 'files'];
/** The global options that take a value, and those that do not (program.ts; a test keeps them equal). */
export const GLOBAL_VALUE_OPTIONS: readonly string[] = [
  '--format',
  '-o',
  '--output',
  '--lang',
  '--year',
  '--today',
  '--rules',
];
export const GLOBAL_FLAGS: readonly string[] = [
  '--no-input',
  '--verbose',
  '--no-color',
  '-V',
  '--version',
  '-h',
  '--help',
];
/**
 * The worker's young generation (MB; V8 splits it into two half-spaces and a large-object space):
 * the size `--max-semi-space-size=1` gave, measured on `npm run fuzz` (README, Memory).
 */
export const WORKER_YOUNG_GENERATION_MB = 3;
/**
 * How far V8 lets the old generation grow past what the last full GC kept, as a percentage, for
 * the image commands. V8's own factor reaches 4× for a small heap that allocates fast, so garbage
 * (and the decoded pixels it holds outside the heap) waited: a 24-applicant batch with the photo
 * models peaked anywhere in 254-296 MB; at 25 % it stays at 243-247 MB for about 3 % more CPU
 * (10 %: 241-246 MB, 5 % more CPU; 50 %: 245-254 MB).
 * Set at run time (node:v8) by the worker once its modules are loaded, not on the command line,
 * for the reason above: a changed V8 flag also makes Node reject its built-ins' code cache, which
 * cost a worker started after it 30-60 ms (`files --help` 0.17 against 0.14 s).
 */
export const WORKER_HEAP_GROWING_PERCENT = 25;

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

/** Main thread → worker: a signal its command watches; stdout's reader has gone (EPIPE). */
export type ToWorker = { signal: NodeJS.Signals } | { stdoutClosed: true };
/**
 * Worker → main thread: its command watches signals from now on; a forwarded signal nobody
 * watched; `main` has returned with this exit code (the worker is only tearing down).
 */
export type FromWorker = { watching: true } | { unhandled: NodeJS.Signals } | { finished: number };

/**
 * The subcommand commander will run for argv, as far as the worker decision needs it: the first
 * word after global options (and their values). An option that is not global belongs to the
 * default command (`check`, which asks questions): undefined, as for no command at all.
 */
export function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('-')) return arg;
    const name = arg.startsWith('--') ? arg.split('=', 1)[0]! : arg;
    if (GLOBAL_VALUE_OPTIONS.includes(name)) {
      if (name === arg) i += 1;
    } else if (!GLOBAL_FLAGS.includes(arg)) return undefined;
  }
  return undefined;
}

/** Errors of a stream whose reader has gone: a closed pipe, a closed terminal, a stream ended after it. */
const STREAM_GONE = new Set(['EPIPE', 'EIO', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

export async function launch(argv: string[]): Promise<void> {
  const command = commandOf(argv);
  // Help is printed as it is: nothing to bound.
  if (command && BOUNDED_HEAP_COMMANDS.includes(command) && !argv.includes('--help') && !argv.includes('-h')) {
    const restart = await import('./allocator-restart.js');
    restart.watchStartingProcess();
    const missing = restart.missingAllocatorSettings(process.env, process.execArgv, restart.runsOnGlibc);
    if (missing && (await restart.runWithAllocatorSettings(argv, missing))) return;
  }
  if (command && WORKER_COMMANDS.includes(command) && process.env.SHEGONG_WORKER !== 'off') {
    await runInWorker(argv, command);
    return;
  }
  const { main } = await import('./main.js');
  await main(argv);
}

async function runInWorker(argv: string[], command: string): Promise<void> {
  const [{ Worker }, { describeError }, { endAsKilledBy }] = await Promise.all([
    import('node:worker_threads'),
    import('./main.js'),
    import('./end-by-signal.js'),
  ]);
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
    ...(BOUNDED_HEAP_COMMANDS.includes(command)
      ? { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } }
      : {}),
  });
  const send = (message: ToWorker) => worker.postMessage(message);
  let watches = false;
  let finished: number | undefined;

  // Signals behave as if the command ran on this thread. Until the command first watches them
  // (batch, once its inputs are read): Node's default, killed by the signal now, without waiting
  // for the worker's JavaScript to be free (a 50,000-row roster being parsed). From then on they
  // are forwarded (batch: Ctrl-C once finishes what is being checked, twice stops now; between
  // its listeners the worker answers `unhandled` and this thread ends as Node would). After
  // `main` returned: exit with its code, as the process would have by then.
  const onSignal = (signal: NodeJS.Signals) => {
    if (finished !== undefined) process.exit(finished);
    else if (watches) send({ signal });
    else dieBy(signal);
  };
  const stopWatching = () => {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  };
  const dieBy = (signal: NodeJS.Signals) => {
    stopWatching();
    endAsKilledBy(signal);
    // Still here: the signal is ignored (PID 1). The worker must not run on.
    process.exit();
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  worker.on('message', (message: FromWorker) => {
    if ('watching' in message) watches = true;
    else if ('unhandled' in message) {
      // Forwarded just as `main` returned: the run is over, end with its code.
      if (finished !== undefined) process.exit(finished);
      dieBy(message.unhandled);
    } else finished = message.finished;
  });

  // `shegong batch … 2>&1 | head`: the reader has gone (EPIPE; EIO once the terminal is closed).
  // The worker finishes its command with stdout discarded, and its exit code (the applicants') is
  // the process's. A closed stderr is ignored: progress is only a courtesy.
  let stdoutGone = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (!STREAM_GONE.has(error.code ?? '')) throw error;
    if (stdoutGone) return;
    stdoutGone = true;
    if (finished !== undefined) process.exit(finished);
    send({ stdoutClosed: true });
  });
  process.stderr.on('error', (error: NodeJS.ErrnoException) => {
    if (!STREAM_GONE.has(error.code ?? '')) throw error;
  });

  let failure: unknown;
  worker.on('error', (error) => {
    failure = error;
  });
  const code = await new Promise<number>((resolve) => worker.on('exit', resolve));
  process.exitCode = failure === undefined ? code : ((await describeError(failure, argv)) as ExitCode);
  // The listeners stay (they do not keep the process alive): a signal while it exits ends it
  // with this code, not killed by the signal half-way through Node's own teardown.
  finished = process.exitCode;
}
