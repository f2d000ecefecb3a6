/** The bundled pack: templates/data-pack.json and the files it covers, as one PackContent. */
import { PACK_FILES, type PackContent, type PackFile, type PackManifest } from '../model/pack.js';
import { readJson } from '../templates/read-json.js';
import { TEMPLATES_DIR } from '../templates/templates-dir.js';
import path from 'node:path';

export const MANIFEST_FILE = 'data-pack.json';

export async function readBundledManifest(dir = TEMPLATES_DIR): Promise<PackManifest> {
  return (await readJson(path.join(dir, MANIFEST_FILE))) as PackManifest;
}

/** Every file of a templates folder (the bundled one, or a maintainer's working copy). */
export async function readTemplatesPack(dir = TEMPLATES_DIR): Promise<PackContent> {
  const manifest = await readBundledManifest(dir);
  const entries = await Promise.all(
    PACK_FILES.map(async (file): Promise<[PackFile, unknown]> => [file, await readJson(path.join(dir, file))]),
  );
  return { manifest, files: Object.fromEntries(entries) as Record<PackFile, unknown> };
}
