/**
 * The maintainer's path from templates/ to a signed pack: read the folder, validate it (the same
 * checks an import makes), sign. Used by scripts/build-pack.mjs and by the tests, which sign with
 * a throwaway key. Returns the pack file's text, or the problems that stop it.
 */
import type { KeyObject } from 'node:crypto';
import type { Problem } from '../errors.js';
import type { PackContent } from '../model/pack.js';
import { signPack } from './pack-format.js';
import { readTemplatesPack } from './read-templates.js';
import { validatePackContent } from './validate-pack.js';

export type BuiltPack = { ok: true; text: string; content: PackContent } | { ok: false; problems: Problem[] };

export function buildPackFrom(content: PackContent, privateKey: KeyObject | string): BuiltPack {
  const problems = validatePackContent(content);
  if (problems.length) return { ok: false, problems };
  return { ok: true, text: `${JSON.stringify(signPack(content, privateKey), null, 1)}\n`, content };
}

export async function buildPack(templatesDir: string, privateKey: KeyObject | string): Promise<BuiltPack> {
  return buildPackFrom(await readTemplatesPack(templatesDir), privateKey);
}
