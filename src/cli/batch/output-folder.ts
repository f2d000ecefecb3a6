/**
 * The batch's output folder: made and proven writable before any work, locked to one run, and
 * written only where an earlier run (its manifest) or this one wrote.
 */
import { mkdir, open, readdir, readFile, realpath, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../errors.js';
import { judgeTarget, type ReplacePolicy, WriteRefused } from '../../io/safe-write.js';
import { writeAtomic } from '../../files-io/write-atomic.js';

/** System folders where a write is never what the user meant (writes there can spin or replace devices). */
const SPECIAL = ['/proc', '/sys', '/dev'];

/** Write failures of the output folder mid-run (disk full, drive removed): a sentence, exit 2. */
export const OUTPUT_FAILURES = new Set([
  'ENOSPC',
  'EDQUOT',
  'EROFS',
  'EACCES',
  'EPERM',
  'EIO',
  'ENOTDIR',
  'ENAMETOOLONG',
]);

/** The lock (one run per output folder) and the manifest (what shegong wrote there). */
const LOCK = '.shegong.lock';
const MANIFEST = '.shegong-manifest.json';
const SUMMARY_FILES = ['summary.json', 'summary.csv', 'summary.xlsx', 'report.html'];

/** The output folder, made and proven writable before any work; each failure is a sentence. */
export async function prepareOutput(dir: string): Promise<string> {
  const output = path.resolve(dir);
  const fail = (reason: string): never => {
    throw new UserError('error.output-dir', { dir, reason });
  };
  const real = await realpath(output).catch(() => undefined);
  // A path that does not exist yet: judge its nearest existing parent.
  let probe = output;
  let parentReal: string | undefined = real;
  while (!parentReal && path.dirname(probe) !== probe) {
    probe = path.dirname(probe);
    parentReal = await realpath(probe).catch(() => undefined);
  }
  const judged = parentReal ?? output;
  if (
    SPECIAL.some((root) => judged === root || judged.startsWith(`${root}/`)) ||
    SPECIAL.some((root) => output === root || output.startsWith(`${root}/`))
  )
    fail('special');
  const info = await stat(output).catch(() => undefined);
  if (info && !info.isDirectory()) fail('not-a-folder');
  try {
    await mkdir(output, { recursive: true });
    const test = path.join(output, `.shegong-write-test.${process.pid}`);
    await writeFile(test, '');
    await unlink(test);
  } catch (error) {
    fail((error as NodeJS.ErrnoException).code ?? 'EACCES');
  }
  return output;
}

export async function acquireLock(output: string, dir: string): Promise<string> {
  const lock = path.join(output, LOCK);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return lock;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new UserError('error.output-dir', { dir, reason: (error as NodeJS.ErrnoException).code ?? 'EIO' });
    }
    const pid = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10);
    let alive = false;
    if (Number.isInteger(pid) && pid > 0) {
      try {
        process.kill(pid, 0);
        alive = true;
      } catch (error) {
        alive = (error as NodeJS.ErrnoException).code === 'EPERM';
      }
    }
    if (alive) throw new UserError('error.output-locked', { dir, pid: String(pid), lock });
    // A lock left by a run that was killed (kill -9, power cut): stale, taken over.
    await unlink(lock).catch(() => undefined);
  }
  throw new UserError('error.output-locked', { dir, pid: '?', lock });
}

/** A temp file shegong writes beside its targets (safe-write's tempName), and its write test. */
const OUR_TEMP = /^\.shegong-([0-9a-f]{12}\.tmp|write-test\.\d+)$/;

/**
 * Remove the temp files a killed run left in the output folder, where shegong writes them: the
 * folder, reports/, fixed/ and each applicant's folder under it. Called with the lock held, so no
 * other run is writing them.
 */
export async function removeStaleTemps(output: string): Promise<void> {
  const folders = [output, path.join(output, 'reports'), path.join(output, 'fixed')];
  const fixed = await readdir(path.join(output, 'fixed'), { withFileTypes: true }).catch(() => []);
  for (const entry of fixed) if (entry.isDirectory()) folders.push(path.join(output, 'fixed', entry.name));
  for (const folder of folders) {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries)
      if (entry.isFile() && OUR_TEMP.test(entry.name))
        await unlink(path.join(folder, entry.name)).catch(() => undefined);
  }
}

async function readManifest(output: string): Promise<Set<string>> {
  try {
    const parsed = JSON.parse(await readFile(path.join(output, MANIFEST), 'utf8')) as { files?: unknown };
    return new Set(Array.isArray(parsed.files) ? parsed.files.filter((f): f is string => typeof f === 'string') : []);
  } catch {
    return new Set();
  }
}

/** What the run may write in the output folder, and the record of what it wrote. */
export interface OutputFolder {
  /** The folder (real path). */
  output: string;
  /** Replace only what an earlier run recorded or this run wrote; never a file inside --materials. */
  mayReplace: ReplacePolicy;
  /** Write a whole file atomically, and record it. */
  write(file: string, content: string | Uint8Array): Promise<void>;
  /** Record a file written another way (a fixed copy, a committed temp file). */
  record(file: string): void;
  /** A file's path relative to the output folder, with forward slashes (as the reports link it). */
  relative(file: string): string;
  /**
   * Before any work: record what this run will write (each applicant's pages, its fixed-copy
   * folder), so a run cut short (disk full, kill -9) leaves a manifest the next run can trust.
   * A page of this run already there and not shegong's stops the run now, with the one thing to do.
   */
  plan(pages: string[], fixedFolders: string[]): Promise<void>;
  /**
   * Remove what earlier runs wrote under reports/ and fixed/ that this run did not write (another
   * roster's pages, applicants this run did not reach): the folder then holds what its summary
   * lists. Never a file inside --materials. Returns how many files were removed.
   */
  removeStale(): Promise<number>;
  /** The manifest: what this run wrote here and earlier runs' files still there, so a later run may replace exactly those. */
  writeManifest(): Promise<void>;
}

/**
 * Open the output folder's write policy. The summary files are judged first: one that is there
 * and not shegong's stops the run before any work (`dir` names the folder as the user gave it).
 */
export async function openOutputFolder(
  output: string,
  dir: string,
  materialsReal: string | undefined,
): Promise<OutputFolder> {
  // Only files an earlier run recorded may be replaced; never one inside --materials.
  const previous = await readManifest(output);
  const written = new Set<string>();
  const relative = (file: string) => path.relative(output, path.resolve(file)).split(path.sep).join('/');
  const insideMaterials = (real: string) =>
    materialsReal !== undefined && (real === materialsReal || real.startsWith(materialsReal + path.sep));
  // A fixed-copy folder this run made is recorded as `fixed/<row key>/`: everything in it is shegong's.
  const inRecordedFolder = (file: string, recorded: Set<string>) => {
    const parts = file.split('/');
    return parts.length === 3 && parts[0] === 'fixed' && recorded.has(`fixed/${parts[1]}/`);
  };
  const recorded = (file: string) => previous.has(file) || written.has(file) || inRecordedFolder(file, previous);
  const mayReplace: ReplacePolicy = (real) => !insideMaterials(real) && recorded(relative(real));
  const manifest = (files: Iterable<string>) =>
    writeAtomic(
      path.join(output, MANIFEST),
      `${JSON.stringify({ schema: 'shegong.manifest/v1', files: [...new Set(files)].sort() })}\n`,
    );
  /** What the final manifest keeps besides this run's writes: earlier runs' files still there (set by removeStale). */
  let kept = new Set<string>(previous);
  /** The summaries are being finished: what this run writes from now on is not in them. */
  let sealed = false;
  for (const name of SUMMARY_FILES) {
    await judgeTarget(path.join(output, name), mayReplace).catch((error: unknown) => {
      if (error instanceof WriteRefused && error.reason === 'exists')
        throw new UserError('error.batch-output-exists', { file: path.join(dir, name) });
      throw error;
    });
  }
  return {
    output,
    mayReplace,
    relative,
    record: (file) => written.add(relative(file)),
    async write(file, content) {
      await writeAtomic(file, content, mayReplace);
      // A page of an applicant abandoned by a second Ctrl-C, landing after the summaries: not in
      // them, so not left behind (a rerun would find a page no manifest lists).
      if (sealed) await unlink(file).catch(() => undefined);
      else written.add(relative(file));
    },
    async plan(pages, fixedFolders) {
      const present = async (sub: string) => new Set(await readdir(path.join(output, sub)).catch(() => []));
      const [inReports, inFixed] = await Promise.all([present('reports'), present('fixed')]);
      // Only recorded in the manifest, not kept in memory (20,000 rows are 40,000 names): a page
      // this run writes for the first time needs no permission (nothing is there), and a run cut
      // short leaves a manifest under which the next run may replace or remove what it wrote.
      for (const page of pages)
        if (!previous.has(page) && inReports.has(page.slice('reports/'.length)))
          throw new UserError('error.batch-output-exists', { file: path.join(dir, ...page.split('/')) });
      await manifest([
        ...previous,
        ...pages,
        // The summary files were judged when the folder was opened: absent, or an earlier run's.
        ...SUMMARY_FILES,
        ...fixedFolders.filter((folder) => !inFixed.has(folder.slice('fixed/'.length))).map((folder) => `${folder}/`),
      ]);
    },
    async removeStale() {
      sealed = true;
      let removed = 0;
      kept = new Set();
      const emptied = new Set<string>();
      for (const file of previous) {
        if (written.has(file) || (!file.startsWith('reports/') && !file.startsWith('fixed/'))) {
          kept.add(file);
          continue;
        }
        if (file.endsWith('/')) {
          emptied.add(file);
          continue;
        }
        const full = path.join(output, ...file.split('/'));
        if (insideMaterials(await realpath(full).catch(() => full))) {
          kept.add(file);
          continue;
        }
        try {
          await unlink(full);
          removed += 1;
          if (file.startsWith('fixed/')) emptied.add(`${file.split('/').slice(0, 2).join('/')}/`);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') kept.add(file);
        }
      }
      // A fixed-copy folder left empty goes too; one that still holds something stays (and is kept recorded if it was).
      for (const folder of emptied) {
        const full = path.join(output, ...folder.split('/'));
        const left = await readdir(full).catch(() => undefined);
        if (left === undefined) continue;
        if (left.length === 0 && !written.has(folder)) await rmdir(full).catch(() => undefined);
        else if (previous.has(folder)) kept.add(folder);
      }
      return removed;
    },
    writeManifest: () => manifest([...kept, ...written]),
  };
}
