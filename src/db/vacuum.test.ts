import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../test/app.js';
import { foldCountDeltas } from '../modules/stats/fold.js';
import { CHURN_TABLES, vacuum, vacuumDeltasAfterFold } from './vacuum.js';

const ctx = useTestApp(RK);
const pages = async () => (await sql<{ n: string }>`SELECT (pg_relation_size('contact_count_deltas') / 8192)::text AS n`.execute(ctx.t.db)).rows[0].n;

describe('dead count deltas are cleared', () => {
  it('once 10 000 deltas have been folded away, the deltas table is vacuumed down to nothing', async () => {
    const { db } = ctx.t;
    // 12 000 deltas, as an import or a busy hour appends them (a year nobody reports on).
    await sql`INSERT INTO contact_count_deltas (helpline_id, year, month, kind, dimension, k1, k2, n)
              SELECT ${RK}, 1990, 1 + g % 12, 'first_contact', 'country', 'C' || g, NULL, 1 FROM generate_series(1, 12000) g`.execute(db);
    const moved = await foldCountDeltas(db);
    expect(moved).toBe(12_000);
    expect(Number(await pages())).toBeGreaterThan(10); // folded away, but their dead rows fill the table
    expect(await vacuumDeltasAfterFold(db, moved)).toBe(true);
    expect(Number(await pages())).toBeLessThanOrEqual(1);
    // Below the mark, nothing is vacuumed yet.
    expect(await vacuumDeltasAfterFold(db, 500)).toBe(false);
  });

  it('every table the hourly PGlite job vacuums exists and can be vacuumed', async () => {
    await expect(vacuum(ctx.t.db, CHURN_TABLES)).resolves.toBeUndefined();
  });
});
