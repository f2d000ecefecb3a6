/**
 * Where the generated test images live between runs. vitest's globalSetup (test/make-fixtures.ts)
 * draws every image in CATALOGUE once into a folder named by a hash of the generator's source, this
 * file's and sharp's and libvips' versions, so a change to any of them draws afresh and an old
 * folder is never read. makePhoto and makeScan read from there; options not in the catalogue are
 * drawn in the test's own process, as before.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

export type ImageKind = 'photo' | 'scan';

/** The images the tests draw (test/files/checks, sharpness-split, cli/launcher, batch/batch-cli). */
export const CATALOGUE: { kind: ImageKind; options: Record<string, unknown> }[] = [
  ...[
    {},
    { seal: true },
    { seal: false },
    { quality: 70 },
    { seal: true, blur: 4 },
    { seal: true, brightness: 0.3 },
    { width: 3000, height: 4000 },
    { width: 3000, height: 4000, blur: 4 },
    { width: 3024, height: 4032, seal: true },
    { width: 3024, height: 4032, seal: true, blur: 6 },
    { width: 1011, height: 638 },
    { width: 1011, height: 638, blur: 2 },
    { width: 700, height: 442 },
    { width: 300, height: 190 },
  ].map((options) => ({ kind: 'scan' as const, options })),
  ...[
    { texture: 24 },
    { width: 413, height: 578, texture: 24 },
    { width: 700, height: 560, texture: 24 },
    { background: '#4a86d8', texture: 24 },
    { grey: true, width: 413, height: 578, texture: 24 },
    { offset: 0.22, width: 413, height: 578, texture: 24 },
    { width: 200, height: 280 },
    { width: 295, height: 413, texture: 0, quality: 60 },
    { width: 100, height: 140 },
  ].map((options) => ({ kind: 'photo' as const, options })),
];

const here = path.dirname(fileURLToPath(import.meta.url));

/** The same options in any key order name the same file. */
export function fixtureName(kind: ImageKind, options: object): string {
  const sorted = Object.fromEntries(Object.entries(options).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${kind}-${createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 16)}.jpg`;
}

function generatorHash(): string {
  const hash = createHash('sha256');
  for (const file of ['make-images.ts', 'fixture-cache.ts']) hash.update(readFileSync(path.join(here, file)));
  hash.update(JSON.stringify(sharp.versions));
  return hash.digest('hex').slice(0, 16);
}

export const FIXTURE_ROOT = path.resolve(here, '../../node_modules/.cache/shegong/fixtures');
/** Complete or absent: the setup writes a temporary folder and renames it here. */
export const FIXTURE_DIR = path.join(FIXTURE_ROOT, generatorHash());

/** The cached image for these options, or undefined when the catalogue does not hold it. */
export function cachedImage(kind: ImageKind, options: object): Buffer | undefined {
  const file = path.join(FIXTURE_DIR, fixtureName(kind, options));
  return existsSync(file) ? readFileSync(file) : undefined;
}
