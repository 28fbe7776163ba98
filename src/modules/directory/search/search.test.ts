import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { loadInitialDirectory } from '../initial-content.js';

/**
 * The directory search (issue 10 point 3) over the real initial content, through the public API.
 * Expected services are the seeds' own: NOAS gives free legal aid to asylum seekers (004 l. 11814),
 * ROSA helps people exposed to trafficking around the clock (004 l. 11975), the health centres for
 * undocumented migrants are in Oslo and Bergen (004 l. 11945), Fellesverket is for 13–25-year-olds
 * (000 l. 910), the UDI information line is open 09–15 on weekdays (004 l. 1700).
 */
const NOAS = 'd344cbc0-1f47-5d00-9c00-b730b3a38cf7';
const ROSA = '5911b763-0453-540a-8726-db0fbaf3af62';
const HEALTH_OSLO = 'e5bf6215-6ef1-5dec-bbee-c193a3eb44c9';
const HEALTH_BERGEN = '46356995-7ddd-5be0-b5e4-97a9d1fd4b54';
const FELLESVERKET = '05b5dae5-511c-5f20-bfc7-a54f1c859df6';
const MENTORS = '688ac80d-4ff7-5a62-9d7c-ac2590e7a9f5';
const UDI_LINE = 'df9ff578-29aa-5b81-92e3-332221fc9444';
const NES = '2c088abc-5679-527f-ac1f-1800c2cb9723';
const SHELTER = 'df9ab425-9192-5f54-99df-ef1a08ae5f78';
const RKT = 'f45f29f3-57ed-5b45-afad-b86e0a25e548';
const KPH_SERVICE = '43c7d502-c6d2-5879-8c88-2ee979490744';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await loadInitialDirectory(t.db, loadConfig({}).directoryInitialContent!);
});
afterAll(() => t.close());

type Hit = { id: string; name: string; open_now: boolean | null; target_groups: { code: string }[]; areas: string[]; minimum_age: number | null; maximum_age: number | null; phones: { number: string }[] };
async function search(query: Record<string, string>): Promise<{ total: number; results: Hit[]; next_cursor: string | null }> {
  const res = await t.app.inject({ method: 'GET', url: '/api/directory/search', query });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const ids = (r: { results: Hit[] }) => r.results.map((h) => h.id);

describe('directory search', () => {
  it('finds the service a query names, stemmed, first among those that share its words', async () => {
    expect(ids(await search({ q: 'gratis advokat for asylsøker' })).slice(0, 3)).toContain(NOAS);
    // "asylsøkere" in the text, "asylsøker" in the query: the same stem.
    const rosa = await search({ q: 'utsatt for menneskehandel' });
    expect(ids(rosa).slice(0, 3)).toContain(ROSA);
    expect(rosa.results.find((h) => h.id === ROSA)!.phones.map((p) => p.number)).toContain('22 33 11 60');
  });

  it('tolerates typos and a keyboard without æ, ø and å', async () => {
    expect(ids(await search({ q: 'menneskehandell' })).slice(0, 5)).toContain(ROSA);
    // A short word with its first or middle letter slipped to the next key (a probe from outside
    // found these missed); the page is told what was searched for instead.
    for (const [typo, meant] of [['gelse', 'helse'], ['hrlse', 'helse'], ['gjelp', 'hjelp'], ['ensonhet', 'ensomhet']]) {
      const found = await search({ q: typo }) as Awaited<ReturnType<typeof search>> & { words: string[]; corrected: unknown };
      expect(found.words, typo).toEqual([typo, meant]);
      expect(found.corrected).toEqual([{ written: typo, searched: meant }]);
    }
    // Real words one letter from a directory word, but not a neighbouring key, are taken as written
    // (the same probe: "honey" searched for money services, "skade" for "skape").
    for (const word of ['honey', 'skade', 'broke', 'horse', 'fever', 'agent', 'sover']) {
      expect((await search({ q: word }) as Awaited<ReturnType<typeof search>> & { corrected: unknown }).corrected, word).toEqual([]);
    }
    // "å" written as "a" and a combining ring (as some systems send it) is the same letter (found
    // by a probe from outside: it was read as two words, "a" and "pen").
    const decomposed = 'åpen møteplass'.normalize('NFD');
    expect(decomposed).toHaveLength('åpen møteplass'.length + 1);
    const found = await search({ q: decomposed }) as Awaited<ReturnType<typeof search>> & { words: string[] };
    expect(found.words).toEqual(['åpen', 'møteplass']);
    expect(found.results[0].name).toBe('Åpen møteplass for ungdom');
    expect(ids(await search({ q: 'advokat asylsokar' })).slice(0, 3)).toContain(NOAS);
  });

  it('finds Norwegian services from English and Danish words', async () => {
    const doctor = ids(await search({ q: 'doctor without papers' })).slice(0, 3);
    expect(doctor).toEqual(expect.arrayContaining([HEALTH_OSLO, HEALTH_BERGEN]));
    // "indsatte" is Danish for the Norwegian "innsatte" (inmates): Nettverk etter soning is for them (000 l. 805).
    expect(ids(await search({ q: 'hjælp til tidligere indsatte' })).slice(0, 5)).toContain(NES);
    expect(ids(await search({ q: 'help for ex prisoners' })).slice(0, 5)).toContain(NES);
  });

  it('understands everyday words a person in need would type (found by a probe from outside)', async () => {
    // "hjemløs" is no misspelling of "hjemme": emergency shelter for homeless travellers (000 l. 1170).
    expect(ids(await search({ q: 'hjemløs' })).slice(0, 3)).toContain(SHELTER);
    // Forced marriage: the Red Cross helpline on negative social control (002 l. 1) comes first.
    expect(ids(await search({ q: 'tvunget til å gifte meg' }))[0]).toBe(RKT);
    // "slår" (hits) means violence: the child helpline for children exposed to it (000 l. 760).
    expect(ids(await search({ q: 'min far slår meg' })).slice(0, 3)).toContain(KPH_SERVICE);
  });

  it('filters by target group, municipality, age and language', async () => {
    const prisoners = await search({ target_group: 'innsatte', limit: '50' });
    expect(prisoners.total).toBeGreaterThan(0);
    for (const h of prisoners.results) expect(h.target_groups.map((g) => g.code)).toContain('innsatte');

    // Bergen's own health centre and the national services, never Oslo's.
    const bergen = ids(await search({ q: 'helsesenter papirløse', municipality: 'Bergen' }));
    expect(bergen).toContain(HEALTH_BERGEN);
    expect(bergen).not.toContain(HEALTH_OSLO);
    // A Danish service for all of Denmark is not in Bergen (found by a probe from outside).
    const inBergen = (await search({ municipality: 'Bergen', limit: '50' })).results;
    expect(inBergen.filter((h) => h.areas.includes('Danmark'))).toEqual([]);
    expect(inBergen.some((h) => h.areas.includes('Norge'))).toBe(true);

    expect(ids(await search({ q: 'fellesverket', age: '14' }))).toContain(FELLESVERKET);
    expect(ids(await search({ q: 'fellesverket', age: '40' }))).not.toContain(FELLESVERKET);
    expect(ids(await search({ q: 'mentor', age: '19' }))).toContain(MENTORS);
    expect(ids(await search({ q: 'mentor', age: '20' }))).not.toContain(MENTORS);

    const danish = await search({ language: 'da', limit: '50' });
    expect(danish.total).toBeGreaterThan(0);
    expect(ids(danish)).not.toContain(NOAS);
  });

  it('pages by key through every match once', async () => {
    const all = await search({ q: 'hjelp', limit: '50' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search({ q: 'hjelp', limit: '7', ...(cursor ? { cursor } : {}) });
      seen.push(...ids(page));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(ids(all).concat()); // the same order, no repeats, none missing
    expect(new Set(seen).size).toBe(all.total);
  });

  it('ranks services with every word before those with only some, and pages across both once each', async () => {
    const q = 'gratis advokat';
    const all = await search({ q, limit: '50' });
    expect(all.total).toBe(all.results.length);
    // NOAS (free legal aid) has both words; a service with only "gratis" comes after it.
    const noas = ids(all).indexOf(NOAS);
    expect(noas).toBeGreaterThanOrEqual(0);
    expect(ids(all).indexOf(FELLESVERKET) === -1 || ids(all).indexOf(FELLESVERKET) > noas).toBe(true);
    // Two words (every word, then some) and three (every word, all but one, then some).
    for (const words of [q, 'gratis advokat asylsøker']) {
      const whole = await search({ q: words, limit: '50' });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await search({ q: words, limit: '2', ...(cursor ? { cursor } : {}) });
        seen.push(...ids(page));
        cursor = page.next_cursor;
      } while (cursor);
      expect(seen, words).toEqual(ids(whole));
      expect(new Set(seen).size).toBe(whole.total);
    }
  });

  it('answers a bad parameter with the field named, and a tampered cursor too', async () => {
    const age = await t.app.inject({ method: 'GET', url: '/api/directory/search?age=old', headers: { 'accept-language': 'en' } });
    expect(age.statusCode).toBe(400);
    expect(age.json().field).toBe('age');
    // An empty age field is no age, not age 0 (found by a probe from outside).
    // Fellesverket is for 13–25-year-olds (000 l. 910).
    expect(ids(await search({ q: 'Fellesverket', age: '' }))).toContain(FELLESVERKET);
    expect(ids(await search({ q: 'Fellesverket', age: '0' }))).not.toContain(FELLESVERKET);
    const cursor = await t.app.inject({ method: 'GET', url: '/api/directory/search?q=hjelp&cursor=bm90LWEtY3Vyc29y' });
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().field).toBe('cursor');
  });
});

describe('search filters', () => {
  it('offer what the directory holds, with how many services each has, countries aside', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/directory/filters' });
    expect(res.statusCode).toBe(200);
    const f = res.json() as { target_groups: { code: string; name: string; services: number }[]; municipalities: { name: string; services: number }[]; languages: { code: string }[] };
    expect(f.target_groups.find((g) => g.code === 'innsatte')).toMatchObject({ name: 'Innsatte i fengsler' });
    expect(f.target_groups.find((g) => g.code === 'innsatte')!.services).toBe((await search({ target_group: 'innsatte', limit: '50' })).total);
    expect(f.municipalities.map((m) => m.name)).toEqual(expect.arrayContaining(['Bergen', 'Oslo', 'Tromsø', 'Ålesund']));
    expect(f.municipalities.map((m) => m.name)).not.toContain('Norge');
    // A place's count is what choosing it finds: the services there and those for all its country
    // (found by a probe from outside: the count left out the national ones).
    for (const place of ['Bergen', 'Oslo', 'Tromsø']) {
      expect(f.municipalities.find((m) => m.name === place)!.services, place).toBe((await search({ municipality: place, limit: '50' })).total);
    }
    expect(f.languages.map((l) => l.code)).toEqual(['da', 'nb']);
  });
});

describe('open now', () => {
  // The UDI information line: Monday–Friday 09:00–15:00 Oslo time. ROSA: around the clock.
  it('is read on the service\'s own clock, in winter and in summer time', async () => {
    const at = async (iso: string) => {
      const { searchServices } = await import('./search.js');
      return searchServices(t.db, { q: 'UDI opplysningstelefon', openNow: true, limit: 50 }, new Date(iso));
    };
    // Tuesday 1 December 2026, 09:30 in Oslo (08:30 UTC, winter time): open.
    expect((await at('2026-12-01T08:30:00Z')).results.map((h) => h.id)).toContain(UDI_LINE);
    // The same Tuesday at 15:00 local: closed.
    expect((await at('2026-12-01T14:00:00Z')).results.map((h) => h.id)).not.toContain(UDI_LINE);
    // Tuesday 7 July 2026, 09:30 in Oslo is 07:30 UTC (summer time): open; 08:30 at 07:30 UTC in winter would not be.
    expect((await at('2026-07-07T07:30:00Z')).results.map((h) => h.id)).toContain(UDI_LINE);
    expect((await at('2026-12-01T07:30:00Z')).results.map((h) => h.id)).not.toContain(UDI_LINE);
    // Saturday: closed.
    const saturday = (await at('2026-12-05T10:00:00Z')).results.map((h) => h.id);
    expect(saturday).not.toContain(UDI_LINE);
  });

  it('marks each result open, closed, or unknown when the directory has no weekly hours for it', async () => {
    const res = await search({ q: 'ROSA menneskehandel' });
    expect(res.results.find((h) => h.id === ROSA)!.open_now).toBe(true);
    const noas = (await search({ q: 'NOAS' })).results.find((h) => h.id === NOAS)!;
    expect(noas.open_now).toBeNull();
  });
});
