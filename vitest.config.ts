import { defineConfig } from 'vitest/config';
import { PATIENCE_MS } from './src/test/wait.ts';

export default defineConfig({
  test: {
    // The web app's own logic (pure functions) is tested here too; its pages in a real browser (e2e/).
    include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['src/test/global-setup.ts'],
    // Room on a busy shared machine (src/test/wait.ts); tests that start processes ask for PROCESS_TEST_MS.
    testTimeout: PATIENCE_MS,
    hookTimeout: PATIENCE_MS,
    // expect.poll waits for a condition with the same room (its default, 1 s, is a fixed sleep by another name).
    expect: { poll: { timeout: PATIENCE_MS } },
    // Two cores: more workers than that only makes PGlite files wait for each other.
    maxWorkers: 2,
    pool: 'forks',
  },
});
