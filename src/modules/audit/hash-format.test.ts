import crypto from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';
import { sealAudit, verifyAuditChain } from './service.js';

/**
 * The hash of a sealed row is fixed by decision 0002: sha256 of the previous hash followed by the
 * JSON array [position as text, id as a number, time as ISO 8601 UTC with milliseconds, actor, action, entity, entity
 * id, detail]. Chains sealed before the sealer changed how it computes this must still verify, so
 * the formula is written out here on its own, and checked on times that are awkward to format:
 * microseconds that must be cut (not rounded), a whole second, the last microsecond of a year, a
 * time stored with another offset, and a day of a clock change.
 */
const ctx = useTestApp(RK);

const TIMES = [
  '2026-03-29 00:59:59.999999+00',
  '2026-03-29 03:00:00+02',
  '2026-10-25 02:30:00.0005+01',
  '2026-12-31 23:59:59.999999+00',
  '2027-01-01 00:00:00.000001+00',
  '2026-06-15 12:34:56.123+00',
  '2026-06-15 12:34:56.1+00',
  '2026-06-15 12:34:56.120999+00',
  '1999-12-31 23:59:59.5-05',
];

/** Decision 0002's formula, as the driver hands the row over (a parsed Date, a parsed detail). */
function specifiedHash(prev: string, row: { chain_seq: string; id: number; at: Date; actor_id: string | null; action: string; entity: string; entity_id: string | null; detail: unknown }): string {
  const canonical = JSON.stringify([row.chain_seq, row.id, row.at.toISOString(), row.actor_id, row.action, row.entity, row.entity_id, row.detail]);
  return crypto.createHash('sha256').update(prev).update(canonical).digest('hex');
}

describe('the audit hash of a row', () => {
  it('is decision 0002\'s formula for every stored time, to the millisecond, cut not rounded', async () => {
    const { db } = ctx.t;
    await sealAudit(db);
    for (const [i, at] of TIMES.entries()) {
      await sql`INSERT INTO audit_log (at, actor_id, action, entity, entity_id, detail)
                VALUES (${at}::timestamptz, NULL, 'test.time', 'test', ${String(i)}, ${JSON.stringify({ i, note: 'ø å "quoted"', list: [1, 2.5] })}::jsonb)`.execute(db);
    }
    expect(await sealAudit(db)).toBe(TIMES.length);

    const rows = await db.selectFrom('audit_log').select(['chain_seq', 'id', 'at', 'actor_id', 'action', 'entity', 'entity_id', 'detail', 'hash']).orderBy('chain_seq').execute();
    let prev = '0'.repeat(64);
    for (const row of rows) {
      const expected = specifiedHash(prev, { ...row, chain_seq: String(row.chain_seq), id: Number(row.id), at: row.at as Date });
      expect(row.hash, `position ${row.chain_seq}`).toBe(expected);
      prev = expected;
    }
    // The milliseconds the formula sees: cut from the microseconds, in UTC.
    const mine = rows.filter((r) => r.action === 'test.time').map((r) => (r.at as Date).toISOString());
    expect(mine).toEqual([
      '2026-03-29T00:59:59.999Z',
      '2026-03-29T01:00:00.000Z',
      '2026-10-25T01:30:00.000Z',
      '2026-12-31T23:59:59.999Z',
      '2027-01-01T00:00:00.000Z',
      '2026-06-15T12:34:56.123Z',
      '2026-06-15T12:34:56.100Z',
      '2026-06-15T12:34:56.120Z',
      '2000-01-01T04:59:59.500Z',
    ]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
