/**
 * Generated test images kept between runs: drawn the first time a test asks for them, then read from
 * node_modules/.cache/shegong/fixtures/<hash>/, where the hash covers the generator's source (this
 * file and make-images.ts) and sharp's and libvips' versions, so a change to any of them draws
 * afresh and an old image is never read. Each image is written to a temporary name and renamed, so
 * a fork reading it, or another fork or run drawing the same one at the same time, never sees half
 * of it (both write the same bytes). Drawn where it is first needed, in whichever fork, rather than
 * in a globalSetup: a fresh clone (CI) would otherwise draw them all before any test starts.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const here = path.dirname(fileURLToPath(import.meta.url));

function generatorHash(): string {
  const hash = createHash('sha256');
  for (const file of ['make-images.ts', 'fixture-cache.ts']) hash.update(readFileSync(path.join(here, file)));
  hash.update(JSON.stringify(sharp.versions));
  return hash.digest('hex').slice(0, 16);
}

const ROOT = path.resolve(here, '../../node_modules/.cache/shegong/fixtures');
const DIR = path.join(ROOT, generatorHash());

/** The same options in any key order name the same file. */
function fixtureName(kind: string, options: object): string {
  const sorted = Object.fromEntries(Object.entries(options).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${kind}-${createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 16)}.jpg`;
}

/** The image for these options from the cache, or drawn and then cached. */
export async function cachedImage(kind: string, options: object, draw: () => Promise<Buffer>): Promise<Buffer> {
  const file = path.join(DIR, fixtureName(kind, options));
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const bytes = await draw();
  // Whoever creates this generator's folder removes the older generators' (nothing reads them).
  if (mkdirSync(DIR, { recursive: true }) !== undefined) {
    for (const name of readdirSync(ROOT)) {
      if (name !== path.basename(DIR)) rmSync(path.join(ROOT, name), { recursive: true, force: true });
    }
  }
  const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
  return bytes;
}
