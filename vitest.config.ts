import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    env: { FORCE_COLOR: '0', NO_COLOR: '1' },
    testTimeout: 20000,
    // Forks, isolated: test/helpers/run-in-process.ts runs the CLI in the worker and may chdir
    // (worker threads cannot), and signal and stream tests want a real process. Measured on this
    // 2-core machine: threads and isolate:false saved no more than the load noise, and isolate:false
    // failed a test file (module state shared across files).
    pool: 'forks',
    maxWorkers: 2,
  },
});
