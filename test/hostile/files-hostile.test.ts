/**
 * Attacks through single files and config faults,
 * reproduced in temp folders through the built CLI.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { BIN, ELIGIBLE, ROOT } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-in-process.js';

const PHOTO = path.join(ROOT, 'templates', 'demo', 'files', '照片.jpg');
const dir = () => mkdtempSync(path.join(tmpdir(), 'shegong-files-'));
const md5 = (file: string) => readFileSync(file).toString('base64');
const noTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .*:\d+:\d+|内部错误|Internal error/);

describe('fix writes only where asked, never over what exists', () => {
  it('fix b.png --output ./ with b.jpg there: b.jpg untouched, the copy takes a numbered name; --force replaces it', async () => {
    const d = dir();
    await sharp(PHOTO).png().toFile(path.join(d, 'b.png'));
    copyFileSync(PHOTO, path.join(d, 'b.jpg'));
    const before = md5(path.join(d, 'b.jpg'));
    const kept = await runMain(['fix', 'b.png', '--as', 'photo', '--output', './'], {}, d);
    expect(kept.code).toBeLessThan(2);
    noTrace(kept.err);
    expect(md5(path.join(d, 'b.jpg'))).toBe(before);
    expect(existsSync(path.join(d, 'b-2.jpg'))).toBe(true);
    writeFileSync(path.join(d, 'existing.txt'), 'notes');
    expect((await runMain(['fix', 'b.png', '--as', 'photo', '--output', 'existing.txt'], {}, d)).code).toBeLessThan(2);
    expect(readFileSync(path.join(d, 'existing.txt'), 'utf8')).toBe('notes');
    expect((await runMain(['fix', 'b.png', '--as', 'photo', '--output', './', '--force'], {}, d)).code).toBeLessThan(2);
    expect(md5(path.join(d, 'b.jpg'))).not.toBe(before);
  });

  it('the input is never the target, even through a hard link with --force', async () => {
    const d = dir();
    await sharp(PHOTO).png().toFile(path.join(d, 'in.png'));
    linkSync(path.join(d, 'in.png'), path.join(d, 'same.jpg'));
    const before = md5(path.join(d, 'in.png'));
    const result = await runMain(['fix', 'in.png', '--as', 'photo', '--output', 'same.jpg', '--force'], {}, d);
    expect(result.code).toBe(2);
    expect(md5(path.join(d, 'in.png'))).toBe(before);
  });

  it('under a file, a 244-byte name, a FIFO, a symlink to /dev/null: sentences or success, never an internal error', async () => {
    const d = dir();
    copyFileSync(PHOTO, path.join(d, 'a.jpg'));
    writeFileSync(path.join(d, 'existing.txt'), 'x');
    execFileSync('mkfifo', [path.join(d, 'fifo.jpg')]);
    symlinkSync('/dev/null', path.join(d, 'null.jpg'));
    const under = await runMain(['fix', 'a.jpg', '--as', 'photo', '--output', 'existing.txt/x.jpg'], {}, d);
    expect(under.code).toBe(2);
    noTrace(under.err);
    const long = await runMain(['fix', 'a.jpg', '--as', 'photo', '--output', `${'x'.repeat(240)}.jpg`], {}, d);
    expect(long.code).toBeLessThan(2);
    for (const target of ['fifo.jpg', 'null.jpg']) {
      const result = await runMain(['fix', 'a.jpg', '--as', 'photo', '--output', target, '--force'], {}, d);
      expect(result.code).toBe(2);
      noTrace(result.err);
    }
    const dates = await runMain(['dates', '--province', 'guangdong', '--output', path.join(d, 'null.jpg')]);
    expect(dates.code).toBe(2);
    expect(readdirSync(d).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('check --fix whose copy cannot be written still prints the report', async () => {
    const d = dir();
    // A photo of the wrong aspect (fixable), and a folder where its fixed copy would go.
    execFileSync(process.execPath, [
      '-e',
      `require(${JSON.stringify(require.resolve('sharp'))})(${JSON.stringify(PHOTO)}).extend({left:150,right:150,background:'#fff'}).toFile(${JSON.stringify(path.join(d, '照片.jpg'))})`,
    ]);
    mkdirSync(path.join(d, '照片.fixed.jpg'));
    const result = await runMain(['check', ...ELIGIBLE, '--files', d, '--fix', '--no-input', '--format', 'json']);
    expect(result.code).toBeLessThan(2);
    expect(JSON.parse(result.out).schema).toBeDefined();
    noTrace(result.err);
  });
});

describe('reads open once, never block', () => {
  it('a FIFO, /dev/zero and a folder given to files: named as such, no hang', async () => {
    const d = dir();
    execFileSync('mkfifo', [path.join(d, 'fifo.jpg')]);
    const result = await runMain(['files', path.join(d, 'fifo.jpg'), '/dev/zero', '--as', 'photo', '--format', 'json']);
    expect(result.code).toBe(1);
    const files = JSON.parse(result.out).files as { findings: { id: string; measured?: { reason?: string } }[] }[];
    expect(files.map((f) => f.findings[0]?.measured?.reason)).toEqual(['not-regular', 'not-regular']);
  });

  it('--rules given a FIFO or /dev/zero: refused at once (exit 2), not read forever', async () => {
    const d = dir();
    execFileSync('mkfifo', [path.join(d, 'rules.json')]);
    for (const file of [path.join(d, 'rules.json'), '/dev/zero']) {
      // Reading a FIFO with no writer, or /dev/zero, would never return: refused by the open, not the read.
      const result = await runMain(['rules', '--rules', file]);
      expect(result.code).toBe(2);
      noTrace(result.err);
    }
  });

  it('a file flipped between a photo and a FIFO while being read: every run ends by itself', async () => {
    const d = dir();
    copyFileSync(PHOTO, path.join(d, 'real.jpg'));
    execFileSync('mkfifo', [path.join(d, 'pipe.jpg')]);
    const script = `cd ${JSON.stringify(d)}; while true; do ln -f real.jpg tmp1 && mv -f tmp1 照片.jpg; rm -f tmp2; mkfifo tmp2 && mv -f tmp2 照片.jpg; done`;
    const flipper = spawn('bash', ['-c', script], { stdio: 'ignore' });
    try {
      let hung = 0;
      // Six runs: the flipper swaps the name thousands of times a second, so each run meets both
      // kinds (12 runs cost 8 s of a 60 s npm test with the loop holding a core).
      for (let i = 0; i < 6; i += 1) {
        const run = spawnSync(process.execPath, [BIN, 'files', path.join(d, '照片.jpg'), '--as', 'photo'], {
          // A hang guard, not a speed bound: a run is a few hundred ms even on a busy machine.
          timeout: 60_000,
          env: { ...process.env, NO_COLOR: '1' },
        });
        if (run.status === null) hung += 1;
      }
      expect(hung).toBe(0);
    } finally {
      flipper.kill('SIGKILL');
    }
  }, 180_000);
});

describe('config faults never cost answers', () => {
  const config = (content: string) => {
    const d = dir();
    writeFileSync(path.join(d, 'config.json'), content);
    return d;
  };

  it('a corrupt file: profile show and path work, reset repairs it (exit 0, no internal error)', async () => {
    const d = config('garbage{{{');
    const show = await runMain(['profile', 'show'], { SHEGONG_CONFIG_DIR: d });
    expect(show.code).toBe(0);
    expect(show.err).toContain(path.join(d, 'config.json'));
    expect(readFileSync(path.join(d, 'config.json'), 'utf8')).toBe('garbage{{{');
    expect((await runMain(['profile', 'path'], { SHEGONG_CONFIG_DIR: d })).code).toBe(0);
    expect((await runMain(['profile', 'reset'], { SHEGONG_CONFIG_DIR: d })).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(d, 'config.json'), 'utf8'))).toEqual({});
  });

  it('wrongly typed values are dropped, not shown as [object Object] nor crashing', async () => {
    const d = config('{"answers":{"graduated":201907,"level":{"a":1},"major":"社会工作"}}');
    const show = await runMain(['profile', 'show', '--format', 'json'], { SHEGONG_CONFIG_DIR: d });
    expect(show.code).toBe(0);
    expect(JSON.parse(show.out).answers).toEqual({ major: '社会工作' });
  });

  it('a config folder that is a file: profile show warns, reset is a sentence (exit 2)', async () => {
    const d = dir();
    writeFileSync(path.join(d, 'cfg'), '');
    const show = await runMain(['profile', 'show'], { SHEGONG_CONFIG_DIR: path.join(d, 'cfg') });
    expect(show.code).toBe(0);
    const reset = await runMain(['profile', 'reset'], { SHEGONG_CONFIG_DIR: path.join(d, 'cfg') });
    expect(reset.code).toBe(2);
    noTrace(reset.err);
  });

  it('the store reports an unwritable save instead of throwing (the interview then prints its checklist)', async () => {
    const d = dir();
    writeFileSync(path.join(d, 'cfg'), '');
    const previous = process.env.SHEGONG_CONFIG_DIR;
    process.env.SHEGONG_CONFIG_DIR = path.join(d, 'cfg');
    try {
      const { openProfileStore } = await import('../../src/cli/profile-store.js');
      const store = await openProfileStore();
      expect(store.problem?.kind).toBe('unreadable');
      expect(store.read()).toEqual({});
      expect(store.save({ level: '助理' })).toMatchObject({ kind: 'unreadable' });
      process.env.SHEGONG_CONFIG_DIR = config('garbage');
      const corrupt = await openProfileStore();
      expect(corrupt.problem?.kind).toBe('corrupt');
      expect(corrupt.save({ level: '助理' })).toMatchObject({ kind: 'corrupt' });
      expect(readFileSync(path.join(process.env.SHEGONG_CONFIG_DIR, 'config.json'), 'utf8')).toBe('garbage');
    } finally {
      if (previous === undefined) delete process.env.SHEGONG_CONFIG_DIR;
      else process.env.SHEGONG_CONFIG_DIR = previous;
    }
  });
});
