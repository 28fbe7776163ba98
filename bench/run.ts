/**
 * npm run bench [-- --only=http,report,import,list,cases,underload,mixed,audit,directory] (mixed only when named) — speed is measured here, never asserted in tests.
 * Sizes: BENCH_HTTP_SECONDS (10), BENCH_REPORT_PG (1000000), BENCH_REPORT_PGLITE (100000),
 * BENCH_IMPORT_PG (100000), BENCH_IMPORT_PGLITE (20000), BENCH_LIST_PG (1000000),
 * BENCH_LIST_PGLITE (100000). BENCH_UNDER_LOAD_PGLITE (200000),
 * BENCH_UNDER_LOAD_PG (100000), BENCH_AUDIT_PG and BENCH_AUDIT_PGLITE (100000), BENCH_DIRECTORY_PG and BENCH_DIRECTORY_PGLITE (20000). docs/benchmarks.md has the results.
 */
import os from 'node:os';
import { machine, printMachine } from './machine.js';
import { startPostgres, type PgServer } from './postgres.js';
import { openTarget, type Engine, type Target } from './common.js';
import { benchContactsHttp, printHttp } from './contacts-http.js';
import { benchReport, printReport } from './report.js';
import { benchImport, printImport } from './import.js';
import { benchContactList, printList } from './contact-list.js';
import { benchCaseList, printCaseList } from './case-list.js';
import { benchImportUnderLoad, printUnderLoad } from './import-under-load.js';
import { benchMixed, printMixed } from './mixed.js';
import { benchAuditVerify, printAuditVerify } from './audit-verify.js';
import { benchDirectorySearch, printDirectorySearch } from './directory/search.js';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
// The full shift is long (a 1 M-row load, nine runs): only when asked for by name.
const wanted = (name: string) => (!only ? name !== 'mixed' : only.includes(name));

/** Runs one benchmark on a fresh database and prints it; a failure is printed and the run goes on. */
async function onTarget<T>(engine: Engine, server: PgServer | null, name: string, fn: (t: Target) => Promise<T>, print: (r: T) => void) {
  let t: Target | null = null;
  try {
    t = await openTarget(engine, server, name);
    print(await fn(t));
  } catch (err) {
    failures++;
    console.log(`  ${engine.padEnd(8)} FAILED: ${err instanceof Error ? err.message : String(err)} (BENCH_LOG=1 shows the app's log)`);
  } finally {
    await t?.close();
  }
}
let failures = 0;

async function main() {
  const started = Date.now();
  const server = await startPostgres();
  try {
    printMachine(machine(server.version));
    console.log(`  Load avg    ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at start (the machine may be shared: see "other processes" below)`);
    console.log(`  PG server   ${server.settings}; app pool max 20 (src/db/connection.ts)\n`);

    if (wanted('http')) {
      const seconds = num('BENCH_HTTP_SECONDS', 10);
      console.log('1. POST /api/contacts over HTTP (autocannon in a worker thread, one counsellor session, 8 rotating bodies)');
      await onTarget('pglite', null, 'http', (t) => benchContactsHttp(t, { connections: 4, seconds }), printHttp);
      for (const connections of (process.env.BENCH_HTTP_CONNECTIONS ?? '16,32').split(',').map(Number)) {
        await onTarget('postgres', server, `http${connections}`, (t) => benchContactsHttp(t, { connections, seconds }), printHttp);
      }
      console.log();
    }
    if (wanted('report')) {
      console.log('2. Annual report (kors-pa-halsen, one year; analyst; suppress off)');
      await onTarget('postgres', server, 'report', (t) => benchReport(t, num('BENCH_REPORT_PG', 1_000_000), console.log), printReport);
      await onTarget('pglite', null, 'report', (t) => benchReport(t, num('BENCH_REPORT_PGLITE', 100_000), console.log), printReport);
      console.log();
    }
    if (wanted('import')) {
      console.log('3. POST /api/imports?format=csv (one file, all-or-nothing, as admin)');
      await onTarget('postgres', server, 'import', (t) => benchImport(t, num('BENCH_IMPORT_PG', 100_000)), (r) => printImport(r, 'postgres'));
      await onTarget('pglite', null, 'import', (t) => benchImport(t, num('BENCH_IMPORT_PGLITE', 20_000)), (r) => printImport(r, 'pglite'));
      console.log();
    }
    if (wanted('list')) {
      console.log('4. GET /api/contacts as a coordinator: pages by key, filters, summary search (the plan\'s indexes)');
      await onTarget('postgres', server, 'list', (t) => benchContactList(t, num('BENCH_LIST_PG', 1_000_000), console.log), printList);
      await onTarget('pglite', null, 'list', (t) => benchContactList(t, num('BENCH_LIST_PGLITE', 100_000), console.log), printList);
    }
    if (wanted('directory')) {
      console.log('9. Directory search: nDCG@10 of the relevance set on the real content, then searches on 20 000 services (issue 10: p95 < 20 ms on PostgreSQL)');
      await onTarget('postgres', server, 'directory', (t) => benchDirectorySearch(t, num('BENCH_DIRECTORY_PG', 20_000), console.log), printDirectorySearch);
      await onTarget('pglite', null, 'directory', (t) => benchDirectorySearch(t, num('BENCH_DIRECTORY_PGLITE', 20_000), console.log), printDirectorySearch);
      console.log();
    }
    if (wanted('cases')) {
      console.log('8. GET /api/cases: a caseworker\'s and a coordinator\'s caseload, pages by key with their total (issue 9: p95 < 30 ms at 100 000 cases on PostgreSQL)');
      await onTarget('postgres', server, 'cases', (t) => benchCaseList(t, num('BENCH_CASES_PG', 100_000), console.log), printCaseList);
      await onTarget('pglite', null, 'cases', (t) => benchCaseList(t, num('BENCH_CASES_PGLITE', 100_000), console.log), printCaseList);
      console.log();
    }
    if (wanted('underload')) {
      console.log('5. Registrations and page loads while a large import runs (issue 6: p99 of registrations < 1 s on PGlite)');
      await onTarget('pglite', null, 'underload', (t) => benchImportUnderLoad(t, num('BENCH_UNDER_LOAD_PGLITE', 200_000)), printUnderLoad);
      await onTarget('postgres', server, 'underload', (t) => benchImportUnderLoad(t, num('BENCH_UNDER_LOAD_PG', 100_000)), printUnderLoad);
      console.log();
    }
    if (wanted('mixed')) {
      console.log('6. A full shift: counsellors register, list, open and (every tenth loop) see the dashboard, on PostgreSQL (issue 8)');
      try {
        await benchMixed(server, printMixed);
      } catch (err) {
        failures++;
        console.log(`  FAILED: ${err instanceof Error ? err.message : String(err)}`);
      }
      console.log();
    }
    if (wanted('audit')) {
      console.log('7. GET /api/audit/verify on a long audit log while /healthz is asked back to back (issue 8, point 4)');
      await onTarget('postgres', server, 'audit', (t) => benchAuditVerify(t, num('BENCH_AUDIT_PG', 100_000)), printAuditVerify);
      await onTarget('pglite', null, 'audit', (t) => benchAuditVerify(t, num('BENCH_AUDIT_PGLITE', 100_000)), printAuditVerify);
      console.log();
    }
  } finally {
    server.stop();
  }
  console.log(`Total ${((Date.now() - started) / 1000).toFixed(0)} s${failures ? `, ${failures} failed` : ''}`);
}

main().then(
  () => process.exit(failures ? 1 : 0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
