/**
 * vitest globalSetup: draws the catalogue's images once (test/helpers/fixture-cache.ts) instead of
 * in every test file's beforeAll on every run. Written to a temporary folder beside the cache and
 * renamed into place, so no fork, and no other vitest run at the same time, sees half of it; if
 * another run renamed first, its copy is kept (the same hash, the same bytes).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOGUE, FIXTURE_DIR, FIXTURE_ROOT, fixtureName } from './helpers/fixture-cache.js';
import { drawPhoto, drawScan } from './helpers/make-images.js';

export default async function setup(): Promise<void> {
  if (existsSync(FIXTURE_DIR)) return;
  mkdirSync(FIXTURE_ROOT, { recursive: true });
  const tmp = mkdtempSync(`${FIXTURE_DIR}.tmp-`);
  try {
    // Two at a time: libvips' threads and the JavaScript noise loop share the cores.
    const queue = [...CATALOGUE];
    const worker = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        const bytes = item.kind === 'scan' ? await drawScan(item.options) : await drawPhoto(item.options);
        writeFileSync(path.join(tmp, fixtureName(item.kind, item.options)), bytes);
      }
    };
    await Promise.all([worker(), worker()]);
    try {
      renameSync(tmp, FIXTURE_DIR);
    } catch (error) {
      if (!existsSync(FIXTURE_DIR)) throw error;
    }
    // Folders of older generators (nothing reads them any more), and temporary ones an interrupted
    // run left over an hour ago.
    for (const name of readdirSync(FIXTURE_ROOT)) {
      const old = path.join(FIXTURE_ROOT, name);
      if (old === FIXTURE_DIR || old === tmp) continue;
      if (name.includes('.tmp-') && Date.now() - statSync(old).mtimeMs < 3_600_000) continue;
      rmSync(old, { recursive: true, force: true });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
