/**
 * Where the data files come from: the bundled templates/ folder, or a pack already verified and
 * held in memory (an imported one). Every loader reads through a source, so the lookup order is
 * decided once, by the shell.
 */
import type { PackContent, PackFile, PackManifest, PackOrigin } from '../model/pack.js';
import { readJson } from './read-json.js';
import { templatePath } from './templates-dir.js';

export interface DataSource {
  origin: PackOrigin;
  /** The pack's manifest when the source knows it (an imported pack); the bundled one is read on demand. */
  manifest?: PackManifest;
  read(file: PackFile): Promise<unknown>;
}

export const BUNDLED: DataSource = {
  origin: 'bundled',
  read: (file) => readJson(templatePath(file), file.startsWith('rules/') ? 'error.rules-unreadable' : undefined),
};

/** A verified pack's files, served from memory (copies, so no caller can change the pack). */
export function packSource(content: PackContent): DataSource {
  return {
    origin: 'imported',
    manifest: content.manifest,
    read: async (file) => structuredClone(content.files[file]),
  };
}
