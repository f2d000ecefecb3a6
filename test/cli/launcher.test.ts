/** The launcher as a user's shell runs it: through its shebang, with the memory settings it names. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs helper of the bench scripts, no types
import { launcherSettings } from '../../bench/launcher.mjs';
import { ROOT } from '../helpers/run-cli.js';

describe('bin/shegong.js', () => {
  it('runs through its own shebang (env -S) and prints the version', () => {
    const result = spawnSync(path.join(ROOT, 'bin', 'shegong.js'), ['--version'], { encoding: 'utf8' });
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  it('names the allocator setting the bench and fuzz runs apply too, and no V8 flag (it would cost every start)', () => {
    const { env, execArgv } = launcherSettings() as { env: Record<string, string>; execArgv: string[] };
    expect(env).toEqual({ MALLOC_ARENA_MAX: '1' });
    expect(execArgv).toEqual([]);
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
});
