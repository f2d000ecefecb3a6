import { defineConfig } from 'vitest/config';
import base, { modelSuite } from './vitest.config.js';

/**
 * `npm run test:models`: the photo models on real photos (test/files/photo-fix.test.ts), the
 * fuzz sample with the models loaded (test/hostile/fuzz.test.ts) and the bench's lower bound
 * (test/bench/rules-work.test.ts). Kept out of `npm test` for its time budget; CI (.ci/run) runs
 * it after `npm test`. The default run's settings, these files only (vite's mergeConfig would concatenate the include and exclude lists, hence the spread).
 */
export default defineConfig({
  test: { ...base.test, include: modelSuite, exclude: [] },
});
