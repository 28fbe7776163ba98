import { sql, type RawBuilder } from 'kysely';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, PASSWORD, RK } from '../../test/app.js';

/**
 * The audit log's hash chain, as an administrator checks it: GET /api/audit/verify on a chain of
 * real audited actions. Someone with database superuser rights gets past the append-only trigger
 * and changes one thing at a time; every change must make verification fail and name the first
 * chain position that no longer holds the row sealed there (decisions 0002 and 0023).
 */
const ctx = useTestApp(RK);

let admin: { cookie: string; id: string };
let counsellor: { cookie: string; id: string };
let kari: string;
type StoredRow = Record<string, unknown>;
let stored: StoredRow[];

const verify = (cookie = admin.cookie) => ctx.t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie } });

/** Runs statements on the log past its append-only trigger, as a database superuser could. */
async function tamper(...statements: RawBuilder<unknown>[]) {
  await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(ctx.t.db);
  try {
    for (const s of statements) await s.execute(ctx.t.db);
  } finally {
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`.execute(ctx.t.db);
  }
}

/** Puts every row back exactly as it was stored, so each case starts from the intact chain. */
async function restore() {
  await tamper(sql`DELETE FROM audit_log`);
  await ctx.t.db
    .insertInto('audit_log')
    .values(stored.map((r) => ({ ...r, detail: JSON.stringify(r.detail) }) as never))
    .execute();
}

beforeAll(async () => {
  // The chain, in the order it is written (and sealed): eight real actions, through the routes.
  admin = await ctx.t.as('admin', []); // 1 user.create (the administrator)
  counsellor = await ctx.t.as('counsellor'); // 2 user.create, 3 user.second_factor_enrol
  const contact = await ctx.t.app.inject({
    method: 'POST', url: '/api/contacts', headers: { cookie: counsellor.cookie },
    payload: { helplineId: RK, channel: 'telephone', kind: 'first_contact', startedAt: '2026-11-30T10:15:00+01:00', durationMinutes: 10, country: 'NO', themes: [], outcomes: [] },
  }); // 4 contact.create
  expect(contact.statusCode, contact.body).toBe(201);
  const created = await ctx.t.app.inject({
    method: 'POST', url: '/api/users', headers: { cookie: admin.cookie },
    payload: { email: 'kari.nordmann@example.org', displayName: 'Kari Nordmann', role: 'counsellor', password: PASSWORD, helplineIds: [RK] },
  }); // 5 user.create (Kari)
  expect(created.statusCode, created.body).toBe(201);
  kari = created.json().id;
  const steps = [
    { method: 'PATCH', url: `/api/users/${kari}`, payload: { role: 'coordinator' } }, // 6 user.update
    { method: 'POST', url: `/api/users/${kari}/deactivate` }, // 7 user.deactivate
    { method: 'POST', url: `/api/users/${kari}/reactivate` }, // 8 user.reactivate
  ] as const;
  for (const step of steps) expect((await ctx.t.app.inject({ ...step, headers: { cookie: admin.cookie } })).statusCode).toBe(204);
  // The first verification seals the chain; keep the sealed rows to put back after each case.
  expect((await verify()).statusCode).toBe(200);
  stored = await ctx.t.db.selectFrom('audit_log').selectAll().orderBy('chain_seq').execute();
});

afterEach(async () => {
  await restore();
  // Every case starts and ends on the intact chain.
  expect((await verify()).json()).toEqual({ ok: true, sealed: 8, brokenAt: null });
});

/** The row under attack: entry 6, the administrator making Kari a coordinator. */
const SIX = sql`chain_seq = 6`;

describe('GET /api/audit/verify on an intact chain', () => {
  it('answers ok with the number of entries verified, in the order they were done', async () => {
    const res = await verify();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, sealed: 8, brokenAt: null });
    const chain = await ctx.t.db.selectFrom('audit_log').select(['chain_seq', 'action', 'actor_id', 'entity', 'entity_id']).orderBy('chain_seq').execute();
    expect(chain.map((r) => [String(r.chain_seq), r.action])).toEqual([
      ['1', 'user.create'],
      ['2', 'user.create'],
      ['3', 'user.second_factor_enrol'],
      ['4', 'contact.create'],
      ['5', 'user.create'],
      ['6', 'user.update'],
      ['7', 'user.deactivate'],
      ['8', 'user.reactivate'],
    ]);
    // Entry 6, the one the cases below change, has every column filled in.
    expect(chain[5]).toMatchObject({ actor_id: admin.id, entity: 'user', entity_id: kari });
    expect(stored[5].detail).toEqual({ role: { from: 'counsellor', to: 'coordinator' } });
  });
});

describe('a change to any stored field of one entry is found and named', () => {
  // Every column of audit_log (migration 202611231400), changed on entry 6 of 8.
  const cases: { column: string; change: RawBuilder<unknown>; sealed: number }[] = [
    { column: 'id, to one never used', change: sql`UPDATE audit_log SET id = 100000 WHERE ${SIX}`, sealed: 8 },
    { column: 'at, backdated one hour', change: sql`UPDATE audit_log SET at = at - interval '1 hour' WHERE ${SIX}`, sealed: 8 },
    { column: 'at, moved one millisecond', change: sql`UPDATE audit_log SET at = at + interval '1 millisecond' WHERE ${SIX}`, sealed: 8 },
    { column: 'actor_id, blaming another user', change: sql`UPDATE audit_log SET actor_id = (SELECT actor_id FROM audit_log WHERE chain_seq = 3) WHERE ${SIX}`, sealed: 8 },
    { column: 'actor_id, to nobody', change: sql`UPDATE audit_log SET actor_id = NULL WHERE ${SIX}`, sealed: 8 },
    { column: 'action', change: sql`UPDATE audit_log SET action = 'user.reactivate' WHERE ${SIX}`, sealed: 8 },
    { column: 'entity', change: sql`UPDATE audit_log SET entity = 'contact' WHERE ${SIX}`, sealed: 8 },
    { column: 'entity_id, to another user', change: sql`UPDATE audit_log SET entity_id = actor_id::text WHERE ${SIX}`, sealed: 8 },
    { column: 'entity_id, to none', change: sql`UPDATE audit_log SET entity_id = NULL WHERE ${SIX}`, sealed: 8 },
    { column: 'detail', change: sql`UPDATE audit_log SET detail = '{"role":{"from":"counsellor","to":"admin"}}' WHERE ${SIX}`, sealed: 8 },
    { column: 'chain_seq, moved past the end', change: sql`UPDATE audit_log SET chain_seq = 1000 WHERE ${SIX}`, sealed: 8 },
    { column: 'chain_seq, moved before the start', change: sql`UPDATE audit_log SET chain_seq = 0 WHERE ${SIX}`, sealed: 8 },
    { column: 'chain_seq, taken out of the chain', change: sql`UPDATE audit_log SET chain_seq = NULL WHERE ${SIX}`, sealed: 7 },
    { column: 'hash, copied from the entry before', change: sql`UPDATE audit_log SET hash = (SELECT hash FROM audit_log WHERE chain_seq = 5) WHERE ${SIX}`, sealed: 8 },
    // Unsealed again: the route seals it anew at the end (entry 9), and position 6 stands empty.
    { column: 'hash, removed', change: sql`UPDATE audit_log SET hash = NULL WHERE ${SIX}`, sealed: 8 },
  ];
  it.each(cases)('$column', async ({ change, sealed }) => {
    await tamper(change);
    const res = await verify();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: false, sealed, brokenAt: '6' });
  });
});

describe('deleted, reordered and forged entries are found and named', () => {
  it('an entry deleted in the middle: its position is named', async () => {
    await tamper(sql`DELETE FROM audit_log WHERE ${SIX}`);
    expect((await verify()).json()).toEqual({ ok: false, sealed: 7, brokenAt: '6' });
  });

  it('the first entry deleted', async () => {
    await tamper(sql`DELETE FROM audit_log WHERE chain_seq = 1`);
    expect((await verify()).json()).toEqual({ ok: false, sealed: 7, brokenAt: '1' });
  });

  it('two entries swapped (their sequence numbers exchanged): the earlier position is named', async () => {
    await tamper(
      sql`UPDATE audit_log SET chain_seq = -3 WHERE chain_seq = 3`,
      sql`UPDATE audit_log SET chain_seq = 3 WHERE ${SIX}`,
      sql`UPDATE audit_log SET chain_seq = 6 WHERE chain_seq = -3`,
    );
    expect((await verify()).json()).toEqual({ ok: false, sealed: 8, brokenAt: '3' });
  });

  it('two neighbouring entries swapped', async () => {
    await tamper(
      sql`UPDATE audit_log SET chain_seq = -6 WHERE ${SIX}`,
      sql`UPDATE audit_log SET chain_seq = 6 WHERE chain_seq = 7`,
      sql`UPDATE audit_log SET chain_seq = 7 WHERE chain_seq = -6`,
    );
    expect((await verify()).json()).toEqual({ ok: false, sealed: 8, brokenAt: '6' });
  });

  it('a forged entry slipped in at position 6, the later ones renumbered, with the hash entry 6 had', async () => {
    await tamper(
      sql`UPDATE audit_log SET chain_seq = -(chain_seq + 1) WHERE chain_seq >= 6`,
      sql`UPDATE audit_log SET chain_seq = -chain_seq WHERE chain_seq < 0`,
      sql`INSERT INTO audit_log (at, actor_id, action, entity, entity_id, detail, chain_seq, hash)
          SELECT at, actor_id, 'user.deactivate', entity, entity_id, '{}'::jsonb, 6, hash FROM audit_log WHERE chain_seq = 7`,
    );
    expect((await verify()).json()).toEqual({ ok: false, sealed: 9, brokenAt: '6' });
  });

  it('a forged entry added after the last, with a made-up hash', async () => {
    // No trigger stands in the way of an INSERT: the chain is what tells.
    await sql`INSERT INTO audit_log (actor_id, action, entity, entity_id, chain_seq, hash)
              VALUES (${admin.id}, 'user.deactivate', 'user', ${kari}, 9, ${'f'.repeat(64)})`.execute(ctx.t.db);
    expect((await verify()).json()).toEqual({ ok: false, sealed: 9, brokenAt: '9' });
  });

  it('the last entry moved before the start (position 0): the rest is whole, and the stray number is named', async () => {
    await tamper(sql`UPDATE audit_log SET chain_seq = 0 WHERE chain_seq = 8`);
    expect((await verify()).json()).toEqual({ ok: false, sealed: 8, brokenAt: '0' });
  });

  it('a forged entry put before the start, with a made-up hash', async () => {
    await tamper(sql`INSERT INTO audit_log (at, actor_id, action, entity, entity_id, detail, chain_seq, hash)
                     SELECT at, actor_id, action, entity, entity_id, detail, -1, repeat('f', 64) FROM audit_log WHERE chain_seq = 1`);
    expect((await verify()).json()).toEqual({ ok: false, sealed: 9, brokenAt: '-1' });
  });

  it('cannot tell that the last entries were deleted: a truncated tail needs an anchor outside the database', async () => {
    // What is left is a whole chain of six; only a count or hash kept elsewhere (the output of
    // an earlier `brobygger audit verify`) shows that entries 7 and 8 are gone (decision 0023).
    await tamper(sql`DELETE FROM audit_log WHERE chain_seq > 6`);
    expect((await verify()).json()).toEqual({ ok: true, sealed: 6, brokenAt: null });
  });
});

describe('GET /api/audit/verify is for administrators only', () => {
  it('every other role gets 403 with no chain in the answer, and no session 401', async () => {
    for (const role of ['counsellor', 'coordinator', 'caseworker', 'volunteer', 'analyst'] as const) {
      const { cookie } = await ctx.t.as(role);
      const res = await verify(cookie);
      expect(res.statusCode, role).toBe(403);
      expect(res.json(), role).toEqual({ code: 'forbidden', message: 'Du har ikke tilgang til dette.' });
    }
    const anonymous = await ctx.t.app.inject({ method: 'GET', url: '/api/audit/verify' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toEqual({ code: 'unauthenticated', message: 'Du må logge inn.' });
    // The administrator: 8 entries, plus the 5 new users and the second factors of the three
    // roles that read contacts (decision 0014) written above.
    expect((await verify()).json()).toEqual({ ok: true, sealed: 16, brokenAt: null });
  });
});
