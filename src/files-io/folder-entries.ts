/**
 * A materials folder's own entries, as every reader of one sees them (`--files`, `files DIR`, the
 * interview's folder question): hidden names skipped, sorted, its files and its subfolders (which
 * are not looked into). An entry that cannot be looked at (a link to itself, no permission) is
 * skipped; a folder that cannot be read throws. Synchronous: a few stat calls, and the interview's
 * answer check is synchronous.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export function folderEntries(folder: string): { files: string[]; subfolders: string[] } {
  const files: string[] = [];
  const subfolders: string[] = [];
  for (const name of readdirSync(folder).sort((a, b) => a.localeCompare(b))) {
    if (name.startsWith('.')) continue;
    const full = path.join(folder, name);
    let info: ReturnType<typeof statSync>;
    try {
      info = statSync(full, { throwIfNoEntry: false });
    } catch {
      continue;
    }
    if (info?.isFile()) files.push(full);
    else if (info?.isDirectory()) subfolders.push(full);
  }
  return { files, subfolders };
}
