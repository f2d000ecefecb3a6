/**
 * The one place that writes files. Every write goes through `writeSafe`:
 * - the target is a regular file or does not exist: never a device, FIFO, socket or folder, and a
 *   symlink is followed to what it names (which must itself be a regular file or absent);
 * - an existing file is replaced only when the caller's contract says so (`replace`);
 * - a file this run read as an input (device + inode, registered by the readers) is never a target,
 *   whatever its name or however it is reached (hard link, symlink, `./`);
 * - the content goes to a short temp name beside the target (within the file-name limit whatever
 *   the target's length), then is linked (no-replace) or renamed (replace) into place; a failure
 *   leaves neither a temp file nor a half-written target, and is a sentence (`error.output`).
 * Filesystem calls go through `fsSeam`, so tests inject ENOSPC/EROFS/EPIPE without real mounts.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';

/** The filesystem calls writes use; tests replace members to inject faults. */
export const fsSeam = {
  lstat: fsp.lstat,
  stat: fsp.stat,
  realpath: fsp.realpath,
  mkdir: fsp.mkdir,
  open: fsp.open,
  link: fsp.link,
  rename: fsp.rename,
  unlink: fsp.unlink,
};

/**
 * When an existing target may be replaced: 'never' (fix without --force), 'always' (the user named
 * this exact file as a report's destination, or --force), or a predicate on the real path (batch:
 * files its own earlier run recorded in the output folder's manifest).
 */
export type ReplacePolicy = 'never' | 'always' | ((realTarget: string) => boolean);

export interface SafeWriteOptions {
  replace?: ReplacePolicy;
}

const inputs = new Set<string>();
const key = (dev: number | bigint, ino: number | bigint) => `${dev}:${ino}`;

/** Record a file this run reads: it can never be a write target afterwards. */
export function protectIdentity(dev: number | bigint, ino: number | bigint): void {
  inputs.add(key(dev, ino));
}

/** Record a path (followed through symlinks) as an input; a missing path is ignored. */
export async function protectPath(file: string): Promise<void> {
  const info = await fsSeam.stat(file).catch(() => undefined);
  if (info?.isFile()) protectIdentity(info.dev, info.ino);
}

export function isProtected(dev: number | bigint, ino: number | bigint): boolean {
  return inputs.has(key(dev, ino));
}

/** Why a target may not be written: a code for `error.output` (see OUTPUT_REASON in i18n). */
export class WriteRefused extends UserError {
  readonly reason: string;
  constructor(file: string, reason: string) {
    super(reason === 'input' ? 'error.fix-overwrite' : reason === 'exists' ? 'error.output-exists' : 'error.output', {
      file,
      reason,
    });
    this.reason = reason;
  }
}

/** A temp name beside the target: short (file-name limit), unique, hidden. */
export const tempName = (dir: string) => path.join(dir, `.shegong-${randomBytes(6).toString('hex')}.tmp`);

/** Every temp file still being written: removed by `removeTemps` when a run is cut short. */
const openTemps = new Set<string>();

/** Remove temp files of writes still in flight (a signal ends the run); never throws. */
export async function removeTemps(): Promise<void> {
  await Promise.all([...openTemps].map((file) => fsSeam.unlink(file).catch(() => undefined)));
  openTemps.clear();
}

/**
 * Where a write to `file` would land, or why it may not: the real path (symlinks followed), whether
 * something is there, judged by the rules above. No side effects.
 */
export async function judgeTarget(
  file: string,
  replace: ReplacePolicy = 'never',
): Promise<{ real: string; exists: boolean }> {
  if (file.includes('\0')) throw new WriteRefused(file, 'EINVAL');
  let real = path.resolve(file);
  const link = await fsSeam.lstat(real).catch((error: NodeJS.ErrnoException) => error);
  if (link instanceof Error) {
    if (link.code === 'ENOENT') return { real, exists: false };
    throw new WriteRefused(file, link.code ?? 'EIO');
  }
  if (link.isSymbolicLink()) {
    const resolved = await fsSeam.realpath(real).catch((error: NodeJS.ErrnoException) => error);
    // A dangling link: writing would create a file wherever it points; refuse rather than guess.
    if (resolved instanceof Error)
      throw new WriteRefused(file, resolved.code === 'ENOENT' ? 'dangling' : (resolved.code ?? 'EIO'));
    real = resolved;
  }
  const info = await fsSeam.stat(real).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) {
    if (info.code === 'ENOENT') return { real, exists: false };
    throw new WriteRefused(file, info.code ?? 'EIO');
  }
  if (info.isDirectory()) throw new WriteRefused(file, 'EISDIR');
  if (!info.isFile()) throw new WriteRefused(file, 'not-regular');
  if (isProtected(info.dev, info.ino)) throw new WriteRefused(file, 'input');
  const may = replace === 'always' || (typeof replace === 'function' && replace(real));
  if (!may) throw new WriteRefused(file, 'exists');
  return { real, exists: true };
}

/** Write `content` to `file` under the rules above; returns the real path written. */
export async function writeSafe(
  file: string,
  content: string | Uint8Array,
  options: SafeWriteOptions = {},
): Promise<string> {
  const replace = options.replace ?? 'never';
  const { real } = await judgeTarget(file, replace);
  const dir = path.dirname(real);
  const temp = tempName(dir);
  const fail = (error: unknown): never => {
    if (error instanceof UserError) throw error;
    throw new WriteRefused(file, (error as NodeJS.ErrnoException)?.code ?? 'EIO');
  };
  try {
    await makeFolders(dir);
    openTemps.add(temp);
    const handle = await fsSeam.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close().catch(() => undefined);
    }
    // Judge again just before the swap: something may have appeared (another run, a FIFO).
    const again = await judgeTarget(file, replace);
    if (!again.exists) {
      // link() never replaces: a file created meanwhile is an EEXIST, not a loss. Filesystems
      // without hard links (FAT/exFAT USB sticks) fall back to rename.
      const linked = await fsSeam.link(temp, real).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'EEXIST') throw new WriteRefused(file, 'exists');
          if (['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV'].includes(error.code ?? '')) return false;
          throw error;
        },
      );
      if (linked) await fsSeam.unlink(temp).catch(() => undefined);
      else await fsSeam.rename(temp, real);
    } else {
      await fsSeam.rename(temp, real);
    }
    openTemps.delete(temp);
  } catch (error) {
    await fsSeam.unlink(temp).catch(() => undefined);
    openTemps.delete(temp);
    fail(error);
  }
  return real;
}

/**
 * A temp file for content streamed over time (batch's summary.json): made with O_EXCL beside
 * where it will go, tracked so an interrupted run removes it. `commitTemp` moves it into place
 * under the same rules as `writeSafe`.
 */
export async function createTemp(dir: string): Promise<string> {
  await makeFolders(dir);
  const temp = tempName(dir);
  openTemps.add(temp);
  const handle = await fsSeam.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
  await handle.close();
  return temp;
}

export async function commitTemp(temp: string, file: string, replace: ReplacePolicy = 'never'): Promise<string> {
  try {
    const { real } = await judgeTarget(file, replace);
    await fsSeam.rename(temp, real);
    openTemps.delete(temp);
    return real;
  } catch (error) {
    await discardTemp(temp);
    if (error instanceof UserError) throw error;
    throw new WriteRefused(file, (error as NodeJS.ErrnoException)?.code ?? 'EIO');
  }
}

export async function discardTemp(temp: string): Promise<void> {
  await fsSeam.unlink(temp).catch(() => undefined);
  openTemps.delete(temp);
}

/**
 * mkdir -p, one level at a time from the nearest folder that exists. Node's recursive mkdir spins
 * forever under /proc (ENOENT/EEXIST loop); here a failed level is final.
 */
export async function makeFolders(folder: string): Promise<void> {
  const missing: string[] = [];
  let current = path.resolve(folder);
  for (;;) {
    const info = await fsSeam.stat(current).catch((error: NodeJS.ErrnoException) => error);
    if (!(info instanceof Error)) {
      if (!info.isDirectory()) throw Object.assign(new Error(`${current} is not a folder`), { code: 'ENOTDIR' });
      break;
    }
    if (info.code !== 'ENOENT') throw info;
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const level of missing) {
    await fsSeam.mkdir(level).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}
