import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, KPH } from '../../test/app.js';
import { transactionWithCopy } from '../../db/copy.js';
import { helplineSnapshot } from '../helplines/snapshot.js';
import { demoContacts } from '../demo/service.js';
import { insertContactBatch } from '../contacts/service.js';
import { foldCountDeltas } from './fold.js';

// The report reads counts the triggers keep (decision 0004). Whatever happens to contacts, the
// counts must equal a plain recount of them: this recount is the definition, written the
// simplest way, independent of how the triggers compute it.
let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t.close(); });

const recount = sql`
  SELECT helpline_id, year, month, kind, dimension, k1, k2, sum(n)::int AS n FROM (
    SELECT c.helpline_id, extract(year FROM c.local_date)::int AS year, extract(month FROM c.local_date)::int AS month, c.kind, d.dimension, d.k1, d.k2, 1 AS n
    FROM contacts c, LATERAL (VALUES ('total', NULL, NULL), ('channel', c.channel, NULL), ('who', c.who_id::text, NULL),
      ('age_gender', c.age_group_id::text, c.gender_id::text), ('country', c.country, NULL), ('body_type', c.body_type_id::text, NULL),
      ('follow_up', ('follow_up_case' = ANY(c.outcomes))::text, NULL), ('source', c.source, NULL),
      ('day', extract(day FROM c.local_date)::int::text, NULL)) AS d(dimension, k1, k2)
    UNION ALL
    SELECT t.helpline_id, extract(year FROM t.local_date)::int, extract(month FROM t.local_date)::int, t.kind, 'theme', t.theme_id::text, NULL, 1
    FROM contact_themes t
    UNION ALL
    SELECT t.helpline_id, extract(year FROM t.local_date)::int, extract(month FROM t.local_date)::int, t.kind, 'subtheme', s::text, t.theme_id::text, 1
    FROM contact_themes t, unnest(t.subtheme_ids) AS s
  ) x GROUP BY 1, 2, 3, 4, 5, 6, 7`;

async function countsAndRecount() {
  await foldCountDeltas(t.db);
  const keyOf = (r: Record<string, unknown>) => [r.helpline_id, r.year, r.month, r.kind, r.dimension, r.k1, r.k2].join('|');
  const stored = (await sql<Record<string, unknown>>`SELECT * FROM contact_counts WHERE n <> 0`.execute(t.db)).rows;
  const fresh = (await recount.execute(t.db)).rows as Record<string, unknown>[];
  const asMap = (rows: Record<string, unknown>[]) => Object.fromEntries(rows.map((r) => [keyOf(r), Number(r.n)]).sort());
  return { stored: asMap(stored), fresh: asMap(fresh) };
}

describe('statistics counts', () => {
  it('equal a plain recount of the contacts after loads, registrations, edits and deletions', async () => {
    const snapshot = await helplineSnapshot(t.db, KPH);
    if (!snapshot) throw new Error('helpline missing');
    await transactionWithCopy(t.db, (_trx, copyIn) =>
      insertContactBatch(copyIn, snapshot, demoContacts(snapshot, 2024, 1500, 11), { source: 'import', createdBy: null }));
    const c = await t.as('counsellor', [KPH]);
    for (const body of demoContacts(snapshot, 2025, 20, 12)) {
      const res = await t.app.inject({ method: 'POST', url: '/api/contacts', headers: { cookie: c.cookie }, payload: body });
      expect(res.statusCode, res.body).toBe(201);
    }
    let { stored, fresh } = await countsAndRecount();
    expect(Object.keys(fresh).length).toBeGreaterThan(500);
    expect(stored).toEqual(fresh);

    // Edits that move contacts between months, years, channels and groups; then deletions.
    await sql`UPDATE contacts SET channel = 'chat', local_date = local_date - 40, age_group_id = NULL,
      outcomes = CASE WHEN 'follow_up_case' = ANY(outcomes) THEN '{}'::text[] ELSE '{follow_up_case}'::text[] END
      WHERE id IN (SELECT id FROM contacts ORDER BY id LIMIT 300)`.execute(t.db);
    await sql`UPDATE contact_themes SET subtheme_ids = '{}' WHERE contact_id IN (SELECT id FROM contacts ORDER BY id DESC LIMIT 200)`.execute(t.db);
    await sql`DELETE FROM contacts WHERE id IN (SELECT id FROM contacts ORDER BY id LIMIT 100 OFFSET 250)`.execute(t.db);
    ({ stored, fresh } = await countsAndRecount());
    expect(stored).toEqual(fresh);
  });
});
