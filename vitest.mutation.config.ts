import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * The unit suite as Stryker runs it for each mutant. Left out: test files whose every test drives
 * a child process (`bin/brobygger.js start`, a lock contender). Stryker switches a mutant on only
 * inside the test process, so a child runs the unmutated code and these files can kill nothing;
 * they only add minutes (and flakiness on a busy machine) to the initial run.
 */
export default mergeConfig(base, defineConfig({
  test: {
    exclude: [
      'src/server/durability.test.ts',
      'src/modules/imports/kill.test.ts',
      'src/db/data-dir-lock.test.ts',
    ],
  },
}));
