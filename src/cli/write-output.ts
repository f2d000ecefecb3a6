/** Write a rendered report to stdout, or atomically to --output (temp file + rename). */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';

export async function writeAtomic(file: string, content: string | Uint8Array): Promise<void> {
  const target = path.resolve(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(temp, content);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw new UserError('error.output', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
}

export async function emit(content: string, output: string | undefined): Promise<void> {
  if (output) {
    await writeAtomic(output, content);
    process.stderr.write(`→ ${path.resolve(output)}\n`);
    return;
  }
  process.stdout.write(content);
}
