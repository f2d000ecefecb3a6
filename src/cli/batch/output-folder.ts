/**
 * The batch's output folder: made and proven writable before any work, locked to one run, and
 * written only where an earlier run (its manifest) or this one wrote.
 */
import { mkdir, open, readFile, realpath, stat, unlink, writeFile } from 'node:fs/promises';
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
  /** The manifest: what this run and earlier ones wrote here, so a later run may replace exactly those. */
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
  const mayReplace: ReplacePolicy = (real) =>
    !insideMaterials(real) && (previous.has(relative(real)) || written.has(relative(real)));
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
      written.add(relative(file));
    },
    writeManifest: () =>
      writeAtomic(
        path.join(output, MANIFEST),
        `${JSON.stringify({ schema: 'shegong.manifest/v1', files: [...new Set([...previous, ...written])].sort() })}\n`,
      ),
  };
}
