import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    env: { FORCE_COLOR: '0', NO_COLOR: '1' },
    testTimeout: 20000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
