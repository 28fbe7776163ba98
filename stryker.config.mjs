// @ts-check
/**
 * Mutation testing: Stryker changes the server code one small edit ("mutant") at a time and runs
 * the tests that cover that edit; a mutant no test notices is a behaviour no test pins down.
 *
 *   npm run test:mutation                         all five modules below (hours; see docs/testing.md)
 *   MUTATE_MODULES=audit npm run test:mutation     one module (or several: audit,auth)
 *
 * Each selection writes its own reports and incremental file under reports/mutation/<selection>/,
 * so a second run of the same selection only retests mutants in code or tests that changed.
 */
const ALL_MODULES = ['auth', 'audit', 'stats', 'contacts', 'imports'];

const modules = (process.env.MUTATE_MODULES ?? ALL_MODULES.join(','))
  .split(',').map((m) => m.trim()).filter(Boolean);
const unknown = modules.filter((m) => !/^[a-z-]+$/.test(m));
if (unknown.length > 0) throw new Error(`MUTATE_MODULES: not a module name: ${unknown.join(', ')}`);
const selection = modules.join('+');
const out = `reports/mutation/${selection}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  // Each mutant runs only the tests that reached it during the initial run.
  coverageAnalysis: 'perTest',
  mutate: [
    ...modules.map((m) => `src/modules/${m}/**/*.ts`),
    '!src/**/*.test.ts',
    // Test fixtures that live beside the code they feed.
    '!src/modules/imports/test-files.ts',
  ],
  // The sandbox copy needs the server code, the helpline files, the configs and docs/ (a test reads docs/import-format.md); not the web app.
  ignorePatterns: ['web', 'e2e', 'bench', 'docs/screenshots', 'reports', 'coverage', 'dist', '.tmp', 'data/pglite', '/data-*'],
  tempDirName: '.stryker-tmp',
  // Stryker would rewrite tsconfig.json's paths for the sandbox through the TypeScript 5 API, which
  // TypeScript 7 no longer has; ours has no extends or references to rewrite, so point it nowhere.
  tsconfigFile: 'no-tsconfig-rewrite.json',
  // Two cores shared by several sessions: one worker, measured in docs/testing.md.
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 1),
  // Tests start PGlite and sign in (argon2); a busy machine needs room before "timeout".
  timeoutMS: 30_000,
  // The initial run is most of the suite on one worker (the audit log is reached from every module).
  dryRunTimeoutMinutes: 40,
  timeoutFactor: 2,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false },
  htmlReporter: { fileName: `${out}/index.html` },
  jsonReporter: { fileName: `${out}/mutation.json` },
  incremental: true,
  incrementalFile: `${out}/stryker-incremental.json`,
  thresholds: { high: 80, low: 60, break: null },
};
