/**
 * Folders and files stay inside `--materials`: a folder cell that is absolute, has `..`
 * or leads (through symlinks too) outside is refused; a file found by name must be a regular file
 * whose real path is inside the materials folder. Nothing refused is ever opened, so a FIFO or a
 * link to a device cannot hang the run.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { guessRole } from '../files/guess-role.js';
import { protectPath } from '../io/safe-write.js';
import type { UploadRole } from '../model/rules.js';
import type { RosterRow } from './roster-rows.js';

export type FolderRefusal = 'absolute' | 'parent' | 'outside';

/** True when `real` is `root` itself or below it (both already real paths). */
const inside = (real: string, root: string) =>
  real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

/** Why a folder cell may not be used, or undefined when it may (pure). */
export function folderCellProblem(cell: string): FolderRefusal | undefined {
  if (path.isAbsolute(cell) || path.win32.isAbsolute(cell) || /^~/.test(cell)) return 'absolute';
  if (cell.split(/[\\/]+/).some((part) => part === '..')) return 'parent';
  return undefined;
}

export type FolderFound = { folder: string | null } | { refused: FolderRefusal; cell: string };

/**
 * The materials folder's entries, read once per batch: which names are plain
 * directories (not links). Looking an applicant up in it costs no system call.
 */
export type MaterialsIndex = ReadonlyMap<string, 'dir' | 'other'>;

export async function indexMaterials(materials: string): Promise<MaterialsIndex | undefined> {
  // A folder that can be entered but not listed (mode --x): no index, each folder is looked up.
  const entries = await readdir(materials, { withFileTypes: true }).catch(() => undefined);
  return entries && new Map(entries.map((entry) => [entry.name, entry.isDirectory() ? 'dir' : 'other'] as const));
}

/** Folder candidates in order: the roster's folder column, the name, the ID number's last 6. */
export async function findFolder(
  row: RosterRow,
  materials: string,
  materialsReal: string,
  index?: MaterialsIndex,
): Promise<FolderFound> {
  if (row.folder) {
    const problem = folderCellProblem(row.folder);
    if (problem) return { refused: problem, cell: row.folder };
  }
  const candidates: { name: string; fromCell: boolean }[] = [
    ...(row.folder ? [{ name: row.folder, fromCell: true }] : []),
    // A name is a folder name only when it is one path component (`../secret` as a name is not).
    ...[row.lookupName ?? row.name, row.idTail]
      .filter((name): name is string => Boolean(name) && !/[\\/]/.test(name!) && name !== '.' && name !== '..')
      .map((name) => ({ name, fromCell: false })),
  ];
  for (const { name, fromCell } of candidates) {
    const candidate = path.join(materials, name);
    // One path component found in the index: a plain directory right inside the materials is
    // the applicant's folder (its real path is inside by construction); a name not there is no
    // folder. Links, nested cells and anything else are checked on disk as before.
    const single = index && name !== '.' && name !== '' && !/[\\/]/.test(name);
    if (single && !index.has(name)) continue;
    if (single && index.get(name) === 'dir') return { folder: candidate };
    if (!(await stat(candidate).catch(() => undefined))?.isDirectory()) continue;
    const real = await realpath(candidate).catch(() => undefined);
    // The materials folder itself, or a link out of it, is not an applicant's folder.
    if (!real || real === materialsReal || !inside(real, materialsReal)) {
      if (fromCell) return { refused: 'outside', cell: name };
      continue;
    }
    return { folder: candidate };
  }
  return { folder: null };
}

export interface FoundFile {
  path: string;
  role: UploadRole;
}
export interface RefusedFile {
  path: string;
  role: UploadRole;
  reason: 'outside' | 'not-regular' | 'broken';
}

/** The files in an applicant's folder by role (first per role), each checked without opening it. */
export async function applicantFiles(
  folder: string,
  materialsReal: string,
): Promise<{ found: FoundFile[]; refused: RefusedFile[]; unplaced: string[]; extra: string[] }> {
  // One read of the folder: the entries carry their type, so a regular file costs no
  // further system call here; only links are resolved.
  const entries = (await readdir(folder, { withFileTypes: true }))
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name));
  const found: FoundFile[] = [];
  const refused: RefusedFile[] = [];
  // Files no role fits, and files of a role already filled: listed, never silently dropped.
  const unplaced: string[] = [];
  const extra: string[] = [];
  for (const entry of entries) {
    const name = entry.name;
    const role = guessRole(name);
    if (!role) {
      if (!entry.isDirectory()) unplaced.push(name);
      continue;
    }
    if (found.some((f) => f.role === role)) {
      await protectPath(path.join(folder, name)).catch(() => undefined);
      extra.push(name);
      continue;
    }
    const full = path.join(folder, name);
    const link = entry;
    if (link.isFile()) {
      // Every original is an input no fixed copy may land on: it is recorded by
      // device + inode when the probe opens it (safe-read), so no extra stat here.
      found.push({ path: full, role });
      continue;
    }
    if (!link.isSymbolicLink()) {
      // A FIFO, socket or device named 照片.jpg (a folder named so is simply not a file: skipped).
      if (!link.isDirectory()) refused.push({ path: full, role, reason: 'not-regular' });
      continue;
    }
    const real = await realpath(full).catch(() => undefined);
    if (!real) refused.push({ path: full, role, reason: 'broken' });
    else if (!inside(real, materialsReal)) refused.push({ path: full, role, reason: 'outside' });
    else if (!(await lstat(real).catch(() => undefined))?.isFile())
      refused.push({ path: full, role, reason: 'not-regular' });
    else found.push({ path: full, role });
  }
  return { found, refused, unplaced, extra };
}
