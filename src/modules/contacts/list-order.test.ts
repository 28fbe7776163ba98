import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp, RK, KPH } from '../../test/app.js';
import type { Actor } from '../auth/policy.js';
import { contactPageQuery, type ContactListFilter } from './list-queries.js';
import { planNodes, type PlanNode } from '../../db/plan.js';

/**
 * Every list is read from an index in the order it shows (decision 0027): a page is a short range
 * read however many rows lie behind it, never "read all, then sort". The planner is told that
 * sorting and whole-table reads cost the earth; if an index in the list's order exists, the plan
 * walks it, and if none does, a Sort stays in the plan and the test names the list. (At 1 M rows
 * the bench prints the real plan: `npm run bench -- --only=mixed`.)
 */
const ctx = useTestApp(RK);


async function planOf(actor: Actor, filter: Omit<ContactListFilter, 'helplines' | 'limit'>, helplineIds = [RK]) {
  return ctx.t.db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_sort = off`.execute(trx);
    await sql`SET LOCAL enable_seqscan = off`.execute(trx);
    await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
    const [row] = await contactPageQuery(trx, actor, { helplines: helplineIds.map((id) => ({ id, language: 'nb' as const })), limit: 50, ...filter }).explain('json');
    const plan = (row['QUERY PLAN'] as [{ Plan: PlanNode }])[0].Plan;
    // The contacts scan is the one reading the list; others read import batches (the hidden-batch filter).
    const all = planNodes(plan);
    return {
      sorts: all.filter((n) => n['Node Type'].includes('Sort')).length,
      contactsIndex: all.find((n) => n['Index Name']?.startsWith('contacts_'))?.['Index Name'],
    };
  });
}

describe('lists are read in their order from an index', () => {
  const coordinator = (): Actor => ({ id: '00000000-0000-4000-8000-000000000001', role: 'coordinator', helplineIds: [RK] });
  const counsellor = (): Actor => ({ id: '00000000-0000-4000-8000-000000000002', role: 'counsellor', helplineIds: [RK] });
  const after = { startedAt: new Date('2026-06-01T10:00:00Z'), id: '00000000-0000-4000-8000-0000000000ff' };

  it.each([
    ['a coordinator’s list of the helpline', coordinator, {}, 'contacts_helpline_started_idx'],
    ['… its next page', coordinator, { after }, 'contacts_helpline_started_idx'],
    ['… within dates', coordinator, { from: '2026-01-01', to: '2026-03-31' }, 'contacts_helpline_started_idx'],
    ['… by channel and kind', coordinator, { channel: 'chat' as const, kind: 'first_contact' as const }, 'contacts_helpline_started_idx'],
    ['a counsellor’s own contacts', counsellor, { createdBy: counsellor().id }, 'contacts_created_by_started_idx'],
    ['… their next page', counsellor, { createdBy: counsellor().id, after }, 'contacts_created_by_started_idx'],
    ['a coordinator’s list of one counsellor', coordinator, { createdBy: counsellor().id }, 'contacts_created_by_started_idx'],
  ])('%s', async (_, actor, filter, index) => {
    expect(await planOf(actor(), filter)).toEqual({ sorts: 0, contactsIndex: index });
  });

  // Without choosing one, a coordinator of two helplines reads one range of the index per
  // helpline and merges them in order: no Sort over their contacts (a plain IN read them all).
  const ofTwo = (): Actor => ({ ...coordinator(), helplineIds: [RK, KPH] });
  it('a coordinator of two helplines, listing one of them', async () => {
    expect(await planOf(ofTwo(), {})).toEqual({ sorts: 0, contactsIndex: 'contacts_helpline_started_idx' });
  });
  it.each([
    ['a coordinator’s list of two helplines', {}],
    ['… its next page', { after }],
    ['… within dates, by channel', { from: '2026-01-01', to: '2026-03-31', channel: 'chat' as const }],
  ])('%s', async (_, filter) => {
    expect(await planOf(ofTwo(), filter, [RK, KPH])).toEqual({ sorts: 0, contactsIndex: 'contacts_helpline_started_idx' });
  });
});
