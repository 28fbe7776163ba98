import { describe, expect, it } from 'vitest';
import { useTestApp, RK, KPH } from '../../test/app.js';

// The rules the form shares with the import (validate.ts), at their edges. Age groups of
// Røde Kors-telefonen (data/helplines/rode-kors-telefonen.json): under_18 is 0–17, over_18 18–120.
const ctx = useTestApp(RK);

function contact(overrides: Record<string, unknown> = {}) {
  return {
    helplineId: RK,
    channel: 'telephone',
    kind: 'first_contact',
    startedAt: '2022-03-14T10:15:00+01:00',
    whoId: ctx.id('who:person_affected'),
    themes: [{ themeId: ctx.id('theme:negativ_sosial_kontroll') }],
    outcomes: ['advice_given'],
    ...overrides,
  };
}

async function register(payload: Record<string, unknown>) {
  const c = await ctx.t.as('counsellor');
  return ctx.t.app.inject({ method: 'POST', url: '/api/contacts', headers: { cookie: c.cookie }, payload });
}

describe('an exact age and its age group', () => {
  it('accepts the first and last age of each group', async () => {
    for (const [group, age] of [['under_18', 0], ['under_18', 17], ['over_18', 18], ['over_18', 120]] as const) {
      const res = await register(contact({ ageGroupId: ctx.id(`age_group:${group}`), age }));
      expect(res.statusCode, `${group} ${age}: ${res.body}`).toBe(201);
    }
  });

  it('refuses an age one year outside the chosen group, naming the age', async () => {
    for (const [group, age] of [['under_18', 18], ['over_18', 17]] as const) {
      const res = await register(contact({ ageGroupId: ctx.id(`age_group:${group}`), age }));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ field: 'age', code: 'age_outside_group' });
    }
  });

  it('fills in the group an edge age belongs to', async () => {
    for (const [age, group] of [[0, 'under_18'], [17, 'under_18'], [18, 'over_18'], [120, 'over_18']] as const) {
      const res = await register(contact({ ageGroupId: null, age }));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().ageGroupId, `age ${age}`).toBe(ctx.id(`age_group:${group}`));
    }
  });
});

describe('categories the form takes', () => {
  it('stores a category of the right kind in every category field', async () => {
    const fields = {
      whoId: ctx.id('who:family'),
      ageGroupId: ctx.id('age_group:under_18'),
      genderId: ctx.id('gender:mann'),
      bodyTypeId: ctx.id('body_type:school'),
      referredToId: ctx.id('body_type:child_welfare'),
      themes: [{ themeId: ctx.id('theme:tvangsekteskap'), subthemeIds: [ctx.id('subtheme:te_planlagt')] }],
      outcomes: ['referred'],
    };
    const res = await register(contact(fields));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject(fields);
  });
});

describe('categories and outcomes the form refuses', () => {
  it('a category of another kind in a field (a gender given as "who")', async () => {
    const res = await register(contact({ whoId: ctx.id('gender:kvinne') }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'whoId', code: 'unknown_category' });
  });

  it('a category of another kind in any category field, naming that field', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['ageGroupId', { ageGroupId: ctx.id('gender:kvinne') }],
      ['genderId', { genderId: ctx.id('who:family') }],
      ['bodyTypeId', { bodyTypeId: ctx.id('gender:mann') }],
      ['referredToId', { referredToId: ctx.id('who:professional'), outcomes: ['referred'] }],
      ['themes.0.themeId', { themes: [{ themeId: ctx.id('subtheme:te_planlagt') }] }],
    ];
    for (const [field, overrides] of cases) {
      const res = await register(contact(overrides));
      expect(res.statusCode, field).toBe(400);
      expect(res.json(), field).toMatchObject({ field, code: 'unknown_category' });
    }
  });

  it('a channel the helpline does not offer: Kors på halsen has no walk-in, naming the channel', async () => {
    const c = await ctx.t.as('counsellor', [KPH]);
    const payload = { helplineId: KPH, channel: 'walk_in', kind: 'first_contact', startedAt: '2022-03-14T10:15:00+01:00' };
    const res = await ctx.t.app.inject({ method: 'POST', url: '/api/contacts', headers: { cookie: c.cookie }, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 'channel_not_offered', field: 'channel', message: 'Hjelpelinjen har ikke kanalen «walk_in».' });
    const offered = await ctx.t.app.inject({ method: 'POST', url: '/api/contacts', headers: { cookie: c.cookie }, payload: { ...payload, channel: 'chat' } });
    expect(offered.statusCode, offered.body).toBe(201);
  });

  it('the same theme twice, naming the second', async () => {
    const theme = ctx.id('theme:negativ_sosial_kontroll');
    const res = await register(contact({ themes: [{ themeId: theme }, { themeId: theme }] }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'themes.1.themeId', code: 'invalid_value' });
  });

  it('a place referred to without the outcome "referred"; with it, the contact is stored', async () => {
    const police = ctx.id('body_type:police');
    const without = await register(contact({ referredToId: police, outcomes: ['advice_given'] }));
    expect(without.statusCode).toBe(400);
    expect(without.json()).toMatchObject({ field: 'referredToId', code: 'invalid_value' });
    const withIt = await register(contact({ referredToId: police, outcomes: ['advice_given', 'referred'] }));
    expect(withIt.statusCode, withIt.body).toBe(201);
    expect(withIt.json().referredToId).toBe(police);
  });
});
