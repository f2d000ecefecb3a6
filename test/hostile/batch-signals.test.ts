/** Signals, a second run into one folder and a closed stderr, on real processes. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOCATOR_ENV, runsOnGlibc } from '../../src/cli/allocator-restart.js';
import { exitStatus } from '../helpers/batch-runs.js';
import {
  batch,
  HEADER,
  keptWork,
  photoRoster,
  row,
  runningBatch,
  startBatch,
  workspace,
} from '../helpers/hostile-batch.js';

/**
 * `node bin/shegong.js batch` without the shebang's allocator variables starts again with them
 * (src/cli/allocator-restart.ts) and passes signals on; with them it runs the command itself.
 */
const bare = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MALLOC_')));
const STARTS: [string, NodeJS.ProcessEnv][] = [
  ['started again with the allocator settings', { ...bare, NO_COLOR: '1' }],
  ['started with them', { ...bare, ...ALLOCATOR_ENV, NO_COLOR: '1' }],
];

describe.each(STARTS)('every way a run can end keeps finished work (%s)', (_how, env) => {
  it('SIGTERM: exit 143, valid summaries marked interrupted, no temp files', async () => {
    const { dir, child } = await runningBatch(120, env);
    child.kill('SIGTERM');
    expect(await exitStatus(child)).toBe(143);
    const json = keptWork(path.join(dir, 'out'));
    expect(json.interrupted).toBe(true);
    expect(json.finished).toBeLessThan(120);
  }, 60_000);

  it('two Ctrl-C 50 ms apart: exit 130, the same valid summaries', async () => {
    const { dir, child } = await runningBatch(120, env);
    child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGINT');
    expect(await exitStatus(child)).toBe(130);
    expect(keptWork(path.join(dir, 'out')).interrupted).toBe(true);
  }, 60_000);
});

/** A process's state letter (T: stopped, Z: ended, not yet reaped), from /proc; '' once gone. */
const state = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.charAt(0);
  } catch {
    return '';
  }
};

describe('started again with the allocator settings: job control', () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  it.runIf(runsOnGlibc())(
    'Ctrl-Z stops the command with the first process, fg continues both, SIGTERM still ends it with 143',
    async () => {
      const { dir, child } = await runningBatch(120, STARTS[0]![1]);
      // The lock names the process doing the work: the second start.
      const worker = Number.parseInt(readFileSync(path.join(dir, 'out', '.shegong.lock'), 'utf8'), 10);
      expect(worker).not.toBe(child.pid);
      child.kill('SIGTSTP');
      await settle();
      // Both stopped; or, where the kernel drops the stop (a process group with no shell, as some
      // CI runners start tests), both still running: never the work stopped for good.
      expect(state(worker)).toBe(state(child.pid!));
      child.kill('SIGCONT');
      await settle();
      expect([state(child.pid!), state(worker)]).not.toContain('T');
      child.kill('SIGTERM');
      expect(await exitStatus(child)).toBe(143);
      expect(keptWork(path.join(dir, 'out')).interrupted).toBe(true);
    },
    60_000,
  );
});

describe('started again with the allocator settings: the first process killed outright', () => {
  it.runIf(runsOnGlibc())(
    'the command hears it as a closed terminal and keeps what it finished',
    async () => {
      const { dir, child } = await runningBatch(120, STARTS[0]![1]);
      const worker = Number.parseInt(readFileSync(path.join(dir, 'out', '.shegong.lock'), 'utf8'), 10);
      child.kill('SIGKILL');
      // The second start ends by itself (SIGHUP: finish what is being checked), not after 120.
      const deadline = Date.now() + 30_000;
      const running = () => !['', 'Z'].includes(state(worker));
      while (running() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(running()).toBe(false);
      const json = keptWork(path.join(dir, 'out'));
      expect(json.interrupted).toBe(true);
      expect(json.finished).toBeLessThan(120);
    },
    60_000,
  );
});

describe('a second run, a closed stderr', () => {
  it('a second run into the same --output is refused while the first runs (exit 2); a stale lock is taken over', async () => {
    // 400 rows one at a time: the first run is still going when the second (in-process) has
    // started and looked at the lock (120 small photos could all be checked by then: 3-4 s).
    const { dir, child } = await runningBatch(400);
    const second = await batch(dir, 'big.csv');
    expect(second.code).toBe(2);
    expect(second.err).toContain('.shegong.lock');
    // The first run was not disturbed: stopped now, it keeps valid summaries of what it finished.
    child.kill('SIGINT');
    expect(await exitStatus(child)).toBe(130);
    expect(keptWork(path.join(dir, 'out')).finished).toBeGreaterThan(0);
    // A lock whose process is gone (kill -9) does not block the next run.
    writeFileSync(path.join(dir, 'out', '.shegong.lock'), '999999999\n');
    writeFileSync(path.join(dir, 'one.csv'), [HEADER, row('人0', { folder: 'p0' })].join('\n'));
    expect((await batch(dir, 'one.csv')).code).toBe(0);
  }, 60_000);

  it('stderr closed by its reader (2>&1 | head -c 10) does not cut the run short', async () => {
    const dir = workspace();
    photoRoster(dir, 30);
    const child = startBatch(dir);
    child.stderr.destroy();
    expect(await exitStatus(child)).toBe(0);
    expect(keptWork(path.join(dir, 'out')).finished).toBe(30);
  }, 60_000);
});
