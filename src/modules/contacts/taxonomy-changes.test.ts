import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';
import { readHelplineFiles, syncHelplines, DEFAULT_HELPLINE_DIR } from '../helplines/load-data.js';
import { clearSnapshots } from '../helplines/snapshot.js';

// Røde Kors-telefonen's file (data/helplines/rode-kors-telefonen.json) as the helpline might
// change it (the file format, src/modules/helplines/data-schema.ts, allows both): the theme
// "annet" retired from 1 January 2025 (`retiredFrom`), and the age group over_18 without an upper
// age (`maxAge` left out), and the age group under_18 retired from 1 January 2026. The file on
// disk is not touched.
const ctx = useTestApp(RK);

beforeAll(async () => {
  const files = readHelplineFiles(DEFAULT_HELPLINE_DIR);
  const rk = files.find((f) => f.id === RK)!;
  rk.taxonomy.theme.find((c) => c.code === 'annet')!.retiredFrom = '2025-01-01';
  delete rk.taxonomy.age_group.find((c) => c.code === 'over_18')!.maxAge;
  rk.taxonomy.age_group.find((c) => c.code === 'under_18')!.retiredFrom = '2026-01-01';
  await syncHelplines(ctx.t.db, files);
  clearSnapshots(ctx.t.db);
});

async function register(overrides: Record<string, unknown>) {
  const c = await ctx.t.as('counsellor');
  const payload = { helplineId: RK, channel: 'telephone', kind: 'first_contact', startedAt: '2024-06-03T10:00:00+02:00', ...overrides };
  return ctx.t.app.inject({ method: 'POST', url: '/api/contacts', headers: { cookie: c.cookie }, payload });
}

describe('a retired category', () => {
  it("is refused from the day it is retired, by the helpline's local date, naming the theme", async () => {
    const annet = [{ themeId: ctx.id('theme:annet') }];
    // 23:30 UTC on 31 December 2024 is already 1 January 2025 in Oslo.
    const refused = await register({ startedAt: '2024-12-31T23:30:00+00:00', themes: annet });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: 'themes.0.themeId', code: 'retired_category' });
    // An hour earlier it is still 31 December in Oslo: the theme is in use.
    const taken = await register({ startedAt: '2024-12-31T22:30:00+00:00', themes: annet });
    expect(taken.statusCode, taken.body).toBe(201);
  });
});

describe('an age group without an upper age', () => {
  it('takes every age from its lower bound, and still refuses one below it', async () => {
    const over18 = ctx.id('age_group:over_18');
    for (const age of [18, 64, 120]) {
      const res = await register({ ageGroupId: over18, age });
      expect(res.statusCode, `${age}: ${res.body}`).toBe(201);
    }
    const below = await register({ ageGroupId: over18, age: 17 });
    expect(below.json()).toMatchObject({ field: 'age', code: 'age_outside_group' });
  });

  it('is filled in from an exact age at or above its lower bound, as the form does', async () => {
    for (const [age, group] of [[17, 'under_18'], [18, 'over_18'], [64, 'over_18'], [120, 'over_18']] as const) {
      const res = await register({ ageGroupId: null, age });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().ageGroupId, `age ${age}`).toBe(ctx.id(`age_group:${group}`));
    }
  });
});

describe('an age group retired by the contact\'s date', () => {
  it('is not filled in from an exact age, by the helpline\'s local date', async () => {
    // 22:30 UTC on 31 December 2025 is still 2025 in Oslo: under_18 is in use.
    const before = await register({ startedAt: '2025-12-31T22:30:00+00:00', ageGroupId: null, age: 15 });
    expect(before.statusCode, before.body).toBe(201);
    expect(before.json().ageGroupId).toBe(ctx.id('age_group:under_18'));
    // 23:30 UTC is 1 January 2026 in Oslo: the age is kept, no retired group is chosen for it.
    const after = await register({ startedAt: '2025-12-31T23:30:00+00:00', ageGroupId: null, age: 15 });
    expect(after.statusCode, after.body).toBe(201);
    expect(after.json()).toMatchObject({ age: 15, ageGroupId: null });
  });
});
