import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, RK, KPH, PASSWORD } from '../../test/app.js';
import { ACTIONS, checkContact, contactFilter, type Actor } from './policy.js';
import { ROLES } from '../../shared/enums.js';
import { createUser } from '../users/service.js';

/** The in-memory rule and its SQL form must agree on every role, helpline and ownership case. */
let t: TestApp;
const users: Record<string, string> = {};
const contactIds: { id: string; helplineId: string; createdBy: string }[] = [];

beforeAll(async () => {
  t = await testApp();
  for (const name of ['alice', 'bob']) {
    users[name] = (await createUser(t.db, null, { email: `${name}@policy.test`, displayName: name, role: 'counsellor', locale: 'nb', password: PASSWORD, helplineIds: [RK, KPH] })).id;
  }
  for (const helplineId of [RK, KPH]) {
    for (const createdBy of Object.values(users)) {
      const row = await t.db
        .insertInto('contacts')
        .values({ helpline_id: helplineId, channel: 'telephone', kind: 'first_contact', started_at: new Date(), local_date: '2024-01-01', country: 'not_asked', outcomes: [], source: 'api', created_by: createdBy })
        .returning('id')
        .executeTakeFirstOrThrow();
      contactIds.push({ id: row.id, helplineId, createdBy });
    }
  }
});
afterAll(async () => { await t.close(); });

describe('contact policy', () => {
  const scopes = [[], [RK], [RK, KPH]];
  it.each(ROLES.flatMap((role) => scopes.map((helplineIds) => ({ role, helplineIds }))))('check and filter agree for $role on $helplineIds', async ({ role, helplineIds }) => {
    const actor: Actor = { id: users.alice, role, helplineIds };
    for (const action of ACTIONS) {
      const viaSql = new Set(
        (await t.db.selectFrom('contacts').select('id').where('id', 'in', contactIds.map((c) => c.id)).where(contactFilter(actor, action)).execute()).map((r) => r.id),
      );
      for (const c of contactIds) {
        const inMemory = ['contact.read', 'contact.update', 'contact.export'].includes(action) ? checkContact(actor, action, c) : null;
        if (inMemory !== null) expect(viaSql.has(c.id), `${role} ${action} ${c.helplineId}`).toBe(inMemory);
      }
    }
  });

  it('which contacts each role reaches, written out from the README (alice asks; bob is a colleague)', async () => {
    // Per role and action: what alice reaches with no helpline, with RK, and with RK and KPH.
    const none = ['', '', ''];
    const helplines = ['', 'RK:alice RK:bob', 'KPH:alice KPH:bob RK:alice RK:bob'];
    const own = ['', 'RK:alice', 'KPH:alice RK:alice'];
    const expected: Record<string, Record<string, string[]>> = {
      admin: { 'contact.read': none, 'contact.update': none, 'contact.export': none },
      coordinator: { 'contact.read': helplines, 'contact.update': helplines, 'contact.export': helplines },
      counsellor: { 'contact.read': helplines, 'contact.update': own, 'contact.export': none },
      caseworker: { 'contact.read': helplines, 'contact.update': none, 'contact.export': none },
      volunteer: { 'contact.read': none, 'contact.update': none, 'contact.export': none },
      analyst: { 'contact.read': none, 'contact.update': none, 'contact.export': none },
    };
    const name = (c: { helplineId: string; createdBy: string }) => `${c.helplineId === RK ? 'RK' : 'KPH'}:${c.createdBy === users.alice ? 'alice' : 'bob'}`;
    const got: Record<string, Record<string, string[]>> = {};
    for (const role of ROLES) {
      got[role] = {};
      for (const action of ['contact.read', 'contact.update', 'contact.export'] as const) {
        got[role][action] = [];
        for (const helplineIds of scopes) {
          const actor: Actor = { id: users.alice, role, helplineIds };
          const viaSql = new Set((await t.db.selectFrom('contacts').select('id').where('id', 'in', contactIds.map((c) => c.id)).where(contactFilter(actor, action)).execute()).map((r) => r.id));
          got[role][action].push(contactIds.filter((c) => viaSql.has(c.id)).map(name).sort().join(' '));
        }
      }
    }
    expect(got).toEqual(expected);
  });

  it('a counsellor may correct only what they registered; an analyst reads nothing', () => {
    const alice: Actor = { id: users.alice, role: 'counsellor', helplineIds: [RK] };
    expect(checkContact(alice, 'contact.update', { helplineId: RK, createdBy: users.alice })).toBe(true);
    expect(checkContact(alice, 'contact.update', { helplineId: RK, createdBy: users.bob })).toBe(false);
    expect(checkContact({ ...alice, role: 'analyst' }, 'contact.read', { helplineId: RK, createdBy: users.alice })).toBe(false);
    expect(checkContact({ ...alice, role: 'admin' }, 'contact.read', { helplineId: RK, createdBy: users.alice })).toBe(false);
  });
});
