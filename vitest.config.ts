import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The photo models off for CLI runs (each in-process run would load them afresh: vitest's CPU
    // 110 → 85 s); test/cli/photo-models-cli.test.ts and the fuzz sample turn them on, and
    // test/files/photo-ml.test.ts tests them directly.
    env: { FORCE_COLOR: '0', NO_COLOR: '1', SHEGONG_ML: 'off' },
    testTimeout: 20000,
    // Forks, isolated: test/helpers/run-in-process.ts runs the CLI in the worker and may chdir
    // (worker threads cannot), and signal and stream tests want a real process. Measured on this
    // 2-core machine: threads and isolate:false saved no more than the load noise, and isolate:false
    // failed a test file (module state shared across files).
    pool: 'forks',
    // Three on two cores: many tests wait on spawned processes, signals or timers rather than
    // compute (measured: vitest 65.7 s at two, 58.9 s at three, all passing).
    maxWorkers: 3,
  },
});
