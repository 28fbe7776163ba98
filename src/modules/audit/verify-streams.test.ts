import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';
import { sealAudit, verifyAuditChain } from './service.js';

/**
 * Verifying a long audit log must not hold the server (issue 8, point 4): at 97 000 rows the
 * one-shot check held /healthz 580 ms. The chain is read 2 000 rows at a time, with a turn of the
 * event loop between batches, so requests that arrive meanwhile are answered before it ends.
 * What is asserted is that structure (batches, and answers between them), never a duration.
 */
const ctx = useTestApp(RK);

beforeAll(async () => {
  // 10 000 audited actions (a busy week's worth), sealed into the chain.
  await sql`INSERT INTO audit_log (actor_id, action, entity, entity_id, detail)
            SELECT NULL, 'test.load', 'test', i::text, jsonb_build_object('i', i) FROM generate_series(1, 10000) AS i`.execute(ctx.t.db);
  while ((await sealAudit(ctx.t.db)) > 0) {
    /* seal the whole backlog */
  }
}, 120_000);

describe('verifying a long audit log', () => {
  it('reads the chain 2 000 entries at a time and gives the same answer', async () => {
    const batches: number[] = [];
    const result = await verifyAuditChain(ctx.t.db, { onBatch: (n) => batches.push(n) });
    expect(result).toEqual({ ok: true, sealed: 10_000, brokenAt: null });
    expect(batches).toEqual([2000, 2000, 2000, 2000, 2000]);
  }, 60_000);

  it('answers /healthz between batches while a verification runs', async () => {
    let batchesDone = 0;
    let finished = false;
    const verification = verifyAuditChain(ctx.t.db, { onBatch: () => { batchesDone += 1; } }).finally(() => { finished = true; });
    // Health checks one after another for as long as the verification runs; each notes how far
    // the verification had come when it was answered.
    const answeredAt: number[] = [];
    while (!finished) {
      const res = await ctx.t.app.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(200);
      if (!finished) answeredAt.push(batchesDone);
      // A request from the network arrives as I/O, after the turn of the loop; app.inject (and
      // the in-memory PGlite) may answer on promises alone, which would never let the turn come.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await verification).toEqual({ ok: true, sealed: 10_000, brokenAt: null });
    // At least one answer came after the first batch was checked and before the last one: the
    // check let go of the event loop in its middle, not only while its first query ran.
    expect(answeredAt.some((batches) => batches >= 1 && batches < 5), `answered after batches: ${answeredAt.join(', ')}`).toBe(true);
  }, 60_000);

  it('still names the exact entry when it is past the first batch', async () => {
    // Entry 4 321 (in the third batch) rewritten past the append-only trigger, as a database superuser could.
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(ctx.t.db);
    await sql`UPDATE audit_log SET action = 'test.forged' WHERE chain_seq = 4321`.execute(ctx.t.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`.execute(ctx.t.db);
    const batches: number[] = [];
    expect(await verifyAuditChain(ctx.t.db, { onBatch: (n) => batches.push(n) })).toEqual({ ok: false, sealed: 10_000, brokenAt: '4321' });
    // It stopped at the broken entry: the last two batches were never read.
    expect(batches).toEqual([2000, 2000, 2000]);
  }, 60_000);
});
