import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openDb, type Db } from '../db/connection.js';
import { loadInitialDirectory } from '../modules/directory/initial-content.js';
import { rebuildOutdatedSearchRows } from '../modules/directory/search/build-index.js';
import { directoryIndex } from '../modules/directory/search/memory-index.js';
import { migrateToLatest } from '../db/migrate.js';
import type { AppConfig } from '../config.js';
import { buildApp } from './app.js';
import { readHelplineFiles, syncHelplines, DEFAULT_HELPLINE_DIR } from '../modules/helplines/load-data.js';
import { chainHead, SEAL_BATCH, sealPending } from '../modules/audit/service.js';
import { createAnchorWriter, type AnchorWriter } from '../modules/audit/anchor-writer.js';
import { ensureAnchorFile } from '../modules/audit/anchor-file.js';
import { applyRetention } from '../modules/retention/service.js';
import { foldCountDeltasRun } from '../modules/stats/fold.js';
import { JobSummary, runJob } from './job-report.js';
import { findDamage } from '../db/integrity.js';
import { DamagedDatabaseError } from '../db/integrity-files.js';
import { recoverImports } from '../modules/imports/batch-steps.js';
import { engineOf } from '../db/connection.js';
import { closeChartPool } from '../modules/stats/chart-pool.js';
import { vacuumChurnOnPglite, vacuumDeltasAfterFold } from '../db/vacuum.js';
import { assertFieldKeys } from './crypto/field-keys.js';

export const WEB_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../dist/web');

/**
 * Opens the database, checks that it is whole, migrates it and loads the helpline files: what
 * every start does. A damaged database is closed again and reported, never served.
 */
export async function prepareDb(config: Pick<AppConfig, 'dataDir' | 'databaseUrl'>, helplineDir = DEFAULT_HELPLINE_DIR) {
  const { db, engine } = await openDb(config);
  const problems = await findDamage(db).catch((err: Error) => [`it cannot be read: ${err.message}`]);
  if (problems.length) {
    await db.destroy().catch(() => undefined);
    throw new DamagedDatabaseError(config.databaseUrl ? 'the PostgreSQL database' : `${config.dataDir}/pglite`, problems);
  }
  await migrateToLatest(db);
  await syncHelplines(db, readHelplineFiles(helplineDir));
  return { db, engine };
}

/**
 * Background jobs of a node: seal the audit chain, fold statistics deltas. A tick never overlaps
 * the previous one; across nodes, advisory locks let one node do each job at a time.
 */
/** Seal runs of SEAL_BATCH entries at most per tick of the jobs, before the fold gets its turn. */
const SEAL_RUNS_PER_TICK = 10;

export function startJobs(db: Db, app: FastifyInstance, everyMs = 2000, anchors: AnchorWriter = anchorWriterFor(app), summaryEveryMs = 60_000): () => void {
  let running = false;
  // Each job says what it did, or that another node held its lock: added up, a line a minute.
  const summary = new JobSummary(app.log, summaryEveryMs);
  const sealOutcome = (r: { sealed: number; lockHeld?: boolean }) => (r.lockHeld ? 'lock_held' : r.sealed ? 'done' : 'idle');
  const foldOutcome = (r: { moved: number; lockHeld?: boolean }) => (r.lockHeld ? 'lock_held' : r.moved ? 'done' : 'idle');
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      // Keep sealing while there is a backlog (full batches), up to 10 000 entries a tick; the head
      // this node wrote is anchored (decision 0024). Under load new entries arrive while sealing,
      // so "until none are left" never ended, and the fold below never ran: unfolded deltas piled
      // up and every report summed them (issue 8).
      const seal = () => runJob('audit_seal', () => sealPending(db), sealOutcome);
      for (let runs = 1, run = await seal(); ; runs++, run = await seal()) {
        summary.add(`audit_seal_${sealOutcome(run)}`);
        summary.add('audit_entries_sealed', run.sealed);
        if (run.sealed === 0) break;
        anchors.record(run.head);
        if (run.sealed < SEAL_BATCH || runs >= SEAL_RUNS_PER_TICK) break;
      }
      await anchors.tick();
      const fold = await runJob('stats_fold', () => foldCountDeltasRun(db), foldOutcome);
      summary.add(`stats_fold_${foldOutcome(fold)}`);
      summary.add('stats_counts_folded', fold.moved);
      await vacuumDeltasAfterFold(db, fold.moved);
    } catch (err) {
      summary.add('failed');
      app.log.error({ err }, 'background job failed');
    } finally {
      // A tick that failed still counts in the minute's line: a job failing every tick is seen there too.
      summary.maybeWrite();
      running = false;
    }
  }, everyMs);
  timer.unref();
  // The damage check hourly (start ran it already, decision 0010): damage that appears while the
  // server runs turns /healthz red within the hour instead of being served as if whole.
  const checkHourly = setInterval(() => {
    runJob('damage_check', () => findDamage(db), (problems) => (problems.length ? 'done' : 'idle'))
      .then((problems) => {
        if (problems.length) app.log.error({ problems }, 'the database is damaged: see docs/operations.md');
        else app.log.info({ job: 'damage_check' }, 'damage check: the database is whole');
      })
      .catch((err) => app.log.error({ err }, 'damage check failed'));
  }, 3_600_000);
  checkHourly.unref();
  // Retention hourly (and soon after start): what is past its time is deleted within the hour.
  const retain = () => {
    runJob('retention', () => applyRetention(db, { sessionIdleMs: app.config.sessionIdleMs }), (r) => (r === null ? 'lock_held' : 'done'))
      .then(async (result) => {
        await vacuumChurnOnPglite(db);
        return result;
      })
      .then((result) => {
        // Numbers only: which helpline, how many summaries, histories and cases went.
        if (result === null) return app.log.info({ job: 'retention' }, 'retention: another node held its lock and applied it');
        for (const h of result.helplines) if (h.summariesBlanked || h.revisionsDeleted || h.casesAnonymised) app.log.info({ retention: h }, 'retention applied');
        app.log.info({ job: 'retention', helplines: result.helplines.length, remindersCreated: result.remindersCreated }, 'retention ran');
      })
      .catch((err) => app.log.error({ err }, 'retention failed'));
  };
  const first = setTimeout(retain, 5_000);
  const hourly = setInterval(retain, 3_600_000);
  first.unref();
  hourly.unref();
  // Imports cut short by a stopped process are taken back, undos finished (decision 0011): at
  // once on PGlite (one process per data directory), and on every node for batches silent 2 min.
  let recovering = false;
  const recover = (before: Date) => {
    if (recovering) return;
    recovering = true;
    runJob('import_recovery', () => recoverImports(db, before), (r) => (r.purged || r.undone ? 'done' : 'idle'))
      .then((r) => {
        summary.add('import_recovery_runs');
        if (r.purged || r.undone) app.log.info({ imports: r }, 'stopped imports recovered');
      })
      .catch((err) => app.log.error({ err }, 'import recovery failed'))
      .finally(() => { recovering = false; });
  };
  recover(engineOf(db) === 'pglite' ? new Date(Date.now() + 1000) : new Date(Date.now() - 120_000));
  const recovery = setInterval(() => recover(new Date(Date.now() - 120_000)), 60_000);
  recovery.unref();
  return () => {
    clearInterval(timer);
    clearTimeout(first);
    clearInterval(hourly);
    clearInterval(checkHourly);
    clearInterval(recovery);
  };
}

/** The audit anchors of a node: its log always, AUDIT_ANCHOR_FILE and AUDIT_ANCHOR_URL when set. */
export function anchorWriterFor(app: FastifyInstance): AnchorWriter {
  return createAnchorWriter({ file: app.config.auditAnchorFile, url: app.config.auditAnchorUrl, intervalMs: app.config.auditAnchorIntervalMs, log: app.log });
}

export async function startServer(config: AppConfig) {
  // An anchors file that cannot be written stops the start, not the first anchor an hour later.
  if (config.auditAnchorFile) await ensureAnchorFile(config.auditAnchorFile);
  const { db, engine } = await prepareDb(config);
  // Only a server fills an empty directory: a command such as `user create` changes nothing else.
  if (config.directoryInitialContent) await loadInitialDirectory(db, config.directoryInitialContent);
  await rebuildOutdatedSearchRows(db);
  // Encrypted values whose key is missing: refuse, before anything could write under a new key.
  await assertFieldKeys(db, config.keyFile).catch(async (err) => {
    await db.destroy();
    throw err;
  });
  const app = await buildApp({ db, config, webDir: WEB_DIR });
  const anchors = anchorWriterFor(app);
  const stopJobs = startJobs(db, app, 2000, anchors);
  await app.listen({ port: config.port, host: config.host });
  // The directory search's index is read now, not by the first person who searches.
  directoryIndex(db).current(db).catch((err: unknown) => app.log.error({ err }, 'directory index not read'));
  const shutdown = async () => {
    stopJobs();
    await app.close();
    await closeChartPool();
    // The last entries sealed, and the head anchored whatever the interval.
    await sealPending(db).catch(() => undefined);
    await chainHead(db).then((head) => anchors.flush(head)).catch((err) => app.log.error({ err }, 'audit anchor at shutdown failed'));
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return { app, db, engine };
}
