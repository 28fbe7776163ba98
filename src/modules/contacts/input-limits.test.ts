import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';
import { COUNTRY_CODES } from '../../shared/countries.js';

// What a user may type that the database cannot store or a report cannot use: a NUL byte, a year
// like 0000 or 9999, a country code that is no country. Always a 400 naming the field, never a 500.
const ctx = useTestApp(RK);

const contact = (overrides: Record<string, unknown> = {}) => ({
  helplineId: RK, channel: 'telephone', kind: 'first_contact', startedAt: '2022-03-14T10:15:00+01:00', country: 'PK', summary: 'Ringer om press.', ...overrides,
});

async function counsellor() {
  return (await ctx.t.as('coordinator')).cookie;
}

const csv = (rows: Record<string, string>[]) => {
  const header = ['date_time', 'channel', 'kind', 'country', 'summary'];
  return [header.join(','), ...rows.map((r) => header.map((h) => r[h] ?? '').join(','))].join('\n');
};
const row = (o: Record<string, string> = {}) => ({ date_time: '2022-03-05 10:30', channel: 'telephone', kind: 'first_contact', country: 'NO', summary: 'Tidligere år', ...o });

describe('a contact in the API', () => {
  it('a NUL byte in the summary is a 400 naming the summary', async () => {
    const res = await ctx.t.app.inject({ method: 'POST', url: '/api/contacts', headers: { cookie: await counsellor() }, payload: contact({ summary: 'Ringer\u0000 om press.' }) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 'invalid_characters', field: 'summary', message: 'Feltet «Sammendrag» inneholder et tegn som ikke er tillatt (NUL).' });
  });

  it('a year 0000 or 9999 is a 400 naming the time', async () => {
    const cookie = await counsellor();
    for (const startedAt of ['0000-03-14T10:15:00+01:00', '9999-03-14T10:15:00+01:00']) {
      const res = await ctx.t.app.inject({ method: 'POST', url: '/api/contacts', headers: { cookie }, payload: contact({ startedAt }) });
      expect(res.statusCode, startedAt).toBe(400);
      expect(res.json()).toEqual({ code: 'date_out_of_range', field: 'startedAt', message: 'Feltet «Tidspunkt» må være en dato mellom år 1900 og 2100.' });
    }
  });

  it('a country is an ISO 3166 code: "UK" is refused, GB taken', async () => {
    const cookie = await counsellor();
    const uk = await ctx.t.app.inject({ method: 'POST', url: '/api/contacts', headers: { cookie }, payload: contact({ country: 'UK' }) });
    expect(uk.statusCode).toBe(400);
    expect(uk.json()).toEqual({ code: 'unknown_country', field: 'country', message: 'Feltet «Landbakgrunn» må være en landkode fra ISO 3166 (for eksempel NO, GB).' });
    const gb = await ctx.t.app.inject({ method: 'POST', url: '/api/contacts', headers: { cookie }, payload: contact({ country: 'GB' }) });
    expect(gb.statusCode).toBe(201);
  });
});

describe('dates in query strings', () => {
  it('year 0000 or 9999 in a filter or the taxonomy date is a 400 naming the parameter', async () => {
    const cookie = await counsellor();
    const cases: [string, string][] = [
      ['/api/contacts?from=0000-01-01', 'from'],
      ['/api/contacts?to=9999-12-31', 'to'],
      [`/api/helplines/${RK}/taxonomy?at=0000-01-01`, 'at'],
      [`/api/helplines/${RK}/taxonomy?at=9999-01-01`, 'at'],
    ];
    for (const [url, field] of cases) {
      const res = await ctx.t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({ code: 'date_out_of_range', field });
    }
  });
});

describe('an import', () => {
  const post = async (file: string) => {
    const admin = await ctx.t.as('admin', []);
    return ctx.t.app.inject({ method: 'POST', url: `/api/imports?helplineId=${RK}&format=csv`, headers: { cookie: admin.cookie, 'content-type': 'text/csv' }, payload: file });
  };

  it('names the row and column of a year 9999 or 0000 and of a country that is none, and writes nothing', async () => {
    const res = await post(csv([row(), row({ date_time: '9999-03-05 10:30' }), row({ date_time: '0000-03-05 10:30' }), row({ country: 'UK' })]));
    expect(res.statusCode).toBe(400);
    expect(res.json().details.errors).toEqual([
      { row: 3, field: 'date_time', reason: 'Feltet «date_time» må være en dato mellom år 1900 og 2100.' },
      { row: 4, field: 'date_time', reason: expect.stringContaining('Kolonnen «date_time» må være et tidspunkt') },
      { row: 5, field: 'country', reason: 'Feltet «country» må være en landkode fra ISO 3166 (for eksempel NO, GB).' },
    ]);
    const written = await ctx.t.db.selectFrom('contacts').select('id').where('source', '=', 'import').execute();
    expect(written).toEqual([]);
  });

  it('a file with a NUL byte is a 400 saying it cannot be read', async () => {
    const res = await post(csv([row({ summary: 'Tidligere\u0000år' })]));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('import_format');
  });
});

describe('the country list', () => {
  it('is the ISO 3166-1 alpha-2 list: 249 codes, the same the report names', () => {
    const require = createRequire(import.meta.url);
    countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
    // The library also knows XK (Kosovo), a user-assigned code that ISO has not assigned.
    const library = Object.keys(countries.getAlpha2Codes()).filter((code) => code !== 'XK');
    expect([...COUNTRY_CODES].sort()).toEqual(library.sort());
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(COUNTRY_CODES).not.toContain('UK');
  });
});
