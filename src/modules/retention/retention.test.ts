import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp, RK, KPH } from '../../test/app.js';
import { foldCountDeltas } from '../stats/fold.js';
import { helplineSnapshot } from '../helplines/snapshot.js';
import { loadStep } from '../imports/batch-steps.js';
import { insertImportBatch } from '../imports/queries.js';
import { ContactInput } from '../../shared/schemas/contacts.js';
import { applyRetention, monthsBefore } from './service.js';

const ctx = useTestApp(RK);

const NOW = new Date('2026-11-23T12:00:00Z');
const IDLE = 30 * 60_000;

async function register(cookie: string, startedAt: string, summary: string) {
  const res = await ctx.t.app.inject({
    method: 'POST', url: '/api/contacts', headers: { cookie },
    payload: {
      helplineId: RK, channel: 'chat', kind: 'first_contact', startedAt, durationMinutes: 12, whoId: ctx.id('who:person_affected'),
      country: 'SO', summary, outcomes: ['advice_given'], themes: [{ themeId: ctx.id('theme:tvangsekteskap') }],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

async function edit(cookie: string, contactId: string, version: number, summary: string) {
  const current = (await ctx.t.app.inject({ method: 'GET', url: `/api/contacts/${contactId}`, headers: { cookie } })).json();
  const { id: _id, source: _s, createdAt: _c, updatedAt: _u, canEdit: _e, ...body } = current;
  const res = await ctx.t.app.inject({ method: 'PUT', url: `/api/contacts/${contactId}`, headers: { cookie }, payload: { ...body, summary, version } });
  expect(res.statusCode, res.body).toBe(200);
}

const reportTotal = async (year: number) => {
  await foldCountDeltas(ctx.t.db);
  const { rows } = await sql<{ n: number }>`SELECT coalesce(sum(n), 0)::int AS n FROM contact_counts WHERE helpline_id = ${RK} AND year = ${year} AND dimension = 'total'`.execute(ctx.t.db);
  return rows[0].n;
};

describe('retention', () => {
  it('uses calendar months, ending on the last day of a shorter month', () => {
    expect(monthsBefore(new Date('2026-11-23T12:00:00Z'), 24).toISOString()).toBe('2024-11-23T12:00:00.000Z');
    expect(monthsBefore(new Date('2026-03-31T08:00:00Z'), 1).toISOString()).toBe('2026-02-28T08:00:00.000Z');
  });

  it("blanks summaries older than the helpline's limit and deletes their edit history; the contacts still count", async () => {
    const c = await ctx.t.as('counsellor');
    // Røde Kors-telefonen keeps summaries 24 months (data/helplines/rode-kors-telefonen.json).
    const old = await register(c.cookie, '2024-10-01T10:00:00+02:00', 'Gammel samtale om tvangsekteskap.');
    await edit(c.cookie, old.id, old.version, 'Rettet: gammel samtale.');
    const recent = await register(c.cookie, '2025-01-10T10:00:00+01:00', 'Nyere samtale.');
    await edit(c.cookie, recent.id, recent.version, 'Rettet: nyere samtale.');
    const totalBefore = await reportTotal(2024);

    const result = await applyRetention(ctx.t.db, { now: NOW, sessionIdleMs: IDLE });
    const rk = result?.helplines.find((h) => h.helplineId === RK);
    expect(rk).toMatchObject({ before: '2024-11-23T12:00:00.000Z', summariesBlanked: 1, revisionsDeleted: 1 });

    const rows = await ctx.t.db.selectFrom('contacts').select(['id', 'summary', 'channel', 'country']).where('id', 'in', [old.id, recent.id]).execute();
    expect(rows.find((r) => r.id === old.id)).toMatchObject({ summary: null, channel: 'chat', country: 'SO' });
    expect(rows.find((r) => r.id === recent.id)?.summary).toBe('Rettet: nyere samtale.');
    const history = await ctx.t.db.selectFrom('contact_revisions').select('contact_id').where('contact_id', 'in', [old.id, recent.id]).execute();
    expect(history.map((h) => h.contact_id)).toEqual([recent.id]);
    // The history page shows nothing left of the old text.
    const oldHistory = await ctx.t.app.inject({ method: 'GET', url: `/api/contacts/${old.id}/history`, headers: { cookie: c.cookie } });
    expect(oldHistory.statusCode).toBe(200);
    expect(oldHistory.body).not.toContain('Gammel samtale');
    expect(await reportTotal(2024)).toBe(totalBefore);

    const audit = await ctx.t.db.selectFrom('audit_log').selectAll().where('action', '=', 'retention.apply').where('entity_id', '=', RK).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).toMatchObject({ summariesBlanked: 1, revisionsDeleted: 1 });
    expect(JSON.stringify(audit[0].detail)).not.toContain('samtale');

    // Nothing more to do: a second run changes nothing and writes no audit row.
    const again = await applyRetention(ctx.t.db, { now: NOW, sessionIdleMs: IDLE });
    expect(again?.helplines.find((h) => h.helplineId === RK)).toMatchObject({ summariesBlanked: 0, revisionsDeleted: 0 });
    expect(await ctx.t.db.selectFrom('audit_log').select('id').where('action', '=', 'retention.apply').execute()).toHaveLength(1);
  });

  it('leaves an import still loading alone: its old contacts keep their summary, and the report counts none of them', async () => {
    // Seen in CI: retention ran while a large import of 2015 contacts was loading, and its update
    // took their counts out of the batch into the report, as negative and positive rows.
    const c = await ctx.t.as('counsellor');
    const batch = await insertImportBatch(ctx.t.db, { helplineId: RK, fileName: 'gammel.csv', sha256: 'ab'.repeat(32), importedBy: c.id });
    const snapshot = (await helplineSnapshot(ctx.t.db, RK))!;
    const input = ContactInput.parse({
      helplineId: RK, channel: 'telephone', kind: 'first_contact', startedAt: '2014-03-04T10:00:00+01:00', durationMinutes: 5, whoId: ctx.id('who:person_affected'),
      country: 'NO', summary: 'Importert samtale fra 2014.', outcomes: [], themes: [{ themeId: ctx.id('theme:tvangsekteskap') }],
    });
    await loadStep(ctx.t.db, batch.id, snapshot, [input], c.id, 0);

    const result = await applyRetention(ctx.t.db, { now: NOW, sessionIdleMs: IDLE });
    expect(result?.helplines.find((h) => h.helplineId === RK)?.summariesBlanked).toBe(0);
    const loaded = await ctx.t.db.selectFrom('contacts').select('summary').where('import_batch_id', '=', batch.id).execute();
    expect(loaded).toEqual([{ summary: 'Importert samtale fra 2014.' }]);
    expect(await ctx.t.db.selectFrom('contact_count_deltas').select('n').where('year', '=', 2014).execute()).toEqual([]);
    expect(await reportTotal(2014)).toBe(0);
  });

  it('uses each helpline its own limit: 12 months for Kors på halsen', async () => {
    const result = await applyRetention(ctx.t.db, { now: NOW, sessionIdleMs: IDLE });
    expect(result?.helplines.find((h) => h.helplineId === KPH)?.before).toBe('2025-11-23T12:00:00.000Z');
  });

  it('deletes sessions past their expiry or idle limit, and keeps live ones', async () => {
    const live = await ctx.t.as('counsellor');
    const idle = await ctx.t.as('counsellor');
    const expired = await ctx.t.as('counsellor');
    await ctx.t.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - IDLE - 60_000) }).where('user_id', '=', idle.id).execute();
    await ctx.t.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', expired.id).execute();
    const result = await applyRetention(ctx.t.db, { sessionIdleMs: IDLE });
    expect(result?.sessionsDeleted).toBeGreaterThanOrEqual(2);
    const left = await ctx.t.db.selectFrom('sessions').select('user_id').where('user_id', 'in', [live.id, idle.id, expired.id]).execute();
    expect(left.map((s) => s.user_id)).toEqual([live.id]);
    expect((await ctx.t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: live.cookie } })).statusCode).toBe(200);
  });
});
