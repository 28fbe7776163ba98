import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../test/app.js';
import { PATIENCE_MS, waitFor } from '../test/wait.js';
import { startJobs } from './start.js';
import { buildApp } from './app.js';
import { loadConfig } from '../config.js';

const ctx = useTestApp(RK);
const unfolded = async () => Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM contact_count_deltas`.execute(ctx.t.db)).rows[0].n);

describe('background jobs under a steady stream of work', () => {
  it('fold the statistics deltas while audit entries keep arriving faster than one seal run', async () => {
    const { t, id } = ctx;
    const counsellor = await t.as('counsellor', [RK]);
    const res = await t.app.inject({
      method: 'POST', url: '/api/contacts', headers: { cookie: counsellor.cookie },
      payload: { helplineId: RK, channel: 'chat', kind: 'first_contact', startedAt: '2017-06-01T12:00:00+02:00', themes: [{ themeId: id('theme:tvangsekteskap') }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await unfolded()).toBeGreaterThan(0);
    // Every request writes an audit entry; a busy shift writes them without pause.
    let writing = true;
    const stream = (async () => {
      while (writing) {
        // Many requests' entries at a time: more arrive during one seal run than it seals.
        await sql`INSERT INTO audit_log (action, entity) SELECT 'test.busy', 'test' FROM generate_series(1, 500)`.execute(t.db);
        await new Promise((resolve) => setImmediate(resolve)); // as requests arrive: between other work
      }
    })();
    const stop = startJobs(t.db, t.app, 20);
    try {
      await waitFor(async () => (await unfolded()) === 0, { what: 'the deltas to be folded while entries keep arriving' });
    } finally {
      stop();
      writing = false;
      await stream;
    }
  });
});

describe('what the background jobs tell the log', () => {
  /** A node whose log lines the test reads; the jobs write their summary every `everyMs`. */
  async function nodeWithLog(everyMs: number) {
    const lines: Record<string, any>[] = [];
    const app = await buildApp({ db: ctx.t.db, config: loadConfig({ LOG_LEVEL: 'info' }), logStream: { write: (line: string) => { lines.push(JSON.parse(line)); } } });
    await app.ready();
    const stop = startJobs(ctx.t.db, app, 20, undefined, everyMs);
    return { lines, summaries: () => lines.filter((l) => l.msg === 'background jobs in the last minute').map((l) => l.jobs), close: async () => { stop(); await app.close(); } };
  }

  it('one line per interval says how many audit entries were sealed and how the fold went', async () => {
    await sql`INSERT INTO audit_log (action, entity) SELECT 'test.summary', 'test' FROM generate_series(1, 30)`.execute(ctx.t.db);
    const node = await nodeWithLog(100);
    try {
      // If it never comes, the failure says what the node logged instead (a job failing, say).
      await waitFor(() => node.summaries().some((j) => j.audit_entries_sealed >= 30 && j.audit_seal_done >= 1), { what: 'a summary line with the 30 entries sealed' })
        .catch((err: Error) => { throw new Error(`${err.message}; the node logged: ${JSON.stringify(node.lines.slice(-20))}`); });
      const line = node.summaries().find((j) => j.audit_entries_sealed >= 30)!;
      expect(Object.keys(line)).toEqual(expect.arrayContaining(['audit_seal_done', 'audit_entries_sealed', 'stats_counts_folded', 'seconds']));
      expect(line.stats_fold_done ?? line.stats_fold_idle).toBeGreaterThan(0);
    } finally {
      await node.close();
    }
  }, PATIENCE_MS + 30_000);

  it.skipIf(!process.env.TEST_DATABASE_URL)('say that another node held the sealing lock (PostgreSQL)', async () => {
    await ctx.t.db.connection().execute(async (conn) => {
      // Another node sealing: it holds the sealer's advisory lock (src/modules/audit/service.ts).
      await sql`SELECT pg_advisory_lock(727001)`.execute(conn);
      const node = await nodeWithLog(100);
      try {
        await waitFor(() => node.summaries().some((j) => j.audit_seal_lock_held >= 1), { what: 'a summary line saying the lock was held' });
      } finally {
        await node.close();
        await sql`SELECT pg_advisory_unlock(727001)`.execute(conn);
      }
    });
  });
});
