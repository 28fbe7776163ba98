import { defineConfig } from 'vitest/config';
import { PATIENCE_MS, PROCESS_TEST_MS } from '../src/test/wait.ts';

// One server and real browsers: tests run one after another, and slowly on a 2-core CI machine.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    // Every test drives a browser against a server process: the room of a test that starts processes.
    testTimeout: PROCESS_TEST_MS,
    hookTimeout: PROCESS_TEST_MS,
    // expect.poll waits for a condition with the same room (its default, 1 s, is a fixed sleep by another name).
    expect: { poll: { timeout: PATIENCE_MS } },
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
  },
});
