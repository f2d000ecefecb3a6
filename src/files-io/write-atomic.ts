/**
 * Write a file atomically through the one writing module (src/io/safe-write.ts).
 * The default policy replaces an existing regular file: a report's `--output` names its destination.
 * Devices, FIFOs, folders and this run's inputs are never replaced, whatever the policy.
 */
import { writeSafe, type ReplacePolicy } from '../io/safe-write.js';

export async function writeAtomic(
  file: string,
  content: string | Uint8Array,
  replace: ReplacePolicy = 'always',
): Promise<void> {
  await writeSafe(file, content, { replace });
}
