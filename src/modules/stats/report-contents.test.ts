import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';
import { annualReport } from './service.js';
import { foldCountDeltas } from './fold.js';
import type { Report } from '../../shared/schemas/stats.js';

/**
 * Issue 6, point 13: every figure says what it counts; all contacts by month and channel beside
 * first contacts; follow-up cases in the printout; a year not over is compared with the same
 * period of the year before.
 */
const ctx = useTestApp(RK);
let coordinator: { cookie: string; id: string };

async function register(kind: string, startedAt: string, n = 1, extra: Record<string, unknown> = {}) {
  for (let i = 0; i < n; i++) {
    const res = await ctx.t.app.inject({
      method: 'POST', url: '/api/contacts', headers: { cookie: coordinator.cookie },
      payload: { helplineId: RK, channel: 'telephone', kind, startedAt, ...(kind === 'first_contact' ? { themes: [{ themeId: ctx.id('theme:annet') }] } : {}), ...extra },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
}
const internal = async (year: number): Promise<Report> =>
  (await ctx.t.app.inject({ method: 'GET', url: `/api/stats/report?helplineId=${RK}&year=${year}&charts=false&lang=nb&suppress=false`, headers: { cookie: coordinator.cookie } })).json();
const row = (r: Report, table: string, key: string) => r.tables.find((t) => t.id === table)?.rows.find((x) => x.key === key)?.values;

beforeAll(async () => {
  coordinator = await ctx.t.as('coordinator', [RK]);
  // 2024: in May 3 first contacts (one a follow-up case), 2 repeat contacts, 1 knowledge request, 1 talk.
  await register('first_contact', '2024-05-02T10:00:00+02:00', 2);
  await register('first_contact', '2024-05-03T10:00:00+02:00', 1, { outcomes: ['follow_up_case'] });
  await register('repeat_contact', '2024-05-04T10:00:00+02:00', 2, { channel: 'chat' });
  await register('knowledge_request', '2024-05-05T10:00:00+02:00');
  await register('talk_given', '2024-05-06T10:00:00+02:00', 1, { channel: 'walk_in' });
}, 120_000);

describe('every figure says what it counts', () => {
  it('all contacts by month and by channel, every kind, beside the first contacts', async () => {
    const r = await internal(2024);
    const monthAll = r.tables.find((t) => t.id === 'month_all')!;
    expect(monthAll.columns).toEqual(['Førstegangshenvendelser fra enkeltpersoner', 'Gjentatte henvendelser', 'Kunnskapsforespørsler fra instanser', 'Foredrag og kurs', 'Alle henvendelser']);
    expect(row(r, 'month_all', '5')).toEqual([3, 2, 1, 1, 7]);
    expect(row(r, 'month_all', 'total')).toEqual([3, 2, 1, 1, 7]);
    expect(row(r, 'channel_all', 'telephone')).toEqual([3, 0, 1, 0, 4]);
    expect(row(r, 'channel_all', 'chat')).toEqual([0, 2, 0, 0, 2]);
    expect(row(r, 'channel_all', 'walk_in')).toEqual([0, 0, 0, 1, 1]);
    expect(row(r, 'month', '5')).toEqual([3, 1]);
    expect(row(r, 'channel', 'telephone')).toEqual([3]);
    expect(r.tables.find((t) => t.id === 'channel')!.columns).toEqual(['Førstegangshenvendelser fra enkeltpersoner']);
  });

  it('the kinds table has every kind and all contacts; the cards and rows agree and are named alike', async () => {
    const r = await internal(2024);
    const kind = r.tables.find((t) => t.id === 'kind')!;
    expect(kind.rows.map((x) => [x.label, x.values[0]])).toEqual([
      ['Førstegangshenvendelser fra enkeltpersoner', 3], ['Gjentatte henvendelser', 2], ['Kunnskapsforespørsler fra instanser', 1], ['Foredrag og kurs', 1], ['Alle henvendelser', 7],
    ]);
    expect(r.summary).toMatchObject({ firstContactsFromIndividuals: 3, knowledgeRequests: 1, total: 4, allContacts: 7, followUpCases: 1 });
  });

  it('the printout names each card for what it counts and has the follow-up cases', async () => {
    const html = (await ctx.t.app.inject({ method: 'GET', url: `/api/stats/report.html?helplineId=${RK}&year=2024&suppress=false&lang=nb`, headers: { cookie: coordinator.cookie } })).body;
    const card = (label: string) => html.match(new RegExp(`<dt>${label.replace(/[()]/g, '\\$&')}</dt><dd>([^<]*)</dd>`))?.[1];
    expect(card('Førstegangshenvendelser i alt (enkeltpersoner og instanser)')).toBe('4');
    expect(card('Førstegangshenvendelser fra enkeltpersoner')).toBe('3');
    expect(card('Oppfølgingssaker (blant førstegangshenvendelser fra enkeltpersoner)')).toBe('1');
    expect(card('Alle henvendelser')).toBe('7');
    expect(html).toContain('Alle henvendelser per måned, etter type');
    expect(html).toContain('Alle henvendelser per kanal, etter type');
  });

  it('speaks Danish and English too', async () => {
    const en = (await ctx.t.app.inject({ method: 'GET', url: `/api/stats/report?helplineId=${RK}&year=2024&charts=false&lang=en&suppress=false`, headers: { cookie: coordinator.cookie } })).json<Report>();
    expect(en.tables.find((t) => t.id === 'kind')!.rows.at(-1)!.label).toBe('All contacts');
    const da = (await ctx.t.app.inject({ method: 'GET', url: `/api/stats/report?helplineId=${RK}&year=2024&charts=false&lang=da&suppress=false`, headers: { cookie: coordinator.cookie } })).json<Report>();
    expect(da.tables.find((t) => t.id === 'month_all')!.title).toBe('Alle henvendelser pr. måned, efter type');
  });
});

describe('a year not over is compared with the same period of the year before', () => {
  beforeAll(async () => {
    // 2021: 2 before 15 June, 1 on 15 June, 4 on 16 June and 5 in September = 12 in the whole year.
    await register('first_contact', '2021-03-01T10:00:00+01:00', 2);
    await register('first_contact', '2021-06-15T10:00:00+02:00', 1);
    await register('first_contact', '2021-06-16T10:00:00+02:00', 4);
    await register('first_contact', '2021-09-01T10:00:00+02:00', 5);
    // 2022 up to 15 June: 6.
    await register('first_contact', '2022-02-01T10:00:00+01:00', 3);
    await register('first_contact', '2022-06-10T10:00:00+02:00', 3);
  }, 120_000);

  const actor = () => ({ id: coordinator.id, role: 'coordinator' as const, helplineIds: [RK] });

  it('on 15 June 2022: 6 so far against 3 in the same period of 2021 (+100 %), not against all 12 of 2021', async () => {
    const r = await annualReport(ctx.t.db, actor(), { helplineId: RK, year: 2022, locale: 'nb', suppress: false, charts: false, now: new Date('2022-06-15T12:00:00Z') });
    expect(r.summary.period).toMatchObject({ partial: true, until: '2022-06-15', previousUntil: '2021-06-15' });
    expect(r.summary.previousTotal).toBe(3);
    expect(r.summary.changePercent).toBe(100);
    const kind = r.tables.find((t) => t.id === 'kind')!;
    expect(kind.columns[0]).toBe('Hittil i år (til 15. juni 2022)');
    expect(kind.columns[1]).toBe('Samme periode i fjor (1. jan. 2021–15. juni 2021)');
    expect(kind.rows[0].values).toEqual([6, 3, 100]);
  });

  it('the same once the counts are folded: the part-month of 2021 is counted by day', async () => {
    await foldCountDeltas(ctx.t.db);
    const r = await annualReport(ctx.t.db, actor(), { helplineId: RK, year: 2022, locale: 'nb', suppress: false, charts: false, now: new Date('2022-06-15T12:00:00Z') });
    expect(r.summary.previousTotal).toBe(3);
    const nextDay = await annualReport(ctx.t.db, actor(), { helplineId: RK, year: 2022, locale: 'nb', suppress: false, charts: false, now: new Date('2022-06-16T12:00:00Z') });
    expect(nextDay.summary.previousTotal).toBe(7); // 16 June 2021 now inside the period
  });

  it('once the year is over, the whole year before: 6 against 12 (−50 %)', async () => {
    const r = await annualReport(ctx.t.db, actor(), { helplineId: RK, year: 2022, locale: 'nb', suppress: false, charts: false, now: new Date('2023-01-10T12:00:00Z') });
    expect(r.summary.period).toMatchObject({ partial: false });
    expect(r.summary.previousTotal).toBe(12);
    expect(r.summary.changePercent).toBe(-50);
    expect(r.tables.find((t) => t.id === 'kind')!.columns.slice(0, 2)).toEqual(['I år', 'Året før']);
  });
});
