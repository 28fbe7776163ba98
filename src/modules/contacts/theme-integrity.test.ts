import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';
import { foldCountDeltas } from '../stats/fold.js';

// Theme rows are checked against their contact once per statement, not by a foreign key
// (migration 202611231600): these are the guarantees the key used to give.
const ctx = useTestApp(RK);

async function register(cookie: string, summary: string) {
  const res = await ctx.t.app.inject({
    method: 'POST', url: '/api/contacts', headers: { cookie },
    payload: {
      helplineId: RK, channel: 'telephone', kind: 'first_contact', startedAt: '2023-02-01T10:00:00+01:00', durationMinutes: 5,
      whoId: ctx.id('who:person_affected'), country: 'not_asked', summary, outcomes: [],
      themes: [{ themeId: ctx.id('theme:tvangsekteskap') }, { themeId: ctx.id('theme:negativ_sosial_kontroll') }],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const themeCount = async (themeId: number) => {
  await foldCountDeltas(ctx.t.db);
  const { rows } = await sql<{ n: number }>`SELECT coalesce(sum(n), 0)::int AS n FROM contact_counts
    WHERE helpline_id = ${RK} AND year = 2023 AND dimension = 'theme' AND k1 = ${String(themeId)}`.execute(ctx.t.db);
  return rows[0].n;
};

describe('theme rows and their contact', () => {
  it('a theme row for a contact that does not exist is refused, and nothing of its statement is kept', async () => {
    const insert = sql`INSERT INTO contact_themes (contact_id, theme_id, subtheme_ids, helpline_id, local_date, kind)
      VALUES (gen_random_uuid(), ${ctx.id('theme:annet')}, '{}', ${RK}, '2023-02-01', 'first_contact')`;
    await expect(insert.execute(ctx.t.db)).rejects.toThrow(/without its contact/);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM contact_themes WHERE theme_id = ${ctx.id('theme:annet')}`.execute(ctx.t.db);
    expect(rows[0].n).toBe(0);
  });

  it("deleting a contact deletes its theme rows, and the report's theme counts go down with it", async () => {
    const c = await ctx.t.as('counsellor');
    const keep = await register(c.cookie, 'keep');
    const gone = await register(c.cookie, 'gone');
    const theme = ctx.id('theme:tvangsekteskap');
    expect(await themeCount(theme)).toBe(2);
    await ctx.t.db.deleteFrom('contacts').where('id', '=', gone).execute();
    const left = await ctx.t.db.selectFrom('contact_themes').select('contact_id').where('contact_id', 'in', [keep, gone]).execute();
    expect(left.map((r) => r.contact_id)).toEqual([keep, keep]);
    expect(await themeCount(theme)).toBe(1);
  });

  it("a contact's id cannot be changed out from under its theme rows", async () => {
    const c = await ctx.t.as('counsellor');
    const contact = await register(c.cookie, 'fixed id');
    await expect(sql`UPDATE contacts SET id = gen_random_uuid() WHERE id = ${contact}`.execute(ctx.t.db)).rejects.toThrow(/cannot change/);
  });
});
