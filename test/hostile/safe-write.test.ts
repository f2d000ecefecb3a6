/**
 * The one writing module, attacked directly. Faults
 * (ENOSPC, EROFS, EPIPE) are injected through its filesystem seam, not real mounts.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  commitTemp,
  createTemp,
  fsSeam,
  protectPath,
  removeTemps,
  writeSafe,
  WriteRefused,
} from '../../src/io/safe-write.js';
import { openRegular } from '../../src/io/safe-read.js';

const original = { ...fsSeam };
afterEach(() => Object.assign(fsSeam, original));

const dir = () => mkdtempSync(path.join(tmpdir(), 'shegong-write-'));
const reason = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WriteRefused);
    return (error as WriteRefused).reason;
  }
  return 'written';
};
const leftovers = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.tmp'));

describe('writeSafe: where a write may land', () => {
  it('an existing file is not replaced unless the caller allows it', async () => {
    const d = dir();
    writeFileSync(path.join(d, 'b.jpg'), 'original');
    expect(await reason(writeSafe(path.join(d, 'b.jpg'), 'new'))).toBe('exists');
    expect(readFileSync(path.join(d, 'b.jpg'), 'utf8')).toBe('original');
    expect(await reason(writeSafe(path.join(d, 'b.jpg'), 'new', { replace: 'always' }))).toBe('written');
    expect(readFileSync(path.join(d, 'b.jpg'), 'utf8')).toBe('new');
    // A predicate (batch's manifest) decides per real path.
    expect(await reason(writeSafe(path.join(d, 'b.jpg'), 'x', { replace: (real) => real.endsWith('c.jpg') }))).toBe(
      'exists',
    );
    expect(leftovers(d)).toEqual([]);
  });

  it('a device, a FIFO, a folder, a symlink to a device and a dangling link are never targets', async () => {
    const d = dir();
    execFileSync('mkfifo', [path.join(d, 'fifo')]);
    symlinkSync('/dev/null', path.join(d, 'null-link'));
    symlinkSync(path.join(d, 'nowhere'), path.join(d, 'dangling'));
    mkdirSync(path.join(d, 'folder'));
    expect(await reason(writeSafe('/dev/null', 'x', { replace: 'always' }))).toBe('not-regular');
    expect(await reason(writeSafe(path.join(d, 'fifo'), 'x', { replace: 'always' }))).toBe('not-regular');
    expect(await reason(writeSafe(path.join(d, 'null-link'), 'x', { replace: 'always' }))).toBe('not-regular');
    expect(await reason(writeSafe(path.join(d, 'dangling'), 'x', { replace: 'always' }))).toBe('dangling');
    expect(await reason(writeSafe(path.join(d, 'folder'), 'x', { replace: 'always' }))).toBe('EISDIR');
    expect((await fsp.lstat('/dev/null')).isCharacterDevice()).toBe(true);
    expect(leftovers(d)).toEqual([]);
  });

  it('a symlink to a regular file is followed: the file is written, the link stays a link', async () => {
    const d = dir();
    writeFileSync(path.join(d, 'real.txt'), 'old');
    symlinkSync(path.join(d, 'real.txt'), path.join(d, 'link.txt'));
    await writeSafe(path.join(d, 'link.txt'), 'new', { replace: 'always' });
    expect((await fsp.lstat(path.join(d, 'link.txt'))).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(d, 'real.txt'), 'utf8')).toBe('new');
  });

  it('an input is never a target, by device + inode: a hard link, a symlink or ./ reach it in vain, even with --force', async () => {
    const d = dir();
    writeFileSync(path.join(d, 'in.png'), 'input');
    linkSync(path.join(d, 'in.png'), path.join(d, 'hard.jpg'));
    symlinkSync(path.join(d, 'in.png'), path.join(d, 'soft.jpg'));
    const opened = await openRegular(path.join(d, 'in.png'));
    if (opened.ok) await opened.handle.close();
    for (const target of ['hard.jpg', 'soft.jpg', './in.png'])
      expect(await reason(writeSafe(path.join(d, target), 'x', { replace: 'always' }))).toBe('input');
    expect(readFileSync(path.join(d, 'in.png'), 'utf8')).toBe('input');
    await protectPath(path.join(d, 'missing'));
  });

  it('a 244-byte target name is written (the temp name is short); a path under a file and a NUL are sentences', async () => {
    const d = dir();
    const long = `${'x'.repeat(240)}.jpg`;
    expect(await reason(writeSafe(path.join(d, long), 'x'))).toBe('written');
    writeFileSync(path.join(d, 'existing.txt'), 'text');
    expect(await reason(writeSafe(path.join(d, 'existing.txt', 'x.jpg'), 'x'))).toBe('ENOTDIR');
    expect(await reason(writeSafe(path.join(d, 'a\0b.md'), 'x'))).toBe('EINVAL');
    expect(await reason(writeSafe(path.join(d, `${'y'.repeat(256)}.jpg`), 'x'))).toBe('ENAMETOOLONG');
    expect(leftovers(d)).toEqual([]);
  });
});

describe('writeSafe: faults injected through the seam', () => {
  it('ENOSPC while writing: a sentence-ready refusal, no temp file, the old file intact', async () => {
    const d = dir();
    writeFileSync(path.join(d, 'report.md'), 'old');
    fsSeam.open = (async (...args: Parameters<typeof fsp.open>) => {
      const handle = await original.open(...args);
      handle.writeFile = async () => {
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      };
      return handle;
    }) as typeof fsp.open;
    expect(await reason(writeSafe(path.join(d, 'report.md'), 'new', { replace: 'always' }))).toBe('ENOSPC');
    expect(readFileSync(path.join(d, 'report.md'), 'utf8')).toBe('old');
    expect(leftovers(d)).toEqual([]);
  });

  it('EROFS on creating the temp file; EPIPE-like errors on rename: refused with their code, nothing left', async () => {
    const d = dir();
    fsSeam.open = (async () => {
      throw Object.assign(new Error('read-only'), { code: 'EROFS' });
    }) as typeof fsp.open;
    expect(await reason(writeSafe(path.join(d, 'a.md'), 'x'))).toBe('EROFS');
    Object.assign(fsSeam, original);
    fsSeam.link = (async () => {
      throw Object.assign(new Error('io'), { code: 'EIO' });
    }) as typeof fsp.link;
    expect(await reason(writeSafe(path.join(d, 'b.md'), 'x'))).toBe('EIO');
    expect(existsSync(path.join(d, 'b.md'))).toBe(false);
    expect(leftovers(d)).toEqual([]);
  });

  it('a filesystem without hard links (FAT USB stick) falls back to rename; a file appearing meanwhile is not replaced', async () => {
    const d = dir();
    fsSeam.link = (async () => {
      throw Object.assign(new Error('no links'), { code: 'EPERM' });
    }) as typeof fsp.link;
    expect(await reason(writeSafe(path.join(d, 'c.md'), 'x'))).toBe('written');
    Object.assign(fsSeam, original);
    fsSeam.link = (async () => {
      throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    }) as typeof fsp.link;
    expect(await reason(writeSafe(path.join(d, 'd.md'), 'x'))).toBe('exists');
    expect(leftovers(d)).toEqual([]);
  });

  it('streamed temp files are removed by removeTemps (a signal) and refused commits leave nothing', async () => {
    const d = dir();
    const a = await createTemp(d);
    const b = await createTemp(d);
    writeFileSync(path.join(d, 'summary.json'), 'user file');
    expect(await reason(commitTemp(b, path.join(d, 'summary.json'), 'never'))).toBe('exists');
    expect(existsSync(a)).toBe(true);
    await removeTemps();
    expect(leftovers(d)).toEqual([]);
    expect(readFileSync(path.join(d, 'summary.json'), 'utf8')).toBe('user file');
  });
});
