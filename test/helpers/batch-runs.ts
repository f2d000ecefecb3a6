/**
 * `shegong batch` in tests: its command line, run in this process or as a process of its own
 * (signals, closed pipes), and the summary it writes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { BIN } from './run-cli.js';
import { runMain } from './run-in-process.js';

/** One batch run: the roster, its materials folder (none: the roster's folder cells alone), the output folder, the day. */
export interface BatchRun {
  roster: string;
  materials?: string;
  output: string;
  today: string;
  /** Any other flags, after those above. */
  extra?: string[];
}

/** The arguments of `shegong batch` for a run. */
export const batchArgv = ({ roster, materials, output, today, extra = [] }: BatchRun): string[] => [
  'batch',
  roster,
  ...(materials ? ['--materials', materials] : []),
  '--output',
  output,
  '--today',
  today,
  ...extra,
];

/** The run in this process (runMain): its exit code and streams. */
export const runBatchInProcess = (run: BatchRun) => runMain(batchArgv(run));

/** The run through the built bin, colours off, stderr piped (to watch the progress). */
export const spawnBatch = (run: BatchRun, env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' }) =>
  spawn(process.execPath, [BIN, ...batchArgv(run)], { env, stdio: ['ignore', 'pipe', 'pipe'] });

/** Resolves once at least one applicant of `total` has finished: the progress count n/total on stderr (not its sentence). */
export const finishedOne = (child: ChildProcess, total: number) =>
  new Promise<void>((resolve) => {
    let err = '';
    const count = new RegExp(`(?<![\\d/])[1-9]\\d*/${total}(?!\\d)`);
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      if (count.test(err)) resolve();
    });
  });

/** The status the shell's $? shows once the process has ended: killed by a signal reads 128 + its number (SIGINT 130). */
export const exitStatus = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 + constants.signals[signal] : null))),
  );

/** summary.json of an output folder, parsed (tests read its fields loosely). */
// biome-ignore lint/suspicious/noExplicitAny: the tests read summary.json loosely
export const readSummary = (output: string): any => JSON.parse(readFileSync(path.join(output, 'summary.json'), 'utf8'));
