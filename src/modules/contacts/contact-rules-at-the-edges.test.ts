import { describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';

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

describe('categories and outcomes the form refuses', () => {
  it('a category of another kind in a field (a gender given as "who")', async () => {
    const res = await register(contact({ whoId: ctx.id('gender:kvinne') }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'whoId', code: 'unknown_category' });
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
