import { sql } from 'kysely';
import type { Actor } from '../src/modules/auth/policy.js';
import { contactPageQuery, type ContactListFilter, type PageKey } from '../src/modules/contacts/list-queries.js';
import { planNodes, type PlanNode } from '../src/db/plan.js';
import { KPH, ms, type Target } from './common.js';


/**
 * The real plans of the lists a counsellor and a coordinator read, on the loaded data (issue 8,
 * point 3; decision 0027): which index each walks, how many contact rows it touched for a page of
 * 20, whether anything was sorted, and the time PostgreSQL took.
 */
export async function printListPlans(t: Target, log: (line: string) => void): Promise<void> {
  const author = (await t.db.selectFrom('contacts').select('created_by').where('created_by', 'is not', null)
    .groupBy('created_by').orderBy(sql`count(*)`, 'desc').limit(1).executeTakeFirst())?.created_by;
  const deep = await t.db.selectFrom('contacts').select(['started_at', 'id']).where('helpline_id', '=', KPH)
    .orderBy('started_at', 'desc').orderBy('id', 'desc').offset(500_000).limit(1).executeTakeFirst();
  const newcomer: Actor = { id: '00000000-0000-4000-8000-00000000beef', role: 'counsellor', helplineIds: [KPH] };
  const coordinator: Actor = { id: '00000000-0000-4000-8000-00000000c00d', role: 'coordinator', helplineIds: [KPH] };
  const after: PageKey | undefined = deep ? { startedAt: deep.started_at, id: deep.id } : undefined;
  // A coordinator of two helplines who lists both: one ordered read per helpline, merged.
  const ofTwo: Actor = { ...coordinator, helplineIds: [KPH, 'rode-kors-telefonen'] };
  const both = [{ id: KPH, language: 'nb' as const }, { id: 'rode-kors-telefonen', language: 'nb' as const }];
  const lists: [string, Actor, Partial<ContactListFilter>][] = [
    ['a new counsellor’s own contacts (none yet)', newcomer, { createdBy: newcomer.id }],
    ...(author ? [['the busiest author’s own contacts', { ...newcomer, id: author }, { createdBy: author }] as [string, Actor, Partial<ContactListFilter>]] : []),
    ['the coordinator’s list, first page', coordinator, {}],
    ...(after ? [['the coordinator’s list, a page 500 000 rows deep', coordinator, { after }] as [string, Actor, Partial<ContactListFilter>]] : []),
    ['a coordinator of two helplines, both, first page', ofTwo, { helplines: both }],
    ['the coordinator’s list, one quarter, by channel', coordinator, { from: `${new Date().getUTCFullYear()}-04-01`, to: `${new Date().getUTCFullYear()}-06-30`, channel: 'chat' }],
  ];
  for (const [name, actor, filter] of lists) {
    const query = contactPageQuery(t.db, actor, { helplines: [{ id: KPH, language: 'nb' }], limit: 20, ...filter });
    const [row] = await query.explain('json', sql`analyze`);
    const top = (row['QUERY PLAN'] as [{ Plan: PlanNode; 'Execution Time': number }])[0];
    const all = planNodes(top.Plan);
    const scan = all.find((n) => n['Index Name']?.startsWith('contacts_')) ?? all.find((n) => n['Node Type'].includes('Seq Scan'));
    const sorted = all.some((n) => n['Node Type'].includes('Sort'));
    log(`    ${name}: ${scan?.['Index Name'] ?? scan?.['Node Type'] ?? '?'}, ${(scan?.['Actual Rows'] ?? 0) * (scan?.['Actual Loops'] ?? 1)} rows read, ${sorted ? 'SORTED' : 'no sort'}, ${ms(top['Execution Time'])}`);
  }
}
