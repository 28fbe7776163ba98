import { describe, expect, it } from 'vitest';
import { useTestApp, RK, KPH } from '../../test/app.js';
import { readHelplineFiles, syncHelplines, DEFAULT_HELPLINE_DIR } from '../helplines/load-data.js';
import { HelplineFile } from '../helplines/data-schema.js';
import type { Report } from '../../shared/schemas/stats.js';

/**
 * Issue 6, point 12: the published view is everyone's default — dashboard, printable report,
 * exports, analysts; the internal view (every number) is for the helpline's coordinators and says
 * it is internal wherever it appears. The threshold comes from the helpline's data file.
 */
const ctx = useTestApp(RK);
const get = (url: string, cookie: string) => ctx.t.app.inject({ method: 'GET', url, headers: { cookie } });
const reportUrl = (extra = '') => `/api/stats/report?helplineId=${RK}&year=2024&charts=false&lang=nb${extra}`;

async function register(n: number, channel: string, startedAt = '2024-05-02T10:00:00+02:00') {
  const counsellor = await ctx.t.as('counsellor', [RK]);
  for (let i = 0; i < n; i++) {
    const res = await ctx.t.app.inject({
      method: 'POST', url: '/api/contacts', headers: { cookie: counsellor.cookie },
      payload: { helplineId: RK, channel, kind: 'first_contact', startedAt, themes: [{ themeId: ctx.id('theme:annet') }] },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
}

describe('who sees which view', () => {
  it('analysts, counsellors and administrators get the published view and may not ask for the internal one', async () => {
    await register(30, 'telephone');
    await register(3, 'chat');
    for (const role of ['analyst', 'counsellor', 'admin', 'caseworker'] as const) {
      const user = await ctx.t.as(role, role === 'analyst' || role === 'admin' ? [] : [RK]);
      const published = await get(reportUrl(), user.cookie);
      expect(published.statusCode, role).toBe(200);
      expect(published.json<Report>().view, role).toBe('published');
      expect(published.json<Report>().tables.find((t) => t.id === 'channel')!.rows.find((r) => r.key === 'chat')!.values, role).toEqual([':']);
      const internal = await get(reportUrl('&suppress=false'), user.cookie);
      expect(internal.statusCode, role).toBe(403);
      expect(internal.json(), role).toMatchObject({ code: 'internal_view', field: 'suppress', message: 'Bare hjelpelinjens koordinatorer kan se interne tall uten skjuling («Skjul små tall»).' });
    }
  });

  it('a coordinator of the helpline sees every number, marked internal; a coordinator of another helpline does not', async () => {
    const coordinator = await ctx.t.as('coordinator', [RK]);
    const internal = await get(reportUrl('&suppress=false'), coordinator.cookie);
    expect(internal.statusCode).toBe(200);
    expect(internal.json<Report>().view).toBe('internal');
    expect(internal.json<Report>().tables.find((t) => t.id === 'channel')!.rows.find((r) => r.key === 'chat')!.values).toEqual([3]);
    expect((await get(reportUrl(), coordinator.cookie)).json<Report>().view).toBe('published');
    const other = await ctx.t.as('coordinator', [KPH]);
    expect((await get(reportUrl('&suppress=false'), other.cookie)).statusCode).toBe(404);
  });

  it('the printable report and the exports are published by default; the internal ones say INTERN in the title, banner, file name and first line', async () => {
    const coordinator = await ctx.t.as('coordinator', [RK]);
    const printed = await get(`/api/stats/report.html?helplineId=${RK}&year=2024`, coordinator.cookie);
    expect(printed.body).toContain('Publiseringsversjon');
    expect(printed.body).not.toContain('INTERN');
    const internalPrint = await get(`/api/stats/report.html?helplineId=${RK}&year=2024&suppress=false`, coordinator.cookie);
    expect(internalPrint.body).toMatch(/<title>INTERN: /);
    expect(internalPrint.body).toContain('INTERN – ikke for publisering');

    const csv = await get(`/api/stats/table.csv?helplineId=${RK}&year=2024&table=channel`, coordinator.cookie);
    expect(csv.headers['content-disposition']).toContain('-published.csv');
    expect(csv.body).toContain('Chat,:');
    const internalCsv = await get(`/api/stats/table.csv?helplineId=${RK}&year=2024&table=channel&suppress=false`, coordinator.cookie);
    expect(internalCsv.headers['content-disposition']).toContain('-INTERNAL.csv');
    expect(internalCsv.body.replace('\uFEFF', '').split('\n')[0]).toMatch(/^"?INTERN – ikke for publisering/);
    expect(internalCsv.body).toContain('Chat,3');
  });
});

describe('the threshold is set per helpline in its data file', () => {
  it('a threshold of 10 hides a count of 7 that a threshold of 5 shows', async () => {
    const analyst = await ctx.t.as('analyst', []);
    // A year of its own: 30 by telephone and 7 by e-mail, nothing small under the default threshold.
    await register(30, 'telephone', '2023-05-02T10:00:00+02:00');
    await register(7, 'email', '2023-05-02T10:00:00+02:00');
    const email = async () => (await get(reportUrl().replace('year=2024', 'year=2023'), analyst.cookie)).json<Report>();
    const before = await email();
    expect(before.threshold).toBe(5);
    expect(before.tables.find((t) => t.id === 'channel_all')!.rows.find((r) => r.key === 'email')!.values[0]).toBe(7);

    const files = readHelplineFiles(DEFAULT_HELPLINE_DIR);
    files.find((f) => f.id === RK)!.smallCellThreshold = 10;
    await syncHelplines(ctx.t.db, files);
    const after = await email();
    expect(after.threshold).toBe(10);
    expect(after.tables.find((t) => t.id === 'channel_all')!.rows.find((r) => r.key === 'email')!.values[0]).toBe(':');
    expect(after.tables[0].note).toContain('tall under 10, og tall de ellers kunne regnes ut fra');
    await syncHelplines(ctx.t.db, readHelplineFiles(DEFAULT_HELPLINE_DIR));
  });

  it('a threshold below 2 is refused with the field named', () => {
    const file = readHelplineFiles(DEFAULT_HELPLINE_DIR)[0];
    const parsed = HelplineFile.safeParse({ ...file, smallCellThreshold: 1 });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0].path).toEqual(['smallCellThreshold']);
  });
});
