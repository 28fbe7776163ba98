import { sql } from 'kysely';
import type { Actor } from '../src/modules/auth/policy.js';
import { createUser } from '../src/modules/users/service.js';
import { getCase, listCases } from '../src/modules/cases/service.js';
import { CaseListQuery } from '../src/shared/schemas/cases.js';
import { bulkLoad } from './report.js';
import { KPH, int, ms, timed, type Target } from './common.js';

const OWNERS = 200;
const RUNS = 200;
const PASSWORD = 'benchmark password 0123456789';

export interface CaseListCase { name: string; p50: number; p95: number; shown: number; total: number }
export interface CaseListResult { engine: string; cases: number; runs: CaseListCase[]; plans: string[] }

function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Issue 9's caseload benchmark: a caseworker's and a coordinator's case lists with N cases in the
 * database (default 100 000 on one helpline, 200 owners, three years), filtered and paged by key,
 * each page with its total; p50/p95 over 200 runs through the service (policy and audit row
 * included), and the indexes the plans read. Also a case page with 500 timeline entries (issue 9: < 50 ms).
 */
export async function benchCaseList(t: Target, cases: number, log: (line: string) => void): Promise<CaseListResult> {
  // Straight into the tables: 200 password hashes would take the bench longer than the cases.
  const { rows: ownerRows } = await sql<{ id: string }>`INSERT INTO users (email, display_name, password_hash, role)
    SELECT 'caseworker-' || i || '@bench.example.org', 'Caseworker ' || i, 'not a hash: no one signs in', 'caseworker' FROM generate_series(1, ${OWNERS}) AS i
    RETURNING id`.execute(t.db);
  const owners = ownerRows.map((r) => r.id);
  await sql`INSERT INTO user_helplines (user_id, helpline_id) SELECT unnest(${sql.val(owners)}::uuid[]), ${KPH}`.execute(t.db);
  const coordinatorId = (await createUser(t.db, null, { email: 'coordinator@bench.example.org', displayName: 'Coordinator', role: 'coordinator', locale: 'nb', password: PASSWORD, helplineIds: [KPH] })).id;
  const { ms: loadMs } = await timed(async () => {
    // Three years of cases, owners round the table, most closed (as a caseload is after a few years).
    await sql`INSERT INTO cases (helpline_id, user_group, pseudonym, owner_id, created_by, status, close_reason, opened_at, closed_at)
      SELECT ${KPH}, (ARRAY['helpline', 'housing_programme', 'anonymous_regular'])[1 + floor(random() * 3)::int], 'Bruker ' || i,
        o.id, o.id, s.status, CASE WHEN s.status = 'closed' THEN 'goal_reached' END, s.opened, CASE WHEN s.status = 'closed' THEN s.opened + interval '60 days' END
      FROM generate_series(1, ${cases}) AS i
      CROSS JOIN LATERAL (SELECT (${sql.val(owners)}::uuid[])[1 + i % ${OWNERS}] AS id) o
      CROSS JOIN LATERAL (SELECT r, CASE WHEN r < 0.7 THEN 'closed' WHEN r < 0.9 THEN 'open' ELSE 'paused' END AS status,
        now() - (random() * interval '1095 days') AS opened FROM (SELECT random() + 0 * i AS r) x) s`.execute(t.db);
    await sql`ANALYZE cases`.execute(t.db);
  });
  log(`  ${t.engine}: ${int(cases)} cases of ${OWNERS} owners loaded in ${(loadMs / 1000).toFixed(1)} s`);

  const caseworker: Actor = { id: owners[0], role: 'caseworker', helplineIds: [KPH] };
  const coordinator: Actor = { id: coordinatorId, role: 'coordinator', helplineIds: [KPH] };
  const query = (q: Record<string, unknown>) => CaseListQuery.parse(q);
  // A cursor ten pages into the caseworker's own cases.
  let deep: string | undefined;
  for (let page = 0, cursor: string | undefined; page < 10; page++) {
    const r = await listCases(t.db, caseworker, query({ limit: 25, cursor }));
    cursor = r.nextCursor ?? undefined;
    deep = cursor;
  }
  const runs: CaseListCase[] = [];
  const measure = async (name: string, fn: () => Promise<{ items: unknown[]; total: number }>) => {
    const times: number[] = [];
    let last = { items: [] as unknown[], total: 0 };
    for (let i = 0; i < RUNS; i++) {
      const r = await timed(fn);
      times.push(r.ms);
      last = r.value;
    }
    runs.push({ name, p50: percentile(times, 50), p95: percentile(times, 95), shown: last.items.length, total: last.total });
  };
  await measure('caseworker: my cases, first page of 25', () => listCases(t.db, caseworker, query({})));
  await measure('caseworker: my open cases from the helpline', () => listCases(t.db, caseworker, query({ status: 'open', userGroup: 'helpline' })));
  await measure('caseworker: my cases, page 11 (by key)', () => listCases(t.db, caseworker, query({ cursor: deep })));
  await measure('coordinator: the service\'s cases, first page', () => listCases(t.db, coordinator, query({ scope: 'service' })));
  await measure('coordinator: the service\'s open cases', () => listCases(t.db, coordinator, query({ scope: 'service', status: 'open' })));
  await measure('coordinator: one colleague\'s cases', () => listCases(t.db, coordinator, query({ scope: 'service', ownerId: owners[1] })));

  // A case page with 500 timeline entries: 100 linked contacts, 300 activities, 100 referrals.
  await bulkLoad(t, new Date().getUTCFullYear(), 100);
  const [withContacts] = (await sql<{ id: string }>`SELECT id FROM cases WHERE owner_id = ${owners[0]} LIMIT 1`.execute(t.db)).rows;
  await sql`INSERT INTO case_contacts (case_id, contact_id, linked_by) SELECT ${withContacts.id}, id, ${owners[0]} FROM contacts`.execute(t.db);
  await sql`INSERT INTO case_activities (case_id, category, happened_on, duration_minutes, note, created_by)
    SELECT ${withContacts.id}, 'phone_mail', current_date - i, 15, 'Samtale om videre oppfølging', ${owners[0]} FROM generate_series(1, 300) AS i`.execute(t.db);
  await sql`INSERT INTO case_referrals (case_id, agency_type, reason, referred_on, created_by)
    SELECT ${withContacts.id}, 'nav', 'Søknad om støtte', current_date - i, ${owners[0]} FROM generate_series(1, 100) AS i`.execute(t.db);
  const page = { items: [] as unknown[], total: 0 };
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await timed(() => getCase(t.db, caseworker, withContacts.id, t.config.keyFile));
    times.push(r.ms);
    page.items = [...r.value.contactIds, ...r.value.activities, ...r.value.referrals];
  }
  runs.push({ name: 'caseworker: a case page with 500 timeline entries', p50: percentile(times, 50), p95: percentile(times, 95), shown: page.items.length, total: page.items.length });

  const plans: string[] = [];
  for (const [name, where] of [['mine', sql`owner_id = ${owners[0]}`], ['service', sql`helpline_id = ${KPH}`]] as const) {
    const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT * FROM cases WHERE ${where} ORDER BY opened_at DESC, id DESC LIMIT 26`.execute(t.db);
    const text = rows.map((r) => r['QUERY PLAN']).join(' ');
    const indexes = [...text.matchAll(/Index (?:Only )?Scan(?: Backward)? using (\w+)/g)].map((m) => m[1]);
    plans.push(`${name}: ${indexes.join(', ') || 'no index'}${/Sort/.test(text) ? ', sorted' : ', no sort'}${/Seq Scan/.test(text) ? ', SEQ SCAN' : ''}`);
  }
  return { engine: t.engine, cases, runs, plans };
}

export function printCaseList(r: CaseListResult) {
  for (const c of r.runs) console.log(`    ${c.name.padEnd(52)} p50 ${ms(c.p50).padStart(8)}  p95 ${ms(c.p95).padStart(8)}  (${c.shown} shown of ${int(c.total)})`);
  for (const p of r.plans) console.log(`    plan, ${p}`);
}
