import { describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';

const ctx = useTestApp(RK);

type Json = Record<string, any>;

describe('edit history', () => {
  it('lists each edit newest first with the fields it changed, before and after, and the editor by name', async () => {
    const author = await ctx.t.as('counsellor');
    const coordinator = await ctx.t.as('coordinator');
    const base = {
      helplineId: RK, channel: 'telephone', kind: 'first_contact', startedAt: '2024-05-14T10:15:00+02:00', durationMinutes: 20,
      whoId: ctx.id('who:person_affected'), country: 'PK', themes: [{ themeId: ctx.id('theme:negativ_sosial_kontroll') }],
      summary: 'Første versjon.', outcomes: ['advice_given'],
    };
    const created = (await ctx.t.app.inject({ method: 'POST', url: '/api/contacts', headers: { cookie: author.cookie }, payload: base })).json() as Json;
    const put = (cookie: string, body: Json) => ctx.t.app.inject({ method: 'PUT', url: `/api/contacts/${created.id}`, headers: { cookie }, payload: body });
    // Same themes in another order and the same outcomes: not a change.
    const first = await put(author.cookie, {
      ...base, channel: 'chat', durationMinutes: 25,
      themes: [{ themeId: ctx.id('theme:tvangsekteskap'), subthemeIds: [ctx.id('subtheme:te_planlagt')] }, { themeId: ctx.id('theme:negativ_sosial_kontroll') }],
      version: 1,
    });
    expect(first.statusCode, first.body).toBe(200);
    const second = await put(coordinator.cookie, {
      ...base, channel: 'chat', durationMinutes: 25, whoId: ctx.id('who:family'), summary: 'Rettet versjon.',
      themes: [{ themeId: ctx.id('theme:negativ_sosial_kontroll') }, { themeId: ctx.id('theme:tvangsekteskap'), subthemeIds: [ctx.id('subtheme:te_planlagt')] }],
      version: 2,
    });
    expect(second.statusCode, second.body).toBe(200);

    const history = (await ctx.t.app.inject({ method: 'GET', url: `/api/contacts/${created.id}/history`, headers: { cookie: coordinator.cookie } })).json() as Json[];
    expect(history.map((h) => [h.version, h.changedBy, h.changedByName])).toEqual([
      [3, coordinator.id, expect.stringMatching(/^coordinator \d+$/)],
      [2, author.id, expect.stringMatching(/^counsellor \d+$/)],
    ]);
    expect(history[1].changes).toEqual([
      { field: 'channel', before: 'telephone', after: 'chat' },
      { field: 'durationMinutes', before: 20, after: 25 },
      {
        field: 'themes',
        before: [{ themeId: ctx.id('theme:negativ_sosial_kontroll'), subthemeIds: [] }],
        after: expect.arrayContaining([{ themeId: ctx.id('theme:tvangsekteskap'), subthemeIds: [ctx.id('subtheme:te_planlagt')] }]),
      },
    ]);
    expect(history[0].changes).toEqual([
      { field: 'whoId', before: ctx.id('who:person_affected'), after: ctx.id('who:family') },
      { field: 'summary', before: 'Første versjon.', after: 'Rettet versjon.' },
    ]);
    const audit = await ctx.t.db.selectFrom('audit_log').select('action').where('entity_id', '=', created.id).where('actor_id', '=', coordinator.id).execute();
    expect(audit.map((a) => a.action)).toContain('contact.history');
  });

  it('outcomes and subthemes given in another order are no change; a subtheme taken away or an outcome swapped is', async () => {
    const author = await ctx.t.as('counsellor');
    const planned = ctx.id('subtheme:te_planlagt');
    const shunned = ctx.id('subtheme:te_utfrysning');
    const base = {
      helplineId: RK, channel: 'telephone', kind: 'first_contact', startedAt: '2024-05-14T10:15:00+02:00',
      themes: [{ themeId: ctx.id('theme:tvangsekteskap'), subthemeIds: [planned, shunned] }],
      outcomes: ['advice_given', 'referred'], referredToId: ctx.id('body_type:police'),
    };
    const created = (await ctx.t.app.inject({ method: 'POST', url: '/api/contacts', headers: { cookie: author.cookie }, payload: base })).json() as Json;
    const put = (body: Json) => ctx.t.app.inject({ method: 'PUT', url: `/api/contacts/${created.id}`, headers: { cookie: author.cookie }, payload: body });
    const reordered = await put({
      ...base, outcomes: ['referred', 'advice_given'], themes: [{ themeId: ctx.id('theme:tvangsekteskap'), subthemeIds: [shunned, planned] }], version: 1,
    });
    expect(reordered.statusCode, reordered.body).toBe(200);
    const fewer = await put({
      ...base, themes: [{ themeId: ctx.id('theme:tvangsekteskap'), subthemeIds: [planned] }], outcomes: ['referred', 'follow_up_case'], version: 2,
    });
    expect(fewer.statusCode, fewer.body).toBe(200);

    const history = (await ctx.t.app.inject({ method: 'GET', url: `/api/contacts/${created.id}/history`, headers: { cookie: author.cookie } })).json() as Json[];
    expect(history.map((h) => [h.version, h.changes.map((c: Json) => c.field)])).toEqual([[3, ['themes', 'outcomes']], [2, []]]);
    const [{ before, after }, outcomes] = history[0].changes;
    expect(outcomes).toEqual({ field: 'outcomes', before: ['referred', 'advice_given'], after: ['referred', 'follow_up_case'] });
    expect(before).toEqual([{ themeId: ctx.id('theme:tvangsekteskap'), subthemeIds: expect.arrayContaining([planned, shunned]) }]);
    expect(before[0].subthemeIds).toHaveLength(2);
    expect(after).toEqual([{ themeId: ctx.id('theme:tvangsekteskap'), subthemeIds: [planned] }]);
  });

  it('says the editor is gone when their account was deleted', async () => {
    const author = await ctx.t.as('counsellor');
    const reader = await ctx.t.as('coordinator');
    const base = { helplineId: RK, channel: 'telephone', kind: 'first_contact', startedAt: '2024-05-14T10:15:00+02:00' };
    const created = (await ctx.t.app.inject({ method: 'POST', url: '/api/contacts', headers: { cookie: author.cookie }, payload: base })).json() as Json;
    await ctx.t.app.inject({ method: 'PUT', url: `/api/contacts/${created.id}`, headers: { cookie: author.cookie }, payload: { ...base, kind: 'repeat_contact', version: 1 } });
    await ctx.t.db.deleteFrom('users').where('id', '=', author.id).execute();
    const history = (await ctx.t.app.inject({ method: 'GET', url: `/api/contacts/${created.id}/history`, headers: { cookie: reader.cookie } })).json() as Json[];
    expect(history).toEqual([{ version: 2, changedAt: expect.any(String), changedBy: null, changedByName: null, changes: [{ field: 'kind', before: 'first_contact', after: 'repeat_contact' }] }]);
  });
});
