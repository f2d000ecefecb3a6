/**
 * Run the CLI in this process: the real `main(argv)` (commander, every command handler, the exit-code
 * mapping) with stdout and stderr captured, no TTY, colours off and a private config dir, like
 * `runCli` but without spawning Node. Use it for what a command does; keep `runCli` (a real
 * process) for what only a process has: start-up imports, signals, EPIPE, TZ, process.exit.
 * Each run starts from freshly evaluated source modules (`vi.resetModules`), so per-run state (the
 * set of files a run read, which it may never write over; caches) does not leak from one run into
 * the next, as it would not between two processes.
 */
import { vi } from 'vitest';
import { CONFIG_DIR, type CliResult, ROOT } from './run-cli.js';

export { CONFIG_DIR, ROOT };

type Stream = NodeJS.WriteStream;

/** Replace a property for the duration of a run; returns the undo. */
function swap<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): () => void {
  const own = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { value, configurable: true, writable: true });
  return () => {
    if (own) Object.defineProperty(target, key, own);
    else delete target[key];
  };
}

let running = false;

export async function runMain(args: string[], env: Record<string, string> = {}, cwd = ROOT): Promise<CliResult> {
  if (running) throw new Error('runMain: one run at a time (it swaps process-wide streams)');
  running = true;
  const chunks = { out: [] as string[], err: [] as string[] };
  const capture =
    (into: string[]) =>
    (chunk: string | Uint8Array, encoding?: unknown, callback?: unknown): boolean => {
      into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
      return true;
    };
  const savedEnv = { ...process.env };
  const listeners = {
    out: process.stdout.listeners('error'),
    err: process.stderr.listeners('error'),
  };
  const savedCwd = process.cwd();
  const savedExitCode = process.exitCode;
  const undo = [
    swap(process.stdout, 'write', capture(chunks.out) as Stream['write']),
    swap(process.stderr, 'write', capture(chunks.err) as Stream['write']),
    swap(process.stdout, 'isTTY', false as Stream['isTTY']),
    swap(process.stderr, 'isTTY', false as Stream['isTTY']),
    swap(process.stdin, 'isTTY', false as NodeJS.ReadStream['isTTY']),
    swap(process.stdout, 'columns', undefined as unknown as number),
    swap(process.stderr, 'columns', undefined as unknown as number),
    swap(process, 'exit', ((code?: number) => {
      throw new Error(`runMain: process.exit(${code}) is for spawned tests (runCli)`);
    }) as typeof process.exit),
  ];
  delete process.env.COLUMNS;
  delete process.env.FORCE_COLOR;
  // The stale-data notice is silenced as in CI; its own tests turn it back on.
  Object.assign(process.env, { NO_COLOR: '1', SHEGONG_CONFIG_DIR: CONFIG_DIR, SHEGONG_NO_DATA_NOTICE: '1', ...env });
  if (cwd !== savedCwd) process.chdir(cwd);
  process.exitCode = undefined;
  try {
    vi.resetModules();
    const { main } = await import('../../src/cli/main.js');
    await main(args);
    const code = process.exitCode ?? 0;
    return { code: Number(code), out: chunks.out.join(''), err: chunks.err.join('') };
  } finally {
    process.exitCode = savedExitCode;
    if (process.cwd() !== savedCwd) process.chdir(savedCwd);
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
    for (const fn of undo.reverse()) fn();
    for (const [stream, before] of [
      [process.stdout, listeners.out],
      [process.stderr, listeners.err],
    ] as const)
      for (const listener of stream.listeners('error'))
        if (!before.includes(listener)) stream.off('error', listener as (...a: unknown[]) => void);
    running = false;
  }
}
