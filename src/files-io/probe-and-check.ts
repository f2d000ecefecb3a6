/** Probe and check many files with bounded concurrency; one bad file never stops the others. */
import path from 'node:path';
import type { FileResult } from '../model/report.js';
import type { RuleSet, UploadRole } from '../model/rules.js';
import { checkFile } from '../files/check-file.js';
import { guessRole, unknownRoleResult } from '../files/guess-role.js';
import { folderEntries } from './folder-entries.js';
import { mapLimit } from './map-limit.js';
import { FILE_TIME_LIMIT_MS, probeWithin } from './probe-file.js';

export interface FileInput {
  path: string;
  role?: UploadRole;
}

export async function checkOne(input: FileInput, ruleSet: RuleSet): Promise<FileResult> {
  const role = input.role ?? guessRole(path.basename(input.path));
  if (!role) return unknownRoleResult(input.path);
  const facts = await probeWithin(
    input.path,
    { role, roleFrom: input.role ? 'flag' : 'name', ruleSet },
    FILE_TIME_LIMIT_MS,
  );
  return checkFile(facts, ruleSet);
}

export const checkFiles = (inputs: FileInput[], ruleSet: RuleSet, concurrency = 4): Promise<FileResult[]> =>
  mapLimit(inputs, concurrency, (input) => checkOne(input, ruleSet));

/**
 * The files in a folder, by role from their names (照片.jpg, 身份证正面.png, diploma.pdf …): the
 * first of each role (one candidate's folder), or with `everyFile` each file a role fits (`files
 * DIR`: 500 photos are 500 checks, never one and silence). Subfolders are not looked into; they
 * are named in `subfolders`, so a folder one level too high can be told apart from an empty one.
 */
export function filesInFolder(
  folder: string,
  { everyFile = false }: { everyFile?: boolean } = {},
): { found: FileInput[]; unknown: string[]; subfolders: string[] } {
  const { files, subfolders } = folderEntries(folder);
  const found: FileInput[] = [];
  const unknown: string[] = [];
  for (const full of files) {
    const role = guessRole(path.basename(full));
    if (!role) unknown.push(full);
    else if (everyFile || !found.some((f) => f.role === role)) found.push({ path: full, role });
  }
  return { found, unknown, subfolders };
}
