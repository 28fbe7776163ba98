import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, RK, KPH } from '../../test/app.js';
import { csvOf, csvRows, postImport, rkRow } from '../imports/test-files.js';

let t: TestApp;
let admin: { cookie: string; id: string };
let coordinator: { cookie: string; id: string };
const YEAR = 2019;

beforeAll(async () => {
  t = await testApp();
  admin = await t.as('admin', []);
  coordinator = await t.as('coordinator', [RK]);
  const rows = [
    rkRow({ date_time: `${YEAR}-01-02 08:05` }),
    rkRow({ date_time: `${YEAR}-07-01T23:30:00+02:00`, themes: 'annet', outcomes: '', referred_to: '', summary: '' }), // 1 July local
    rkRow({ date_time: `${YEAR}-12-31 23:59`, who: '', age: '', age_group: '', gender: '', country: '', themes: '' }),
    rkRow({ date_time: `${YEAR + 1}-01-01 00:00` }), // next year: not exported
  ];
  const res = await postImport(t, admin.cookie, csvOf(rows), { helplineId: RK });
  if (res.statusCode !== 200) throw new Error(res.body);
});
afterAll(async () => { await t.close(); });

const exportUrl = (q: Record<string, string | number>) => `/api/contacts/export?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}`;
const get = (cookie: string | undefined, q: Record<string, string | number>) =>
  t.app.inject({ method: 'GET', url: exportUrl(q), headers: cookie ? { cookie } : {} });

describe('GET /api/contacts/export', () => {
  it('exports one year in the import format, without summaries unless asked, as an attachment', async () => {
    const res = await get(coordinator.cookie, { helplineId: RK, year: YEAR });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${RK}-${YEAR}-contacts.csv"`);
    const rows = csvRows(res.body);
    expect(rows).toHaveLength(3);
    expect(rows[0].slice(0, 3)).toEqual([`${YEAR}-01-02T08:05:00+01:00`, 'telephone', 'first_contact']);
    expect(rows[1][0]).toBe(`${YEAR}-07-01T23:30:00+02:00`);
    expect(rows[0][10].split('|').sort()).toEqual(['negativ_sosial_kontroll', 'tvangsekteskap(te_planlagt,te_utfrysning)']);
    expect(rows.every((r) => r[11] === '')).toBe(true); // summary column present but empty
    const withSummary = csvRows((await get(coordinator.cookie, { helplineId: RK, year: YEAR, includeSummary: 'true' })).body);
    expect(withSummary[0][11]).toBe('Ringte om søster.');
  });

  it("writes every column in the helpline's codes, and leaves what was not given empty", async () => {
    const rows = csvRows((await get(coordinator.cookie, { helplineId: RK, year: YEAR })).body);
    // The first row as imported above (rkRow's values), in the order of the import format's columns.
    expect(rows[0]).toEqual([
      `${YEAR}-01-02T08:05:00+01:00`, 'telephone', 'first_contact', '20', 'family', 'under_18', '16', 'kvinne', 'PK', 'school',
      expect.any(String), '', 'advice_given|referred', 'police',
    ]);
    // The last: no who, age, age group, gender, country or themes given.
    expect(rows[2].slice(4, 8)).toEqual(['', '', '', '']);
    expect(rows[2][3]).toBe('20');
  });

  it('round-trips: the export imports again and exports the same rows twice', async () => {
    const first = await get(coordinator.cookie, { helplineId: RK, year: YEAR, includeSummary: 'true' });
    const again = await postImport(t, admin.cookie, first.rawPayload, { helplineId: RK });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().imported).toBe(3);
    const before = csvRows(first.body);
    const after = csvRows((await get(coordinator.cookie, { helplineId: RK, year: YEAR, includeSummary: 'true' })).body);
    const key = (r: string[]) => r.join('\u0001');
    expect(after.map(key).sort()).toEqual([...before, ...before].map(key).sort());
    const themes = await t.db.selectFrom('contact_themes').select('theme_id').where('helpline_id', '=', RK)
      .where('local_date', '>=', `${YEAR}-01-01`).where('local_date', '<=', `${YEAR}-12-31`).execute();
    expect(themes).toHaveLength(2 * (2 + 1));
  });

  it('exports XLSX that reads back with the same header', async () => {
    const res = await get(coordinator.cookie, { helplineId: RK, year: YEAR, format: 'xlsx' });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    expect(wb.worksheets[0].getRow(1).values).toContain('date_time');
    const back = await postImport(t, admin.cookie, res.rawPayload, { helplineId: RK, format: 'xlsx' });
    expect(back.statusCode, back.body).toBe(200);
  });

  it('writes an audit row with the size and whether summaries left', async () => {
    await get(coordinator.cookie, { helplineId: RK, year: YEAR - 1, includeSummary: 'true' });
    const row = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'contact.export').where('actor_id', '=', coordinator.id)
      .orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row.detail).toEqual({ helplineId: RK, year: YEAR - 1, rows: 0, includeSummary: true });
  });

  it('is for coordinators of the helpline: analyst and counsellor 403, other helpline 404, no session 401', async () => {
    for (const role of ['analyst', 'counsellor', 'admin'] as const) {
      const { cookie } = await t.as(role, [RK]);
      expect((await get(cookie, { helplineId: RK, year: YEAR })).statusCode).toBe(403);
    }
    expect((await get(coordinator.cookie, { helplineId: KPH, year: YEAR })).statusCode).toBe(404);
    expect((await get(undefined, { helplineId: RK, year: YEAR })).statusCode).toBe(401);
    expect((await get(coordinator.cookie, { helplineId: RK, year: 'last' })).statusCode).toBe(400);
  });

  it('leaves GET /api/contacts/:id alone', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/contacts/00000000-0000-4000-8000-000000000000', headers: { cookie: coordinator.cookie } });
    expect(res.statusCode).toBe(404);
  });
});
