import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { useTestApp, RK } from '../../test/app.js';
import { loadInitialDirectory } from './initial-content.js';
import { checkDataSet } from './data-set.js';

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
  minimum_age: null, maximum_age: null, phones: [{ number: '22 36 56 60', description: 'Sentralbord' }], verified: true, last_modified: null, ...over,
});

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
