import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, RK } from '../../test/app.js';
import type { CaseReport } from '../../shared/schemas/case-report.js';
import type { ReportTable } from '../../shared/schemas/stats.js';
import { loadCaseDataSet, type CaseDataSet } from '../cases/data-set.js';

/**
 * Seed 002, section 5 (Rapport 2022, follow-up) reproduced: load the data set built from the
 * report's figures (scripts/build-seed-002-cases.ts, docs/seed-002-reproduction.md) and check the
 * follow-up report gives those figures back, and that its published view hides the small ones.
 */
let t: TestApp;
let coordinator: { cookie: string; id: string };
let analyst: { cookie: string };

beforeAll(async () => {
  t = await testApp();
  coordinator = await t.as('coordinator', [RK]);
  analyst = await t.as('analyst', []);
  const data = JSON.parse(fs.readFileSync('data/seed-002/oppfolging-2022.json', 'utf8')) as CaseDataSet;
  expect(await loadCaseDataSet(t.db, data, coordinator.id)).toBe(45);
});
afterAll(async () => { await t.close(); });

async function report(suppress: boolean): Promise<CaseReport> {
  const res = await t.app.inject({ method: 'GET', url: `/api/stats/cases/report?helplineId=${RK}&year=2022&suppress=${suppress}&lang=nb`, headers: { cookie: suppress ? analyst.cookie : coordinator.cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const tableOf = (r: CaseReport, id: string) => r.tables.find((x) => x.id === id)!;
const row = (table: ReportTable, key: string) => table.rows.find((x) => x.key === key)!.values;

describe('seed 002, section 5, from the follow-up data', () => {
  it('45 users: 28 from the housing programmes (6 of them new), 11 from the helpline, 6 anonymous regulars', async () => {
    const users = tableOf(await report(false), 'users');
    expect(row(users, 'housing_programme')).toEqual([28, 6]);
    expect(row(users, 'helpline')).toEqual([11, 11]);
    expect(row(users, 'anonymous_regular')[0]).toBe(6);
    expect(row(users, 'total')[0]).toBe(45);
  });

  it('the table of the housing programmes adds up to 715, the helpline\'s rows to 165 (the report prints 164), category by category', async () => {
    const a = tableOf(await report(false), 'activities');
    expect(a.columns).toEqual(['Overført fra bo- og støttetilbud', 'Fra hjelpelinjen', 'Anonym fast bruker (uten samtykke)', 'Totalt']);
    const housing = { phone_mail: 425, practical_help: 27, other_agencies: 73, nav: 40, police: 16, housing_programme: 17, kompetanseteamet: 3, child_welfare: 1, external_meeting: 14, physical_meeting: 79, mail_agreement: 20 };
    const helpline = { phone_mail: 88, practical_help: 7, other_agencies: 13, nav: 5, police: 2, housing_programme: 1, kompetanseteamet: 11, child_welfare: 3, external_meeting: 1, physical_meeting: 25, mail_agreement: 9 };
    for (const [cat, n] of Object.entries(housing)) expect(row(a, cat), cat).toEqual([n, helpline[cat as keyof typeof helpline], 0, n + helpline[cat as keyof typeof helpline]]);
    expect(row(a, 'total')).toEqual([715, 165, 0, 880]);
  });

  it('mail agreements: 29 registered as activities (from August), 42 items of mail received; 104 physical meetings', async () => {
    const r = await report(false);
    const other = tableOf(r, 'other');
    expect(row(other, 'total')).toEqual([14, 42, 104]);
    expect(row(tableOf(r, 'activities'), 'mail_agreement')[3]).toBe(29);
    // None registered before August.
    const months = tableOf(r, 'activities_month');
    expect(months.rows.filter((x) => x.key !== 'total').reduce((s, x) => s + (x.values[3] as number), 0)).toBe(880);
    expect(r.summary).toEqual({ users: 45, activities: 880, referrals: 14, mailItems: 42, physicalMeetings: 104 });
  });

  it('section 5.4, month by month per category: each category\'s year is the figure 5.4 gives, and mail agreements start in August', async () => {
    const t54 = tableOf(await report(false), 'activities_month_category');
    expect(t54.columns).toEqual(['Telefon/mail med person', 'Praktisk hjelp til søknad/diverse', 'Kontakt/overføring andre relevante instanser', 'Kontakt med NAV', 'Kontakt med politi', 'Kontakt med botilbudene', 'Kontakt/overføring Kompetanseteamet mot TVE og KLL', 'Kontakt med barnevern', 'Møte med eksterne instanser', 'Fysiske møter med enkeltpersoner', 'Postavtale', 'Totalt']);
    // 5.4's sentences: 513 phone/mail, 34 practical help, 86 referred on, 45 NAV, 18 police, 18 housing programmes,
    // 14 Kompetanseteamet, 4 child welfare, 15 meetings, 104 physical meetings; mail agreements 29 (5.2 + 5.3).
    expect(row(t54, 'total')).toEqual([513, 34, 86, 45, 18, 18, 14, 4, 15, 104, 29, 880]);
    const months = t54.rows.filter((x) => x.key !== 'total');
    expect(months.map((x) => x.label)).toEqual(['Januar', 'Februar', 'Mars', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Desember']);
    expect(months.slice(0, 7).map((x) => x.values[10])).toEqual([0, 0, 0, 0, 0, 0, 0]);
    // Each month's row adds up to its total, and the totals are those of the month table by user group.
    const byGroup = tableOf(await report(false), 'activities_month');
    for (const [i, m] of months.entries()) {
      const values = m.values as number[];
      expect(values.slice(0, -1).reduce((a, b) => a + b, 0), m.label).toBe(values.at(-1));
      expect(values.at(-1), m.label).toBe(byGroup.rows[i].values[3]);
    }
  });

  it('age and gender of the 39 users with consent; the anonymous regulars are not among them', async () => {
    const ag = tableOf(await report(false), 'age_gender');
    expect(row(ag, 'total')).toEqual([33, 5, 1, 0, 39]);
    expect(row(ag, 'under_18')[4]).toBe(1);
  });

  it('the published view hides every count from 1 to 4, and no row or column leaves one hidden number to be worked out', async () => {
    const r = await report(true);
    expect(r.suppressed).toBe(true);
    for (const table of r.tables) {
      for (const x of table.rows) for (const v of x.values) if (typeof v === 'number') expect(v === 0 || v >= 5, `${table.id} ${x.key}: ${v}`).toBe(true);
    }
    const a = tableOf(r, 'activities');
    expect(row(a, 'child_welfare').slice(0, 2)).toEqual([':', ':']);
    // A row with a total: never exactly one hidden number in it (it would be the total minus the rest).
    for (const table of r.tables.filter((x) => x.columns.at(-1) === 'Totalt')) {
      for (const x of table.rows) expect(x.values.filter((v) => v === ':').length, `${table.id} ${x.key}`).not.toBe(1);
      for (let c = 0; c < table.columns.length; c++) expect(table.rows.filter((x) => x.values[c] === ':').length, `${table.id} column ${c}`).not.toBe(1);
    }
    // The internal view is the helpline's coordinators' only.
    const res = await t.app.inject({ method: 'GET', url: `/api/stats/cases/report?helplineId=${RK}&year=2022&suppress=false`, headers: { cookie: analyst.cookie } });
    expect(res.statusCode).toBe(403);
  });

  it('the printable page and the downloads show the same figures as the screen, cell by cell', async () => {
    const r = await report(true);
    const html = await t.app.inject({ method: 'GET', url: `/api/stats/cases/report.html?helplineId=${RK}&year=2022&lang=nb`, headers: { cookie: analyst.cookie } });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('Oppfølging 2022');
    for (const table of r.tables) expect(html.body).toContain(table.title);
    for (const table of r.tables) {
      const csv = await t.app.inject({ method: 'GET', url: `/api/stats/cases/table.csv?helplineId=${RK}&year=2022&lang=nb&table=${table.id}`, headers: { cookie: analyst.cookie } });
      expect(csv.statusCode).toBe(200);
      const rows = parse(csv.body.replace(/^\uFEFF/, '')) as string[][];
      expect(rows[0]).toEqual(['Kategori', ...table.columns]);
      expect(rows.slice(1)).toEqual(table.rows.map((x) => [x.label, ...x.values.map(String)]));
    }
  });
});
