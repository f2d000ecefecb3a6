import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The photo models run on real photos in their own suite, `npm run test:models`
 * (vitest.models.config.ts; CI runs it after `npm test`): those two files took about 30 s of the
 * default run's CPU, which kept `npm test` over its 60 s budget on a 2-core machine. One of them
 * alone: `npx vitest run --config vitest.models.config.ts test/files/photo-fix.test.ts`.
 */
export const modelSuite = [
  'test/files/photo-fix.test.ts',
  'test/hostile/fuzz.test.ts',
  'test/bench/rules-work.test.ts',
];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...modelSuite],
    // The photo models off for CLI runs (each in-process run would load them afresh: vitest's CPU
    // 110 → 85 s); test/cli/photo-models-cli.test.ts turns them on, test/files/photo-ml.test.ts tests
    // them directly, and the model suite (above) runs them on real photos and the fuzz sample.
    env: { FORCE_COLOR: '0', NO_COLOR: '1', SHEGONG_ML: 'off' },
    testTimeout: 20000,
    // Forks (test/helpers/run-in-process.ts runs the CLI in the worker and may chdir, which worker
    // threads cannot; signal and stream tests want a real process), not isolated: a fork runs many
    // files, so Node, vitest and sharp start three times instead of once per file (measured: vitest
    // 50 s → 38 s wall, 96 → 74 s CPU). Files that change process-wide module state restore it in
    // afterAll (the photo models' on/off switch); the in-process CLI runs re-import the source
    // modules for each run anyway. Three forks on two cores: many tests wait on processes and timers.
    pool: 'forks',
    isolate: false,
    maxWorkers: 3,
  },
});
