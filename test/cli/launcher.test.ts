/** The launcher as a user's shell runs it: through its shebang, with the memory settings it names. */
import { spawn, spawnSync } from 'node:child_process';
import { linkSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs helper of the bench scripts, no types
import { launcherSettings } from '../../bench/launcher.mjs';
import { makeScan } from '../helpers/make-images.js';
import { ROOT } from '../helpers/run-cli.js';
import { ALLOCATOR_ENV, missingAllocatorSettings, runsOnGlibc } from '../../src/cli/allocator-restart.js';

const BIN = path.join(ROOT, 'bin', 'shegong.js');
const DEMO = path.join(ROOT, 'templates', 'demo', 'files');

describe('bin/shegong.js', () => {
  it('runs through its own shebang (env -S) and prints the version', () => {
    const result = spawnSync(path.join(ROOT, 'bin', 'shegong.js'), ['--version'], { encoding: 'utf8' });
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  it('names the allocator settings the bench and fuzz runs apply too, and no V8 flag (it would cost every start)', () => {
    const { env, execArgv } = launcherSettings() as { env: Record<string, string>; execArgv: string[] };
    expect(env).toEqual({ MALLOC_ARENA_MAX: '1', MALLOC_MMAP_THRESHOLD_: '4194304' });
    expect(env).toEqual(ALLOCATOR_ENV);
    expect(execArgv).toEqual([]);
  });

  it('started without them (node bin/shegong.js), batch and files run again with them; output and exit as through the shebang', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shegong-restart-'));
    const log = path.join(dir, 'starts.log');
    // Every Node process of the run writes down the allocator variables it started with.
    const probe = path.join(dir, 'probe.cjs');
    writeFileSync(
      probe,
      `if (require('node:worker_threads').isMainThread) require('node:fs').appendFileSync(${JSON.stringify(log)}, [process.env.MALLOC_ARENA_MAX ?? '-', process.env.MALLOC_MMAP_THRESHOLD_ ?? '-'].join(' ') + '\\n');`,
    );
    const bare = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MALLOC_')));
    const starts = (args: string[], how: 'node' | 'shebang') => {
      writeFileSync(log, '');
      const result = spawnSync(how === 'node' ? process.execPath : BIN, how === 'node' ? [BIN, ...args] : args, {
        encoding: 'utf8',
        env: { ...bare, NO_COLOR: '1', NODE_OPTIONS: `--require ${probe}` },
      });
      return { status: result.status, stdout: result.stdout, starts: readFileSync(log, 'utf8').trim().split('\n') };
    };
    const files = ['files', path.join(DEMO, '照片.jpg'), path.join(DEMO, '工作证明.jpg'), '--format', 'json'];
    const byNode = starts(files, 'node');
    const byShebang = starts(files, 'shebang');
    expect(byNode.starts).toEqual(['- -', '1 4194304']);
    expect(byShebang.starts).toEqual(['1 4194304']);
    expect([byNode.status, byNode.stdout]).toEqual([byShebang.status, byShebang.stdout]);
    expect(byNode.status).toBe(1);
    // One picture, or help: nothing to bound, no second start.
    expect(starts(['fix', path.join(ROOT, 'no-such-file.jpg')], 'node')).toMatchObject({ status: 2, starts: ['- -'] });
    expect(starts(['files', '--help'], 'node')).toMatchObject({ status: 0, starts: ['- -'] });
  });

  it('files and fix in the worker thread print and exit exactly as on the main thread', () => {
    const demo = path.join(ROOT, 'templates', 'demo', 'files');
    const run = (args: string[], worker: 'on' | 'off') =>
      spawnSync(process.execPath, [path.join(ROOT, 'bin', 'shegong.js'), ...args], {
        encoding: 'utf8',
        input: '',
        env: { ...process.env, NO_COLOR: '1', SHEGONG_WORKER: worker },
      });
    const statuses: (number | null)[] = [];
    for (const args of [
      ['files', path.join(demo, '照片.jpg'), path.join(demo, '工作证明.jpg'), '--format', 'json'],
      ['--lang', 'en', 'files', path.join(demo, '工作证明.jpg')],
      ['fix', path.join(ROOT, 'no-such-file.jpg')],
    ]) {
      const inWorker = run(args, 'on');
      const onMain = run(args, 'off');
      expect([inWorker.status, inWorker.stdout, inWorker.stderr]).toEqual([
        onMain.status,
        onMain.stdout,
        onMain.stderr,
      ]);
      statuses.push(inWorker.status);
    }
    // Findings (the work proof's resolution) exit 1; a missing file is a sentence and exit 2.
    expect(statuses).toEqual([1, 1, 2]);
  });

  it('a reader that leaves early (| true): the exit code is still the command’s, in the worker as on the main thread', () => {
    for (const worker of ['on', 'off']) {
      const script = `"${process.execPath}" "${BIN}" files "${path.join(DEMO, '照片.jpg')}" "${path.join(DEMO, '工作证明.jpg')}" 2>/dev/null | true; echo "\${PIPESTATUS[0]}"`;
      const result = spawnSync('bash', ['-c', script], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', SHEGONG_WORKER: worker },
      });
      expect([worker, result.stdout.trim()]).toEqual([worker, '1']);
    }
  });

  it('Ctrl-C while a command does not watch signals ends the process at once, killed by SIGINT (both ways)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shegong-sigint-'));
    // 800 names of one page (hard links): seconds of work, so the signal lands mid-run.
    writeFileSync(path.join(dir, 'page.jpg'), await makeScan({ width: 3000, height: 4000 }));
    const files = Array.from({ length: 800 }, (_, i) => path.join(dir, `s${i}.jpg`));
    for (const file of files) linkSync(path.join(dir, 'page.jpg'), file);
    for (const worker of ['on', 'off']) {
      const child = spawn(process.execPath, [BIN, 'files', ...files, '--as', 'diploma', '--format', 'json'], {
        env: { ...process.env, SHEGONG_WORKER: worker },
        stdio: ['ignore', 'ignore', 'ignore'],
      });
      const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
        child.on('close', (code, signal) => resolve([code, signal])),
      );
      await new Promise((resolve) => setTimeout(resolve, 600));
      child.kill('SIGINT');
      // Killed by the signal itself (no exit code): Node's default action, not a handler that
      // waits for the worker's JavaScript to be free and then exits 130.
      expect([worker, ...(await closed)]).toEqual([worker, null, 'SIGINT']);
    }
  }, 30_000);
});

describe('missingAllocatorSettings', () => {
  it('names what a glibc process lacks, keeps what the user set, and nothing elsewhere or under a debugger', () => {
    let asked = 0;
    const glibc = (answer: boolean) => () => {
      asked += 1;
      return answer;
    };
    expect(missingAllocatorSettings({}, [], glibc(true))).toEqual(ALLOCATOR_ENV);
    expect(missingAllocatorSettings({ MALLOC_ARENA_MAX: '4' }, [], glibc(true))).toEqual({
      MALLOC_MMAP_THRESHOLD_: '4194304',
    });
    expect(missingAllocatorSettings({}, [], glibc(false))).toBeUndefined();
    expect(missingAllocatorSettings({}, ['--inspect-brk'], glibc(true))).toBeUndefined();
    expect(missingAllocatorSettings({ NODE_OPTIONS: '--inspect=9230' }, [], glibc(true))).toBeUndefined();
    expect(asked).toBe(3);
    // Started through the shebang: glibc is not even asked (a process report costs about 8 ms).
    expect(missingAllocatorSettings({ ...ALLOCATOR_ENV }, [], glibc(true))).toBeUndefined();
    expect(asked).toBe(3);
  });

  it('this machine runs Node on glibc (the restart above is tested here)', () => {
    expect(runsOnGlibc()).toBe(process.platform === 'linux');
  });
});
