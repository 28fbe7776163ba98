import { defineConfig } from 'vitest/config';

// One server and real browsers: tests run one after another, and slowly on a 2-core CI machine.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
  },
});
