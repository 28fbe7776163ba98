import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../test/app.js';
import { sealAudit } from '../modules/audit/service.js';
import { findDamage } from './integrity.js';

const ctx = useTestApp(RK);

// On both engines: what the schema keeps that must hold in a whole database. (Damaged files on
// disk are made in damage.test.ts, on PGlite's directory.)
describe('the damage check', () => {
  it('finds nothing in a whole database, then lost statistics and a gap in the audit chain', async () => {
    const c = await ctx.t.as('counsellor');
    for (let i = 0; i < 3; i++) {
      const res = await ctx.t.app.inject({
        method: 'POST', url: '/api/contacts', headers: { cookie: c.cookie },
        payload: { helplineId: RK, channel: 'chat', kind: 'first_contact', startedAt: '2025-02-03T12:00:00+01:00', themes: [{ themeId: ctx.id('theme:tvangsekteskap') }] },
      });
      expect(res.statusCode).toBe(201);
    }
    while ((await sealAudit(ctx.t.db)) > 0);
    expect(await findDamage(ctx.t.db)).toEqual([]);

    await sql`DELETE FROM contact_count_deltas WHERE dimension = 'total'`.execute(ctx.t.db);
    await sql`DELETE FROM contact_counts WHERE dimension = 'total'`.execute(ctx.t.db);
    expect(await findDamage(ctx.t.db)).toEqual(['contacts: 3 rows, but the statistics count 0 contacts']);
    expect((await ctx.t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'damaged' });
    await sql`INSERT INTO contact_counts (helpline_id, year, month, kind, dimension, k1, k2, n) VALUES (${RK}, 2025, 2, 'first_contact', 'total', NULL, NULL, 3)`.execute(ctx.t.db);

    expect(await findDamage(ctx.t.db)).toEqual([]);
    expect((await ctx.t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);

    // Lost pages of the log, as damage would lose them (the app itself can only append to it).
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(ctx.t.db);
    await sql`DELETE FROM audit_log WHERE chain_seq = 2`.execute(ctx.t.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(ctx.t.db);
    const [problem] = await findDamage(ctx.t.db);
    expect(problem).toMatch(/^audit_log: (\d+) sealed entries, but the chain numbers them up to (\d+): entries are missing$/);
    expect((await ctx.t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(503);
  });
});
