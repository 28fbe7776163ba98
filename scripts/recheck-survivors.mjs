#!/usr/bin/env node
/**
 * Re-tests Stryker's surviving mutants in a fresh Vitest process each, by writing the mutant into
 * the source file, running the named test files, and putting the file back.
 *
 * Why: Stryker's Vitest runner switches a mutant on while a test runs. Code that runs before that —
 * module-level tables such as the role table in src/shared/access.ts, and everything a test file's
 * beforeAll does (building the app registers every route) — always runs unmutated there, so such
 * mutants are reported as survivors although the tests would catch them. Here each mutant is in
 * the code from the process's start, as a real change would be.
 *
 *   node scripts/recheck-survivors.mjs reports/mutation/auth/mutation.json src/server/access-matrix.test.ts src/modules/auth/policy.test.ts
 *   ONLY=src/shared/access.ts node scripts/recheck-survivors.mjs …   (survivors of matching files only)
 *
 * Prints one line per mutant and a summary; writes <report dir>/rechecked.json. Run on a clean work
 * tree: each file is restored after its mutant, and checked against git at the end.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const [reportFile, ...testFiles] = process.argv.slice(2);
if (!reportFile || !testFiles.length) {
  console.error('usage: node scripts/recheck-survivors.mjs <mutation.json> <test file>…');
  process.exit(2);
}
const only = process.env.ONLY;
const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));

/** The source with the range [start, end) (1-based lines, 1-based columns as Stryker writes them) replaced. */
function applyMutant(source, { start, end }, replacement) {
  const lines = source.split('\n');
  const offset = (p) => lines.slice(0, p.line - 1).reduce((n, l) => n + l.length + 1, 0) + p.column - 1;
  return source.slice(0, offset(start)) + replacement + source.slice(offset(end));
}

const results = [];
for (const [file, data] of Object.entries(report.files)) {
  if (only && !file.includes(only)) continue;
  const original = fs.readFileSync(file, 'utf8');
  for (const m of data.mutants.filter((x) => x.status === 'Survived')) {
    const at = `${file}:${m.location.start.line}:${m.location.start.column}`;
    let killed;
    try {
      fs.writeFileSync(file, applyMutant(original, m.location, m.replacement));
      const run = spawnSync('npx', ['vitest', 'run', '--bail=1', ...testFiles], { encoding: 'utf8', timeout: 600_000, env: { ...process.env, CI: 'true' } });
      killed = run.status !== 0;
    } finally {
      fs.writeFileSync(file, original);
    }
    results.push({ at, mutator: m.mutatorName, replacement: m.replacement, killed });
    console.log(`${killed ? 'killed  ' : 'SURVIVED'} ${at} ${m.mutatorName} -> ${JSON.stringify(m.replacement).slice(0, 60)}`);
  }
}
const dirty = spawnSync('git', ['status', '--porcelain', ...Object.keys(report.files)], { encoding: 'utf8' }).stdout.trim();
if (dirty) console.error(`warning: files differ from git after the run:\n${dirty}`);
const killed = results.filter((r) => r.killed).length;
console.log(`\n${killed} of ${results.length} survivors killed when re-tested in a fresh process; ${results.length - killed} still survive.`);
fs.writeFileSync(path.join(path.dirname(reportFile), 'rechecked.json'), `${JSON.stringify(results, null, 2)}\n`);
