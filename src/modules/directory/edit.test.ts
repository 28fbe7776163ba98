import crypto from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../config.js';
import { useTestApp, RK } from '../../test/app.js';
import { loadInitialDirectory } from './initial-content.js';
import { checkDataSet, rowOf } from './data-set.js';

/**
 * A coordinator keeps a directory entry current (issue 10 point 2): edits what people read and
 * call, marks it verified today, and the search and the public API show it at once.
 * NOAS offers free legal aid to asylum seekers, phone 22 36 56 60 (seed 004 l. 11814).
 */
const NOAS = 'd344cbc0-1f47-5d00-9c00-b730b3a38cf7';
const ctx = useTestApp(RK);
type Json = Record<string, any>;
const body = (over: Json = {}) => ({
  name: 'NOAS – rettshjelp for asylsøkere', description: 'Gratis juridisk rådgivning for asylsøkere. Åpen rådgivning på tirsdager.',
  eligibility_description: null, application_process: null, fees_description: null, url: 'https://www.noas.no/', email: 'noas@noas.org',
  // Without hours, places and terms: a client that leaves them out leaves them as they are.
  minimum_age: null, maximum_age: null, phones: [{ number: '22 36 56 60', description: 'Sentralbord' }], verified: true, last_modified: null, ...over,
});
// Terms of the seed's two taxonomies: "Innsatte i fengsler" (target group) and "Bolig" (need).
const INNSATTE = { id: 'c0c31e83-d1b8-563c-9b94-ccfda36edfdc', code: 'innsatte' };
const BOLIG = { id: 'f61197bb-36da-5848-923f-01db3cc475a6', code: 'bolig' };
const ASYL = { id: '6a4e2bcf-8bd2-5ad7-bbb7-a0313989285b', code: 'asyl' };
// "Seksuelle minoriteter og kjønnsminoriteter": no service in the seed is tagged with it, yet it is a target group.
const LHBT = { id: 'e49b58ef-eaa4-5080-9b11-cb91df1d1c26', code: 'lhbt' };

/** The ids the search finds, as a visitor runs it. */
async function search(query: Record<string, string>): Promise<string[]> {
  const res = await ctx.t.app.inject({ method: 'GET', url: '/api/directory/search', query: { limit: '50', ...query } });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().results as Json[]).map((h) => h.id as string);
}
/** The same at a moment of the test's choosing: the route reads the clock for "open now". */
async function searchAt(iso: string, query: Record<string, string>): Promise<string[]> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
  try {
    return await search(query);
  } finally {
    vi.useRealTimers();
  }
}

beforeAll(async () => {
  await loadInitialDirectory(ctx.t.db, loadConfig({}).directoryInitialContent!);
});

describe('editing a directory service', () => {
  it('saves the entry, marks it verified today, and the search finds its new words', async () => {
    const coordinator = await ctx.t.as('coordinator');
    const put = (payload: Json) => ctx.t.app.inject({ method: 'PUT', url: `/api/directory/services/${NOAS}`, headers: { cookie: coordinator.cookie }, payload });
    const res = await put(body());
    expect(res.statusCode, res.body).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    expect(res.json()).toMatchObject({ assured_date: today, email: 'noas@noas.org', phones: [{ number: '22 36 56 60', description: 'Sentralbord' }] });

    // "rådgivning på tirsdager" was not in NOAS's text before (JussBuss's Tuesday hours were).
    const hits = (await ctx.t.app.inject({ method: 'GET', url: '/api/directory/search?q=rådgivning tirsdager' })).json().results as Json[];
    expect(hits.find((h) => h.id === NOAS)).toMatchObject({ last_verified: today, phones: [{ number: '22 36 56 60', description: 'Sentralbord' }] });
    const audit = await ctx.t.db.selectFrom('audit_log').select(['action', 'detail']).where('entity_id', '=', NOAS).execute();
    expect(audit).toEqual([{ action: 'directory.edit', detail: { verified: true, phones: 1 } }]);

    // Saved over by someone else since it was opened: refused, nothing lost.
    expect((await put(body({ description: 'Eldre tekst' }))).statusCode).toBe(409);
    const last = res.json().last_modified as string;
    for (const [over, field] of [
      [{ email: 'ikke en adresse' }, 'email'], [{ minimum_age: 18, maximum_age: 16 }, 'maximum_age'], [{ name: ' ' }, 'name'],
      // Found by a probe from outside: a script address, a number one cannot dial.
      [{ url: 'javascript:alert(document.domain)' }, 'url'], [{ phones: [{ number: 'abc def', description: null }] }, 'phones.0.number'],
    ] as const) {
      const bad = await put(body({ ...over, last_modified: last }));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().field).toBe(field);
    }
    expect((await ctx.t.app.inject({ method: 'GET', url: `/api/hsds/services/${NOAS}` })).json().description).toBe('Gratis juridisk rådgivning for asylsøkere. Åpen rådgivning på tirsdager.');
  });

  it('sets weekly hours, places, target groups and needs; "open now" and the filters answer from them at once', async () => {
    const coordinator = await ctx.t.as('coordinator');
    const hsds = async () => (await ctx.t.app.inject({ method: 'GET', url: `/api/hsds/services/${NOAS}` })).json() as Json;
    const put = (payload: Json) => ctx.t.app.inject({ method: 'PUT', url: `/api/directory/services/${NOAS}`, headers: { cookie: coordinator.cookie }, payload });
    // Records the editor does not show, which it must leave alone: monthly hours and an attribute of another kind.
    const monthly = { id: crypto.randomUUID(), service_id: NOAS, freq: 'MONTHLY', bymonthday: '1', opens_at: '12:00', closes_at: '13:00', description: 'Første dag i måneden' };
    const other = { id: crypto.randomUUID(), link_id: NOAS, link_entity: 'service', link_type: 'eligibility', taxonomy_term_id: ASYL.id, value: 'Asyl' };
    await ctx.t.db.insertInto('directory_records').values([rowOf('schedules', monthly), rowOf('attributes', other)]).execute();
    // Before: for asylum seekers (seed), not in Bergen, not for inmates, and no weekly hours to be open by.
    expect(await search({ q: 'NOAS', target_group: ASYL.code })).toContain(NOAS);
    expect(await search({ q: 'NOAS', municipality: 'Bergen' })).not.toContain(NOAS);
    expect(await search({ q: 'NOAS', target_group: INNSATTE.code })).not.toContain(NOAS);
    expect(await searchAt('2026-12-09T09:00:00Z', { q: 'NOAS', open_now: 'true' })).not.toContain(NOAS);

    const weekdays = { days: ['MO', 'TU', 'WE', 'TH', 'FR'], opens_at: '09:00', closes_at: '15:00', description: 'Stengt i romjulen' };
    const saturdayNight = { days: ['SA'], opens_at: '22:00', closes_at: '02:00', description: null };
    const edit = {
      schedules: [weekdays, saturdayNight], service_areas: [{ name: 'Bergen' }], target_groups: [INNSATTE.id, LHBT.id], needs: [BOLIG.id],
      last_modified: (await hsds()).last_modified ?? null,
    };
    const res = await put(body(edit));
    expect(res.statusCode, res.body).toBe(200);

    const saved = await hsds();
    expect(saved.schedules.filter((s: Json) => s.freq === 'WEEKLY')).toEqual([
      { id: expect.any(String), service_id: NOAS, freq: 'WEEKLY', wkst: 'MO', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '15:00', description: 'Stengt i romjulen' },
      { id: expect.any(String), service_id: NOAS, freq: 'WEEKLY', wkst: 'MO', byday: 'SA', opens_at: '22:00', closes_at: '02:00' },
    ]);
    expect(saved.schedules).toContainEqual(monthly);
    expect(saved.service_areas).toEqual([{ id: expect.any(String), service_id: NOAS, name: 'Bergen' }]);
    const terms = (saved.attributes as Json[]).map((a) => [a.link_type, a.taxonomy_term?.code]);
    expect(terms.sort()).toEqual([['eligibility', ASYL.code], ['need', BOLIG.code], ['target_group', INNSATTE.code], ['target_group', LHBT.code]]);
    const audit = await ctx.t.db.selectFrom('audit_log').select('detail').where('entity_id', '=', NOAS).orderBy('at', 'desc').executeTakeFirstOrThrow();
    expect(audit.detail).toEqual({ verified: true, phones: 1, schedules: 2, service_areas: 1, terms: 3 });

    // Oslo time in December is UTC+1. Wednesday 9 December 2026 at 10:00: open; at 16:00: closed.
    expect(await searchAt('2026-12-09T09:00:00Z', { q: 'NOAS', open_now: 'true' })).toContain(NOAS);
    expect(await searchAt('2026-12-09T15:00:00Z', { q: 'NOAS', open_now: 'true' })).not.toContain(NOAS);
    // Sunday 13 December at 01:00: Saturday's 22:00–02:00 runs on past midnight; at 03:00 it has closed.
    expect(await searchAt('2026-12-13T00:00:00Z', { q: 'NOAS', open_now: 'true' })).toContain(NOAS);
    expect(await searchAt('2026-12-13T02:00:00Z', { q: 'NOAS', open_now: 'true' })).not.toContain(NOAS);
    expect(await search({ q: 'NOAS', municipality: 'Bergen' })).toContain(NOAS);
    expect(await search({ q: 'NOAS', target_group: INNSATTE.code })).toContain(NOAS);
    expect(await search({ q: 'NOAS', target_group: LHBT.code })).toContain(NOAS);
    expect(await search({ q: 'NOAS', need: BOLIG.code })).toContain(NOAS);
    // Its former target group was replaced, not kept beside the new one.
    expect(await search({ q: 'NOAS', target_group: ASYL.code })).not.toContain(NOAS);
    // The result card shows the weekly hours as days and times, each with its note, and the place;
    // the monthly schedule (no weekly days) by its note alone.
    const card = ((await ctx.t.app.inject({ method: 'GET', url: '/api/directory/search', query: { q: 'NOAS' } })).json().results as Json[]).find((h) => h.id === NOAS)!;
    expect(card.weekly_hours).toEqual([
      { days: [1, 2, 3, 4, 5], opens: '09:00', closes: '15:00', note: 'Stengt i romjulen' },
      { days: [6], opens: '22:00', closes: '02:00', note: null },
    ]);
    expect(card.opening_hours).toEqual(['Første dag i måneden']);
    expect(card.areas).toContain('Bergen');

    // Wrong input is refused naming the field, and nothing of it is saved.
    const last = saved.last_modified as string;
    for (const [over, field] of [
      [{ schedules: [{ ...weekdays, days: [] }] }, 'schedules.0.days'],
      [{ schedules: [weekdays, { ...saturdayNight, opens_at: '25:00' }] }, 'schedules.1.opens_at'],
      [{ schedules: [{ ...weekdays, closes_at: '09:00' }] }, 'schedules.0.closes_at'],
      [{ schedules: [{ ...weekdays, closes_at: null }] }, 'schedules.0.closes_at'],
      [{ schedules: [{ ...weekdays, opens_at: null, closes_at: null, description: null }] }, 'schedules.0.opens_at'],
      [{ service_areas: [{ name: 'Bergen' }, { name: ' ' }] }, 'service_areas.1.name'],
      [{ target_groups: [INNSATTE.id, crypto.randomUUID()] }, 'target_groups.1'],
      // A need is not a target group.
      [{ target_groups: [BOLIG.id] }, 'target_groups.0'],
    ] as const) {
      const bad = await put(body({ ...edit, ...over, description: 'Skal ikke lagres', last_modified: last }));
      expect(bad.statusCode, JSON.stringify(over)).toBe(400);
      expect(bad.json().field).toBe(field);
    }
    const after = await hsds();
    expect(after.last_modified).toBe(last);
    expect(after.schedules).toEqual(saved.schedules);
    expect(after.service_areas).toEqual(saved.service_areas);
    expect(after.attributes).toEqual(saved.attributes);

    // Hours without times, only words (as imported ones may be), are kept as written; "open now" cannot tell.
    const words = { days: ['MO', 'TU', 'WE', 'TH', 'FR'], opens_at: null, closes_at: null, description: 'I ordinær kontortid' };
    expect((await put(body({ ...edit, schedules: [words], last_modified: last }))).statusCode).toBe(200);
    expect((await hsds()).schedules.filter((s: Json) => s.freq === 'WEEKLY')).toEqual([
      { id: expect.any(String), service_id: NOAS, freq: 'WEEKLY', wkst: 'MO', byday: 'MO,TU,WE,TH,FR', description: 'I ordinær kontortid' },
    ]);
    expect(await searchAt('2026-12-09T09:00:00Z', { q: 'NOAS', open_now: 'true' })).not.toContain(NOAS);
  });

  it('is for coordinators only', async () => {
    const counsellor = await ctx.t.as('counsellor');
    const res = await ctx.t.app.inject({ method: 'PUT', url: `/api/directory/services/${NOAS}`, headers: { cookie: counsellor.cookie }, payload: body() });
    expect(res.statusCode).toBe(403);
  });
});

describe('an imported data set', () => {
  it('may hold web addresses only, and phone numbers with digits', () => {
    const org = '6f1d3c2a-1b7e-4c55-9a7e-0d6a3f1b2c01';
    const { issues } = checkDataSet({
      organizations: [{ id: org, name: 'Prøve', description: 'Prøve', website: 'javascript:alert(1)' }],
      phones: [{ id: '6f1d3c2a-1b7e-4c55-9a7e-0d6a3f1b2c05', organization_id: org, number: 'abc def' }],
    });
    expect(issues.map((i) => i.field)).toEqual(['organizations.0.website', 'phones.0.number']);
  });
});
