/**
 * The user's data packs: where an imported pack lives, which pack a run uses, and installing one.
 * Lookup order: the imported pack (in the config folder) when it verifies and is not older than
 * the bundled one, else the bundled templates/. A pack that no longer verifies is ignored, and
 * `data status` says so.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Problem } from '../errors.js';
import type { Calendar } from '../model/calendar.js';
import type { PackContent, PackInfo, PackManifest } from '../model/pack.js';
import { readRegular } from '../io/safe-read.js';
import { writeSafe } from '../io/safe-write.js';
import { trustedKeys } from '../packs/keys.js';
import { compareVersions, openSignedPack, publishedThrough } from '../packs/pack-format.js';
import { readBundledManifest } from '../packs/read-templates.js';
import { BUNDLED, type DataSource, packSource } from '../templates/data-source.js';

/** A pack file larger than this is not one of ours. */
export const MAX_PACK_BYTES = 8 * 1024 * 1024;

/**
 * The config folder, as conf (profile-store.ts) finds it: SHEGONG_CONFIG_DIR, else env-paths'
 * config folder for "shegong" with no suffix. Computed here so a run need not load conf.
 */
export function configDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.SHEGONG_CONFIG_DIR) return env.SHEGONG_CONFIG_DIR;
  const home = homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Preferences', 'shegong');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'shegong', 'Config');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'shegong');
}

export const installedPackPath = () => path.join(configDir(), 'data', 'pack.json');
/** Which tool version last validated the installed pack, and the pack's hash: re-validated only when either changes. */
const validatedPath = () => path.join(configDir(), 'data', 'validated.json');

const toolVersion = async (): Promise<string> => {
  const text = await readFile(new URL('../../package.json', import.meta.url), 'utf8').catch(() => '{}');
  return String((JSON.parse(text) as { version?: string }).version ?? '');
};
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function alreadyValidated(hash: string): Promise<boolean> {
  try {
    const text = new TextDecoder().decode(await readRegular(validatedPath(), 4096));
    const seen = JSON.parse(text) as { tool?: string; sha256?: string };
    return seen.sha256 === hash && seen.tool === (await toolVersion());
  } catch {
    return false;
  }
}

export interface InstalledPack {
  file: string;
  content?: PackContent;
  /** SHA-256 of the file, to remember that this version validated it. */
  sha256?: string;
  /** Why the installed file is not used (it no longer verifies). */
  problem?: Problem;
}

/** The imported pack, if there is a file: verified, or the reason it is not. */
export async function readInstalledPack(): Promise<InstalledPack | undefined> {
  const file = installedPackPath();
  let bytes: Uint8Array;
  try {
    bytes = await readRegular(file, MAX_PACK_BYTES);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { file, problem: { key: 'pack.unreadable', args: { reason: (error as NodeJS.ErrnoException).code ?? '' } } };
  }
  const opened = openSignedPack(bytes, trustedKeys());
  return opened.ok ? { file, content: opened.content, sha256: sha256(bytes) } : { file, problem: opened.problem };
}

export interface ActiveData {
  source: DataSource;
  manifest: PackManifest;
  bundled: PackManifest;
  installed?: InstalledPack;
}

/** The pack this run uses. */
export async function activeData(): Promise<ActiveData> {
  const [bundled, installed] = await Promise.all([readBundledManifest(), readInstalledPack()]);
  const imported = installed?.content;
  if (imported && compareVersions(imported.manifest.version, bundled.version) >= 0) {
    // Checked against this version's schemas once (then remembered): a pack imported before an
    // upgrade may lack a rule the new code reads. Then the bundled data is used, and `data status`
    // says why.
    const use = { source: packSource(imported), manifest: imported.manifest, bundled, installed };
    if (installed.sha256 && (await alreadyValidated(installed.sha256))) return use;
    const { validatePackContent } = await import('../packs/validate-pack.js');
    const problem = validatePackContent(imported)[0];
    if (!problem) {
      await rememberValidated(installed.sha256);
      return use;
    }
    return { source: BUNDLED, manifest: bundled, bundled, installed: { file: installed.file, problem } };
  }
  return { source: BUNDLED, manifest: bundled, bundled, ...(installed ? { installed } : {}) };
}

/** What a report states about the data it rests on. */
export function packInfo(active: ActiveData, calendar: Calendar): PackInfo {
  const { version, checked, expires, examYear } = active.manifest;
  return {
    version,
    checked,
    expires,
    examYear,
    origin: active.source.origin,
    publishedThrough: publishedThrough(calendar),
  };
}

/** Write a verified pack file into the config folder: all or nothing (safe-write's temp + rename). */
export async function installPackBytes(bytes: Uint8Array): Promise<string> {
  const written = await writeSafe(installedPackPath(), bytes, { replace: 'always' });
  await rememberValidated(sha256(bytes));
  return written;
}

/** Best effort: a folder that cannot take the note only costs the check again next run. */
async function rememberValidated(hash: string | undefined): Promise<void> {
  if (!hash) return;
  const note = JSON.stringify({ tool: await toolVersion(), sha256: hash });
  await writeSafe(validatedPath(), note, { replace: 'always' }).catch(() => undefined);
}
