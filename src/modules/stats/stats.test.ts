import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, RK, KPH } from '../../test/app.js';
import { categoryIds } from '../../test/taxonomy.js';
import { readHelplineFiles, syncHelplines, DEFAULT_HELPLINE_DIR } from '../helplines/load-data.js';
import { clearSnapshots } from '../helplines/snapshot.js';
import { foldCountDeltas } from './fold.js';
import type { Report } from '../../shared/schemas/stats.js';

let t: TestApp;
let id: (key: string) => number;
let counsellor: { cookie: string };
let analyst: { cookie: string };
let coordinator: { cookie: string };

beforeAll(async () => {
  t = await testApp();
  id = await categoryIds(t.db, RK);
  counsellor = await t.as('counsellor', [RK]);
  analyst = await t.as('analyst', []);
  coordinator = await t.as('coordinator', [RK]);
});
afterAll(async () => { await t.close(); });

const contact = (o: Record<string, unknown> = {}) => ({
  helplineId: RK, channel: 'telephone', kind: 'first_contact', startedAt: '2024-05-02T10:00:00+02:00',
  genderId: id('gender:mann'), themes: [{ themeId: id('theme:jomfruhinne') }], ...o,
});
const create = (o: Record<string, unknown> = {}) => t.app.inject({ method: 'POST', url: '/api/contacts', headers: { cookie: counsellor.cookie }, payload: contact(o) });
/** The internal view: every number as counted (the helpline's coordinators only). */
const report = async (year: number, cookie = coordinator.cookie, lang = 'nb'): Promise<Report> =>
  (await t.app.inject({ method: 'GET', url: `/api/stats/report?helplineId=${RK}&year=${year}&lang=${lang}&suppress=false&charts=true`, headers: { cookie } })).json();
const cell = (r: Report, table: string, key: string) => r.tables.find((x) => x.id === table)!.rows.find((x) => x.key === key)?.values;

describe('the report follows the registrations', () => {
  it('counts a new contact at once, and moves it when it is corrected', async () => {
    const before = await report(2024);
    const created = (await create()).json();
    const after = await report(2024);
    expect(after.summary.firstContactsFromIndividuals).toBe((before.summary.firstContactsFromIndividuals as number) + 1);
    expect(cell(after, 'channel', 'telephone')![0]).toBe((cell(before, 'channel', 'telephone')![0] as number) + 1);
    await t.app.inject({ method: 'PUT', url: `/api/contacts/${created.id}`, headers: { cookie: counsellor.cookie }, payload: { ...contact({ channel: 'chat' }), version: 1 } });
    const moved = await report(2024);
    expect(cell(moved, 'channel', 'telephone')).toEqual(cell(before, 'channel', 'telephone'));
    expect(cell(moved, 'channel', 'chat')![0]).toBe((cell(before, 'channel', 'chat')![0] as number) + 1);
    // Folding the appended deltas into the counts changes nothing a reader sees.
    expect(await foldCountDeltas(t.db)).toBeGreaterThan(0);
    expect(await t.db.selectFrom('contact_count_deltas').select('n').execute()).toHaveLength(0);
    const withoutCharts = (r: Report) => r.tables.map(({ chartSvg: _svg, ...rest }) => rest);
    expect(withoutCharts(await report(2024))).toEqual(withoutCharts(moved));
  });

  it('speaks the user language and draws a chart as SVG for every table with something counted', async () => {
    await create();
    const da = await report(2024, coordinator.cookie, 'da');
    expect(da.tables.find((x) => x.id === 'channel')!.title).toBe('Førstegangshenvendelser fra enkeltpersoner pr. kanal');
    expect(da.tables.find((x) => x.id === 'theme')!.rows.find((r) => r.key === 'jomfruhinne')!.label).toBe('Jomfruhinde');
    for (const id of ['kind', 'month', 'channel', 'who', 'age_gender', 'theme']) expect(da.tables.find((x) => x.id === id)!.chartSvg, id).toMatch(/^<svg/);
    // No knowledge requests this year: a sentence instead of bare axes.
    expect(da.tables.find((x) => x.id === 'body_type')!.chartText).toBe('Ingen figur: der er ingen henvendelser at vise her.');
  });
});

describe('who may see statistics', () => {
  it('an analyst sees aggregates; a counsellor of another helpline gets 404; a volunteer 403; no session 401', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/stats/report?helplineId=${RK}&year=2024`, headers: { cookie: analyst.cookie } })).statusCode).toBe(200);
    const other = await t.as('counsellor', [KPH]);
    expect((await t.app.inject({ method: 'GET', url: `/api/stats/report?helplineId=${RK}&year=2024`, headers: { cookie: other.cookie } })).statusCode).toBe(404);
    const volunteer = await t.as('volunteer', [RK]);
    expect((await t.app.inject({ method: 'GET', url: `/api/stats/report?helplineId=${RK}&year=2024`, headers: { cookie: volunteer.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/stats/report?helplineId=${RK}&year=2024` })).statusCode).toBe(401);
  });

  it('bad parameters name the field', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/stats/report?helplineId=${RK}&year=tjue`, headers: { cookie: analyst.cookie } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'year', message: 'Feltet «År» har feil type.' });
  });
});

describe('printable report and table exports', () => {
  it('the printable report is a self-contained HTML page with tables and charts', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/stats/report.html?helplineId=${RK}&year=2024&suppress=true`, headers: { cookie: analyst.cookie } });
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<html lang="nb">');
    expect(res.body).toContain('Årsrapport 2024');
    expect(res.body).toContain('Publiseringsversjon');
    // A handful of contacts: every count is under 5 and hidden, so no chart has anything to draw.
    expect(res.body).toContain('<p class="no-chart">Ingen figur: alle tallene den skulle vise, er skjult');
    expect(res.body).not.toContain('<script');
    // The helpline's coordinator may print the internal view: every number, so charts to draw.
    const coordinator = await t.as('coordinator');
    const internal = await t.app.inject({ method: 'GET', url: `/api/stats/report.html?helplineId=${RK}&year=2024&suppress=false`, headers: { cookie: coordinator.cookie } });
    expect(internal.body).toContain('INTERN');
    expect(internal.body).toContain('<svg');
  });

  it('a table downloads as CSV and XLSX, published unless a coordinator asks for the internal one', async () => {
    const csv = await t.app.inject({ method: 'GET', url: `/api/stats/table.csv?helplineId=${RK}&year=2024&table=channel`, headers: { cookie: analyst.cookie } });
    expect(csv.headers['content-disposition']).toContain('rode-kors-telefonen-2024-channel-published.csv');
    expect(csv.body).toContain('Kategori,Førstegangshenvendelser fra enkeltpersoner');
    expect(csv.body).toMatch(/Telefon,(\d+|:)/);
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/stats/table.xlsx?helplineId=${RK}&year=2024&table=channel`, headers: { cookie: analyst.cookie } });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('versioned taxonomy', () => {
  it('a renamed category keeps its old name in old years; a retired one keeps its old contacts but takes no new ones', async () => {
    await create({ startedAt: '2023-06-01T10:00:00+02:00', themes: [{ themeId: id('theme:annet') }] });
    const files = readHelplineFiles(DEFAULT_HELPLINE_DIR);
    const rk = files.find((f) => f.id === RK)!;
    const theme = rk.taxonomy.theme.find((c) => c.code === 'jomfruhinne')!;
    theme.history = [{ until: '2025-01-01', label: theme.label }];
    theme.label = { nb: 'Jomfruhinnerekonstruksjon og «jomfrusjekk»', da: 'Jomfruhinde', en: 'Hymen' };
    rk.taxonomy.theme.find((c) => c.code === 'annet')!.retiredFrom = '2025-01-01';
    await syncHelplines(t.db, files);
    clearSnapshots(t.db);

    const old = await report(2024);
    expect(cell(old, 'theme', 'jomfruhinne')).toBeDefined();
    expect(old.tables.find((x) => x.id === 'theme')!.rows.find((r) => r.key === 'jomfruhinne')!.label).toBe('Jomfruhinne');
    expect(cell(await report(2023), 'theme', 'annet')).toEqual([1]);

    await create({ startedAt: '2025-02-01T10:00:00+01:00' });
    const now = await report(2025);
    expect(now.tables.find((x) => x.id === 'theme')!.rows.find((r) => r.key === 'jomfruhinne')!.label).toBe('Jomfruhinnerekonstruksjon og «jomfrusjekk»');
    expect(cell(now, 'theme', 'annet')).toBeUndefined();
    const refused = await create({ startedAt: '2025-02-01T10:00:00+01:00', themes: [{ themeId: id('theme:annet') }] });
    expect(refused.json()).toMatchObject({ code: 'retired_category', field: 'themes.0.themeId' });

    const tax = await t.app.inject({ method: 'GET', url: `/api/helplines/${RK}/taxonomy?at=2025-06-01`, headers: { cookie: counsellor.cookie } });
    expect(tax.json().categories.find((c: { code: string }) => c.code === 'annet').retired).toBe(true);
    // The helpline file on disk is untouched by the test.
    expect(JSON.parse(fs.readFileSync(`${DEFAULT_HELPLINE_DIR}/${RK}.json`, 'utf8')).taxonomy.theme.find((c: { code: string }) => c.code === 'annet').retiredFrom).toBeUndefined();
  });
});

describe('categories outlive their contacts', () => {
  it('a category cannot be deleted, so a stored reference never dangles', async () => {
    await expect(t.db.deleteFrom('taxonomy_categories').where('id', '=', id('theme:annet')).execute()).rejects.toThrow(/retired, never deleted/);
  });
});

describe('synthetic demo data', () => {
  it('the report says how many of the year’s contacts are demo data, and the printable report warns', async () => {
    const plain = await report(2024);
    expect(plain.demoContacts).toBe(0);
    const { loadDemoData } = await import('../demo/service.js');
    await loadDemoData(t.db, new Date('2024-11-01T12:00:00Z'));
    const withDemo = await report(2024);
    expect(withDemo.demoContacts).toBeGreaterThan(100);
    const html = await t.app.inject({ method: 'GET', url: `/api/stats/report.html?helplineId=${RK}&year=2024`, headers: { cookie: analyst.cookie } });
    expect(html.body).toContain(`Demodata: ${withDemo.demoContacts} av henvendelsene`);
  });
});
