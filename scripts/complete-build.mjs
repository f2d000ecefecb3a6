#!/usr/bin/env node
/**
 * Run by `npm test` and `npm run test:models` before their `tsc -b`. tsc -b judges the build
 * project up to date from its tsbuildinfo (node_modules/.cache/shegong/build.tsbuildinfo) and the
 * sources alone: with dist/ or the declarations deleted it would report no change, or emit only
 * the files that changed, and the tests that spawn bin/shegong.js would run an incomplete dist.
 * When any source's .js or .d.ts is missing this removes that tsbuildinfo, so tsc -b builds
 * everything, as `--force` did on every run (10 s of CPU), for a case this check finds in
 * milliseconds.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildInfo = path.join(root, 'node_modules', '.cache', 'shegong', 'build.tsbuildinfo');
const types = path.join(root, 'node_modules', '.cache', 'shegong', 'types');

const missing = readdirSync(path.join(root, 'src'), { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  .map((file) => file.slice(0, -'.ts'.length))
  .find(
    (stem) => !existsSync(path.join(root, 'dist', `${stem}.js`)) || !existsSync(path.join(types, `${stem}.d.ts`)),
  );

if (missing !== undefined && existsSync(buildInfo)) {
  console.error(`complete-build: src/${missing}.ts has no output in dist/ or its declarations; building everything`);
  rmSync(buildInfo);
}
