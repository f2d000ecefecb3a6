/** Write a file atomically: a temp file in the same folder, then rename. Never a half-written file. */
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';

export async function writeAtomic(file: string, content: string | Uint8Array): Promise<void> {
  const target = path.resolve(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    await makeFolders(path.dirname(target));
    await writeFile(temp, content);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new UserError('error.output', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
}

/**
 * mkdir -p, one level at a time from the nearest folder that exists. Node's recursive mkdir spins
 * forever under /proc (ENOENT/EEXIST loop); here a failed level is final (issue 12).
 */
export async function makeFolders(folder: string): Promise<void> {
  const missing: string[] = [];
  let current = path.resolve(folder);
  for (;;) {
    const info = await stat(current).catch((error: NodeJS.ErrnoException) => error);
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
  for (const level of missing) await mkdir(level).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}
