/** What several commands read from their options: files by role, a materials folder, a role name, a free file name. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { FileInput } from '../files-io/probe-and-check.js';
import { guessRole } from '../files/guess-role.js';
import { en } from '../i18n/en.js';
import type { Messages } from '../i18n/messages.js';
import { UPLOAD_ROLES, type UploadRole } from '../model/rules.js';
import type { CheckOptions } from './options.js';

const FILE_FLAGS: [keyof CheckOptions, UploadRole][] = [
  ['photo', 'photo'],
  ['idFront', 'id-front'],
  ['idBack', 'id-back'],
  ['diploma', 'diploma'],
  ['workProof', 'work-proof'],
  ['socialSecurity', 'social-security'],
  ['residencePermit', 'residence-permit'],
];

/**
 * Files named by flags, then the rest of the roles found by name in --files DIR; `strays` are the
 * folder's files no name fits (listed in the report, never silently dropped).
 */
export async function fileInputs(flags: CheckOptions): Promise<{ inputs: FileInput[]; strays: string[] }> {
  const inputs: FileInput[] = FILE_FLAGS.filter(([flag]) => typeof flags[flag] === 'string').map(([flag, role]) => ({
    path: String(flags[flag]),
    role,
  }));
  if (flags.files) {
    const folder = await stat(flags.files).catch(() => undefined);
    if (!folder) throw new UserError('error.not-found', { file: flags.files });
    if (!folder.isDirectory()) throw new UserError('error.not-folder', { file: flags.files });
    const { found, unknown } = await materialsIn(flags.files);
    inputs.push(...found.filter((f) => !inputs.some((i) => i.role === f.role)));
    return { inputs, strays: unknown };
  }
  return { inputs, strays: [] };
}

/**
 * The files in a materials folder, by role from their names (filesInFolder). A folder with no file
 * in it is a mistake to correct (exit 2), never "0 failed" and exit 0; its subfolders are not looked
 * into, and the first is named, as the folder the user may have meant.
 */
export async function materialsIn(folder: string, options: { everyFile?: boolean } = {}) {
  const { filesInFolder } = await import('../files-io/probe-and-check.js');
  const listing = filesInFolder(folder, options);
  const { found, unknown, subfolders } = listing;
  if (found.length + unknown.length > 0) return listing;
  throw subfolders.length
    ? new UserError('error.folder-no-files', { dir: folder, count: String(subfolders.length), example: subfolders[0]! })
    : new UserError('error.folder-empty', { dir: folder });
}

/** `--as photo`, `--as 照片`, `--as 身份证正面`, `--as PHOTO`: a role in either language. */
export function parseRole(raw: string | undefined, messages: Messages): UploadRole | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim().toLowerCase().replace(/_/g, '-');
  if ((UPLOAD_ROLES as readonly string[]).includes(value)) return value as UploadRole;
  const named = UPLOAD_ROLES.find((role) =>
    [messages.labels.role[role], en.labels.role[role]].some((label) => label?.toLowerCase() === value),
  );
  const role = named ?? (value ? guessRole(value) : undefined);
  if (role) return role;
  throw new UserError('error.role', {
    value: raw,
    roles: UPLOAD_ROLES.map((r) => `${r}（${messages.labels.role[r]}）`).join('、'),
  });
}

const exists = async (file: string) => Boolean(await stat(file).catch(() => undefined));

/** `照片.fixed.jpg` taken → `照片.fixed-2.jpg`, `-3` …: never write over a file the user did not name for it. */
export async function freeName(target: string): Promise<string> {
  if (!(await exists(target))) return target;
  const ext = path.extname(target);
  const stem = target.slice(0, target.length - ext.length);
  for (let n = 2; ; n += 1) {
    const candidate = `${stem}-${n}${ext}`;
    if (!(await exists(candidate))) return candidate;
  }
}
