import { sql } from 'kysely';
import type { Actor } from '../src/modules/auth/policy.js';
import { createUser } from '../src/modules/users/service.js';
import { decodePageKey, encodePageKey, listContacts } from '../src/modules/contacts/list-service.js';
import { contactPageQuery, type ContactListFilter } from '../src/modules/contacts/list-queries.js';
import type { ContactListQuery } from '../src/shared/schemas/contacts.js';
import { bulkLoad } from './report.js';
import { KPH, int, median, ms, timed, type Target } from './common.js';

/** Summaries from a small Norwegian vocabulary, so some words are common and some rare. */
const SUMMARIES = [
  'Ringer om press fra familien før sommerferien.',
  'Hun forteller om volden hjemme og er redd.',
  'Spør om rettigheter ved skilsmisse.',
  'Broren kom med trusler etter at hun flyttet.',
  'Lærer spør hvordan skolen kan hjelpe en elev.',
  'Bekymret for en venninne som skal giftes bort.',
  'Fikk råd om hvor hun kan søke hjelp.',
  'Snakker om kontroll av telefon og klær.',
];
const AUTHORS = 20;
const RUNS = 7;

export interface ListCase {
  name: string;
  ms: number;
  rows: number;
  /** Indexes the plan reads (EXPLAIN of the page query). */
  indexes: string[];
  seqScan: boolean;
}

export interface ListResult {
  engine: string;
  contacts: number;
  cases: ListCase[];
}

/**
 * The coordinator's contact list at scale: first page, a page deep in the year (by key), each
 * filter, and a word search; median time through the service (policy, audit included) and the
 * indexes the page query's plan uses.
 */
export async function benchContactList(t: Target, contacts: number, log: (line: string) => void): Promise<ListResult> {
  const year = new Date().getUTCFullYear() - 1;
  const loadMs = await bulkLoad(t, year, contacts);
  const authors: string[] = [];
  for (let i = 0; i < AUTHORS; i++) {
    authors.push((await createUser(t.db, null, { email: `author-${i}@bench.example.org`, displayName: `Author ${i}`, role: 'counsellor', locale: 'nb', password: 'benchmark password 0123456789', helplineIds: [KPH] })).id);
  }
  const { ms: fillMs } = await timed(async () => {
    await sql`UPDATE contacts SET
        created_by = (${sql.val(authors)}::uuid[])[1 + floor(random() * ${AUTHORS})::int],
        summary = CASE WHEN random() < 0.6 THEN (${sql.val(SUMMARIES)}::text[])[1 + floor(random() * ${SUMMARIES.length})::int] END`.execute(t.db);
    await sql`ANALYZE`.execute(t.db);
  });
  log(`  ${t.engine}: loaded ${int(contacts)} contacts in ${(loadMs / 1000).toFixed(1)} s, authors and summaries in ${(fillMs / 1000).toFixed(1)} s`);

  const coordinatorId = (await createUser(t.db, null, { email: 'coordinator@bench.example.org', displayName: 'Coordinator', role: 'coordinator', locale: 'nb', password: 'benchmark password 0123456789', helplineIds: [KPH] })).id;
  const actor: Actor = { id: coordinatorId, role: 'coordinator', helplineIds: [KPH] };
  const theme = await t.db.selectFrom('taxonomy_categories').select('id').where('helpline_id', '=', KPH).where('dimension', '=', 'theme').orderBy('sort_order', 'desc').executeTakeFirstOrThrow();
  const deep = await t.db.selectFrom('contacts').select(['started_at', 'id']).where('helpline_id', '=', KPH).orderBy('started_at', 'desc').orderBy('id', 'desc').offset(Math.floor(contacts / 2)).limit(1).executeTakeFirstOrThrow();
  const cursor = encodePageKey({ startedAt: new Date(deep.started_at), id: deep.id });

  const cases: [string, Partial<ContactListQuery>][] = [
    ['first page', {}],
    ['page by key, mid-year', { cursor }],
    ['one month', { from: `${year}-05-01`, to: `${year}-05-31` }],
    ['channel chat', { channel: 'chat' }],
    ['kind talk_given (rare)', { kind: 'talk_given' }],
    ['least common theme', { themeId: theme.id }],
    ['one counsellor', { counsellorId: authors[3] }],
    ['search "vold" (common word)', { q: 'vold' }],
    ['search "giftes" in a month', { q: 'giftes', from: `${year}-05-01`, to: `${year}-05-31` }],
    ['search a word no summary has', { q: 'sykkel' }],
  ];
  const results: ListCase[] = [];
  for (const [name, query] of cases) {
    const full: ContactListQuery = { helplineId: KPH, limit: 50, ...query };
    const call = () => listContacts(t.db, actor, full);
    const first = await call();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push((await timed(call)).ms);
    const plan = await explain(t, actor, full);
    results.push({ name, ms: median(times), rows: first.items.length, indexes: plan.indexes, seqScan: plan.seqScan });
  }
  return { engine: t.engine, contacts, cases: results };
}

async function explain(t: Target, actor: Actor, q: ContactListQuery) {
  const filter: ContactListFilter = {
    helplines: [{ id: KPH, language: 'nb' }], from: q.from, to: q.to, channel: q.channel, kind: q.kind, themeId: q.themeId,
    createdBy: q.counsellorId, search: q.q, after: q.cursor ? decodePageKey(q.cursor) : undefined, limit: q.limit,
  };
  // The same query the service runs, compiled, then explained.
  const query = contactPageQuery(t.db, actor, filter).compile();
  const { rows } = await t.db.executeQuery<{ 'QUERY PLAN': string }>({ ...query, sql: `EXPLAIN ${query.sql}` });
  const text = rows.map((r) => r['QUERY PLAN']).join('\n');
  if (process.env.BENCH_PLANS) console.log(text);
  return { indexes: [...new Set([...text.matchAll(/(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\w+)/g)].map((m) => m[1]))], seqScan: /Seq Scan on contacts/.test(text) };
}

export function printList(r: ListResult) {
  console.log(`  ${r.engine}, ${int(r.contacts)} contacts, coordinator, 50 a page (median of ${RUNS}, service incl. audit):`);
  for (const c of r.cases) {
    console.log(`    ${c.name.padEnd(32)} ${ms(c.ms).padStart(9)}  ${String(c.rows).padStart(2)} rows  ${c.seqScan ? 'SEQ SCAN ' : ''}${c.indexes.join(', ') || '(no index)'}`);
  }
}
