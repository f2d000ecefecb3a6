/** Signals, a second run into one folder and a closed stderr, on real processes. */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER, PHOTO, row, tempsIn, workspace } from '../helpers/hostile-batch.js';
import { BIN } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-in-process.js';

describe('every way a run can end keeps finished work', () => {
  const bigRoster = (dir: string, rows: number) => {
    for (let i = 0; i < rows; i += 1) {
      mkdirSync(path.join(dir, 'm', `p${i}`), { recursive: true });
      copyFileSync(PHOTO, path.join(dir, 'm', `p${i}`, '照片.jpg'));
    }
    writeFileSync(
      path.join(dir, 'big.csv'),
      [HEADER, ...Array.from({ length: rows }, (_, i) => row(`人${i}`, { folder: `p${i}` }))].join('\n'),
    );
  };
  const start = (dir: string, out = 'out') =>
    spawn(
      process.execPath,
      [
        BIN,
        'batch',
        path.join(dir, 'big.csv'),
        '--materials',
        path.join(dir, 'm'),
        '--output',
        path.join(dir, out),
        '--today',
        '2026-03-01',
        '--concurrency',
        '1',
      ],
      {
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  /** At least one applicant finished: the progress count n/total (not its sentence) on stderr. */
  const progressed = (child: ReturnType<typeof start>, total: number) =>
    new Promise<void>((resolve) => {
      let err = '';
      const count = new RegExp(`(?<![\\d/])[1-9]\\d*/${total}(?!\\d)`);
      child.stderr.on('data', (chunk: Buffer) => {
        err += chunk.toString();
        if (count.test(err)) resolve();
      });
    });
  /**
   * The status the shell's $? shows: killed by SIGINT reads 130, as exit 130 does (a second Ctrl-C
   * can land in Node's own teardown, after every file is written and the exit code is set).
   */
  const closed = (child: ReturnType<typeof start>) =>
    new Promise<number | null>((resolve) =>
      child.on('close', (code, signal) => resolve(code ?? (signal ? 128 + constants.signals[signal] : null))),
    );
  const valid = (out: string) => {
    const json = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    const csvRows = readFileSync(path.join(out, 'summary.csv'), 'utf8').trim().split('\r\n').length - 1;
    expect(csvRows).toBe(json.finished);
    expect(json.applicants).toHaveLength(json.finished);
    expect(readFileSync(path.join(out, 'report.html'), 'utf8')).toContain('</html>');
    expect(tempsIn(out)).toEqual([]);
    expect(existsSync(path.join(out, '.shegong.lock'))).toBe(false);
    return json;
  };

  it('SIGTERM: exit 143, valid summaries marked interrupted, no temp files', async () => {
    const dir = workspace();
    bigRoster(dir, 120);
    const child = start(dir);
    await progressed(child, 120);
    child.kill('SIGTERM');
    expect(await closed(child)).toBe(143);
    const json = valid(path.join(dir, 'out'));
    expect(json.interrupted).toBe(true);
    expect(json.finished).toBeLessThan(120);
  }, 60_000);

  it('two Ctrl-C 50 ms apart: exit 130, the same valid summaries', async () => {
    const dir = workspace();
    bigRoster(dir, 120);
    const child = start(dir);
    await progressed(child, 120);
    child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGINT');
    expect(await closed(child)).toBe(130);
    expect(valid(path.join(dir, 'out')).interrupted).toBe(true);
  }, 60_000);

  it('a second run into the same --output is refused while the first runs (exit 2); a stale lock is taken over', async () => {
    const dir = workspace();
    // 120 rows one at a time: the first run is still going when the second (in-process) starts.
    bigRoster(dir, 120);
    const child = start(dir);
    await progressed(child, 120);
    const second = await runMain([
      'batch',
      path.join(dir, 'big.csv'),
      '--materials',
      path.join(dir, 'm'),
      '--output',
      path.join(dir, 'out'),
      '--today',
      '2026-03-01',
    ]);
    expect(second.code).toBe(2);
    expect(second.err).toContain('.shegong.lock');
    // The first run was not disturbed: stopped now, it keeps valid summaries of what it finished.
    child.kill('SIGINT');
    expect(await closed(child)).toBe(130);
    expect(valid(path.join(dir, 'out')).finished).toBeGreaterThan(0);
    // A lock whose process is gone (kill -9) does not block the next run.
    writeFileSync(path.join(dir, 'out', '.shegong.lock'), '999999999\n');
    writeFileSync(path.join(dir, 'one.csv'), [HEADER, row('人0', { folder: 'p0' })].join('\n'));
    expect(
      (
        await runMain([
          'batch',
          path.join(dir, 'one.csv'),
          '--materials',
          path.join(dir, 'm'),
          '--output',
          path.join(dir, 'out'),
          '--today',
          '2026-03-01',
        ])
      ).code,
    ).toBe(0);
  }, 60_000);

  it('stderr closed by its reader (2>&1 | head -c 10) does not cut the run short', async () => {
    const dir = workspace();
    bigRoster(dir, 30);
    const child = start(dir);
    child.stderr.destroy();
    expect(await closed(child)).toBe(0);
    expect(valid(path.join(dir, 'out')).finished).toBe(30);
  }, 60_000);
});
