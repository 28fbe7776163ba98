import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, RK } from '../../test/app.js';
import { categoryIds } from '../../test/taxonomy.js';
import { GroupCommit, groupCommitFor } from './group-commit.js';
import type { Registration } from './create-statement.js';

let t: TestApp;
let id: (key: string) => number;
let author: { cookie: string; id: string };
beforeAll(async () => {
  t = await testApp();
  id = await categoryIds(t.db, RK);
  author = await t.as('counsellor');
});
afterAll(async () => { await t.close(); });

function registration(summary: string, helplineId = RK): Registration {
  return {
    row: {
      helpline_id: helplineId, channel: 'telephone', kind: 'first_contact', started_at: new Date('2024-05-02T09:30:00Z'), local_date: '2024-05-02',
      duration_minutes: 10, who_id: id('who:person_affected'), age_group_id: null, age: null, gender_id: null, country: 'not_asked',
      body_type_id: null, summary, outcomes: ['advice_given'], referred_to_id: null, source: 'api', created_by: author.id,
      themes: [{ themeId: id('theme:tvangsekteskap'), subthemeIds: [] }],
    },
    audit: { actorId: author.id, detail: { helplineId } },
  };
}

/**
 * How many of `rows` each statement wrote, in the order of `rows`. Observed in the database, not
 * in the writer: every row one statement inserts carries that statement's transaction id (`xmin`),
 * and each registration statement runs in a transaction of its own.
 */
async function statementSizes(rows: { id: string }[]): Promise<number[]> {
  const stored = await sql<{ id: string; tx: string }>`SELECT id, xmin::text AS tx FROM contacts WHERE id IN (${sql.join(rows.map((r) => r.id))})`.execute(t.db);
  const txOf = new Map(stored.rows.map((r) => [r.id, r.tx]));
  const sizes = new Map<string, number>();
  for (const r of rows) sizes.set(txOf.get(r.id)!, (sizes.get(txOf.get(r.id)!) ?? 0) + 1);
  return [...sizes.values()];
}

const count = async (table: 'contacts' | 'contact_themes', where: string) =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${sql.raw(where)}`.execute(t.db)).rows[0].n;

describe('group commit of registrations', () => {
  it('writes registrations that arrive while the database is busy together, each answered with its own stored row', async () => {
    const writer = new GroupCommit(t.db, 1);
    const summaries = Array.from({ length: 12 }, (_, i) => `together ${i}`);
    const rows = await Promise.all(summaries.map((s) => writer.write(registration(s))));
    expect(rows.map((r) => r.summary)).toEqual(summaries);
    expect(new Set(rows.map((r) => r.id)).size).toBe(12);
    expect(await count('contacts', "summary LIKE 'together %'")).toBe(12);
    expect(await count('contact_themes', `contact_id IN (${rows.map((r) => `'${r.id}'`).join(',')})`)).toBe(12);
    const audit = await t.db.selectFrom('audit_log').select(['entity_id', 'actor_id']).where('action', '=', 'contact.create')
      .where('entity_id', 'in', rows.map((r) => r.id)).execute();
    expect(audit).toHaveLength(12);
    expect(audit.every((a) => a.actor_id === author.id)).toBe(true);
  });

  it('registrations that arrive while every slot is busy share one statement', async () => {
    // One slot: the first is written at once; the eleven that arrive while it runs wait and go together.
    const one = new GroupCommit(t.db, 1);
    const first = await Promise.all(Array.from({ length: 12 }, (_, i) => one.write(registration(`one slot ${i}`))));
    expect(await statementSizes(first)).toEqual([1, 11]);

    // Two slots: the first two go alone, side by side; the ten behind them share the next statement.
    const two = new GroupCommit(t.db, 2);
    const second = await Promise.all(Array.from({ length: 12 }, (_, i) => two.write(registration(`two slots ${i}`))));
    expect(await statementSizes(second)).toEqual([1, 1, 10]);

    // A group is at most `maxBatch` registrations; the rest wait for the next statement.
    const capped = new GroupCommit(t.db, 1, 4);
    const third = await Promise.all(Array.from({ length: 10 }, (_, i) => capped.write(registration(`capped ${i}`))));
    expect(await statementSizes(third)).toEqual([1, 4, 4, 1]);
  });

  it('the server writes through one writer per database: one statement at a time on PGlite, two side by side on PostgreSQL', async () => {
    expect(groupCommitFor(t.db)).toBe(groupCommitFor(t.db));
    const rows = await Promise.all(Array.from({ length: 12 }, (_, i) => groupCommitFor(t.db).write(registration(`server writer ${i}`))));
    expect(rows.map((r) => r.summary)).toEqual(Array.from({ length: 12 }, (_, i) => `server writer ${i}`));
    // PGlite has a single connection: the first goes alone, the eleven behind it together.
    // PostgreSQL: the first two go alone, side by side, and the ten behind them together.
    expect(await statementSizes(rows)).toEqual(t.engine === 'pglite' ? [1, 11] : [1, 1, 10]);
  });

  it('a registration the database refuses fails alone: the others in its statement are stored', async () => {
    const writer = new GroupCommit(t.db, 1);
    // The first goes alone; the next four wait and share one statement, which the unknown
    // helpline makes fail as a whole, so each of the four is retried on its own.
    const results = await Promise.allSettled([
      writer.write(registration('retry 0')),
      writer.write(registration('retry 1')),
      writer.write(registration('retry 2', 'no-such-helpline')),
      writer.write(registration('retry 3')),
      writer.write(registration('retry 4')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(await count('contacts', "summary LIKE 'retry %'")).toBe(4);
    // The shared statement left nothing behind; each of its three good registrations is its own.
    const stored = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(await statementSizes(stored)).toEqual([1, 1, 1, 1]);
    const refused = await t.db.selectFrom('audit_log').select('id').where('detail', '@>', sql<never>`'{"helplineId":"no-such-helpline"}'::jsonb`).execute();
    expect(refused).toHaveLength(0);
  });

  it('many counsellors registering at once over HTTP: every request gets its own contact and audit row', async () => {
    const body = (i: number) => ({
      helplineId: RK, channel: 'chat', kind: 'repeat_contact', startedAt: '2024-06-01T12:00:00+02:00', durationMinutes: 5,
      whoId: id('who:person_affected'), country: 'not_stated', themes: [{ themeId: id('theme:negativ_sosial_kontroll') }], summary: `parallel ${i}`, outcomes: [],
    });
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) =>
      t.app.inject({ method: 'POST', url: '/api/contacts', headers: { cookie: author.cookie }, payload: body(i) })));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(40).fill(201));
    expect(responses.map((r) => r.json().summary)).toEqual(Array.from({ length: 40 }, (_, i) => `parallel ${i}`));
    expect(await count('contacts', "summary LIKE 'parallel %'")).toBe(40);
    const audited = await t.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'contact.create')
      .where('entity_id', 'in', responses.map((r) => r.json().id as string)).execute();
    expect(audited).toHaveLength(40);
    // On PostgreSQL most arrive while the writer's slots are busy, so fewer statements than
    // registrations wrote them (typically 1, 1 and 38). PGlite runs each statement on this thread,
    // so no other request reaches the writer while one runs: there each is written alone.
    const statements = await statementSizes(responses.map((r) => r.json()));
    if (t.engine === 'postgres') expect(statements.length).toBeLessThan(40);
  });

  it('over HTTP, one registration among many that the database refuses gets a 400 naming its field; the others are stored', async () => {
    // A rule only the database knows, as a new constraint would be before the form learns it.
    await sql`ALTER TABLE contacts ADD CONSTRAINT contacts_summary_check CHECK (summary IS DISTINCT FROM 'refused by the database')`.execute(t.db);
    try {
      const summaries = Array.from({ length: 30 }, (_, i) => (i === 12 ? 'refused by the database' : `group ${i}`));
      const responses = await Promise.all(summaries.map((summary) => t.app.inject({
        method: 'POST', url: '/api/contacts', headers: { cookie: author.cookie },
        payload: { helplineId: RK, channel: 'telephone', kind: 'first_contact', startedAt: '2024-06-03T10:00:00+02:00', themes: [{ themeId: id('theme:tvangsekteskap') }], summary },
      })));
      expect(responses.map((r) => r.statusCode)).toEqual(summaries.map((_, i) => (i === 12 ? 400 : 201)));
      expect(responses[12].json()).toEqual({ code: 'invalid_value', field: 'summary', message: 'Feltet «Sammendrag» har en verdi som ikke er tillatt.' });
      const stored = responses.filter((r) => r.statusCode === 201).map((r) => r.json() as { id: string; summary: string });
      expect(stored.map((c) => c.summary)).toEqual(summaries.filter((_, i) => i !== 12));
      expect(await count('contacts', "summary LIKE 'group %'")).toBe(29);
      expect(await count('contacts', "summary = 'refused by the database'")).toBe(0);
      const audited = await t.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'contact.create')
        .where('entity_id', 'in', stored.map((c) => c.id)).execute();
      expect(audited).toHaveLength(29);
    } finally {
      await sql`ALTER TABLE contacts DROP CONSTRAINT contacts_summary_check`.execute(t.db);
    }
  });
});
