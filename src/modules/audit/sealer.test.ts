import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';
import { sealAudit, verifyAuditChain, writeAudit } from './service.js';

/**
 * The sealer links audit rows into the hash chain (decision 0002). Two things only it decides:
 * a long backlog is sealed whole (it pauses every 250 rows for other requests and must go on), and
 * while another node's sealer holds the lock, this one leaves the rows alone.
 */
const ctx = useTestApp(RK);

const unsealed = async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE hash IS NULL`.execute(ctx.t.db)).rows[0].n);

describe('the audit sealer', () => {
  it('seals a backlog of 600 rows in one go, numbered on from the chain, and the chain verifies', async () => {
    const { db } = ctx.t;
    await sealAudit(db);
    const before = await verifyAuditChain(db);
    expect(before.ok).toBe(true);
    for (let i = 0; i < 600; i++) await writeAudit(db, { actorId: null, action: 'test.backlog', entity: 'test', detail: { i } });
    expect(await unsealed()).toBe(600);
    expect(await sealAudit(db)).toBe(600);
    expect(await unsealed()).toBe(0);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, sealed: before.sealed + 600, brokenAt: null });
    // The backlog's rows got the next 600 positions, in the order they were written.
    const { rows } = await sql<{ seq: string; i: number }>`SELECT chain_seq::text AS seq, (detail->>'i')::int AS i FROM audit_log WHERE action = 'test.backlog' ORDER BY chain_seq`.execute(db);
    expect(rows.map((r) => r.i)).toEqual(Array.from({ length: 600 }, (_, i) => i));
    expect(Number(rows[0].seq)).toBe(before.sealed + 1);
    expect(Number(rows[599].seq)).toBe(before.sealed + 600);
  }, 120_000);

  // PGlite has one connection, and one process per data directory: no other sealer can exist.
  it.runIf(process.env.TEST_DATABASE_URL)('leaves the rows alone while another sealer holds the lock (PostgreSQL: nodes share one database)', async () => {
    const { db } = ctx.t;
    await writeAudit(db, { actorId: null, action: 'test.locked', entity: 'test' });
    const sealedMeanwhile = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(727001)`.execute(trx);
      return sealAudit(db);
    });
    expect(sealedMeanwhile).toBe(0);
    expect(await unsealed()).toBe(1);
    expect(await sealAudit(db)).toBe(1);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
