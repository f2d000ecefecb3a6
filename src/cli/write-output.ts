/** Write a rendered report to stdout, or atomically to --output. */
import path from 'node:path';
import { writeAtomic } from '../files-io/write-atomic.js';

export async function emit(content: string, output: string | undefined): Promise<void> {
  if (output) {
    await writeAtomic(output, content);
    process.stderr.write(`→ ${path.resolve(output)}\n`);
    return;
  }
  process.stdout.write(content);
}
