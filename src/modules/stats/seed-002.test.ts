import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, RK } from '../../test/app.js';
import type { Report, ReportTable } from '../../shared/schemas/stats.js';

/**
 * Seed 002 (Rapport 2022, Røde Kors-telefonen) reproduced: import the data set built from the
 * report's figures (docs/seed-002-reproduction.md) and check the report gives those figures back.
 */
let t: TestApp;
let analyst: { cookie: string };
let coordinator: { cookie: string };

const row = (table: ReportTable, key: string) => {
  const r = table.rows.find((x) => x.key === key);
  if (!r) throw new Error(`no row ${key} in ${table.id}`);
  return r.values;
};
const tableOf = (report: Report, id: string) => report.tables.find((x) => x.id === id)!;

/** The internal view (every number, the helpline's coordinators) or the published one (everyone). */
async function report(year: number, suppress = false): Promise<Report> {
  const cookie = suppress ? analyst.cookie : coordinator.cookie;
  const res = await t.app.inject({ method: 'GET', url: `/api/stats/report?helplineId=${RK}&year=${year}&suppress=${suppress}&charts=false&lang=nb`, headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await testApp();
  const admin = await t.as('admin', []);
  for (const year of [2021, 2022]) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/imports?helplineId=${RK}&format=csv&fileName=rode-kors-telefonen-${year}.csv`,
      headers: { cookie: admin.cookie, 'content-type': 'text/csv' },
      payload: fs.readFileSync(`data/seed-002/rode-kors-telefonen-${year}.csv`),
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  analyst = await t.as('analyst', []);
  coordinator = await t.as('coordinator', [RK]);
});
afterAll(async () => { await t.close(); });

describe('seed 002 reproduced from registered contacts', () => {
  it('gives the totals of section 4.1: 88 + 23 = 111 first contacts, +46 % on the year before, 21 follow-up cases', async () => {
    const r = await report(2022);
    expect(r.summary).toMatchObject({ firstContactsFromIndividuals: 88, knowledgeRequests: 23, total: 111, previousTotal: 76, changePercent: 46, followUpCases: 21 });
  });

  it('45 of the first contacts came from the person affected', async () => {
    const who = tableOf(await report(2022), 'who');
    expect(row(who, 'person_affected')).toEqual([45]);
    expect(row(who, 'total')).toEqual([88]);
  });

  it('ages and genders as stated: 16 under 18, 61 over 18, 67 women, 18 men, one transgender person; the rest shown as not stated', async () => {
    const t2 = tableOf(await report(2022), 'age_gender');
    const last = (v: (number | string)[]) => v[v.length - 1];
    expect(last(row(t2, String(t2.rows[0].key)))).toBe(16);
    expect(last(row(t2, String(t2.rows[1].key)))).toBe(61);
    expect(last(row(t2, 'not_stated'))).toBe(11);
    expect(t2.columns).toEqual(['Kvinne', 'Mann', 'Transperson', 'Ikke oppgitt', 'Totalt']);
    expect(row(t2, 'total')).toEqual([67, 18, 1, 2, 88]);
  });

  it('the number of men doubled from 2021', async () => {
    const before = tableOf(await report(2021), 'age_gender');
    expect(row(before, 'total')[1]).toBe(9);
  });

  it('most contacts by telephone; the channels of section 4.1 only', async () => {
    const ch = tableOf(await report(2022), 'channel');
    expect(row(ch, 'telephone')).toEqual([60]);
    expect(row(ch, 'chat')).toEqual([0]);
    expect(row(ch, 'total')).toEqual([88]);
  });

  it('most contacts in March and September, fewest in April and October', async () => {
    const m = tableOf(await report(2022), 'month');
    const firsts = m.rows.map((x) => x.values[0] as number);
    expect(Math.max(...firsts)).toBe(firsts[2]);
    expect(firsts[8]).toBe(firsts[2]);
    expect(Math.min(...firsts)).toBe(firsts[3]);
    expect(firsts[9]).toBe(firsts[3]);
    expect(firsts.reduce((a, b) => a + b, 0)).toBe(88);
  });

  it('country background: Chechnya under Russia (4), Iraqi Kurdistan under Iraq, and a large share not stated', async () => {
    const c = tableOf(await report(2022), 'country');
    expect(row(c, 'RU')).toEqual([4]);
    expect(c.rows.find((x) => x.key === 'RU')!.label).toBe('Russland');
    expect(row(c, 'IQ')[0]).toBeGreaterThanOrEqual(1);
    expect(row(c, 'not_stated')).toEqual([33]);
    expect(c.note).toContain('55 av 88');
  });

  it('themes overlap and the four largest are those the report names, in its order', async () => {
    const th = tableOf(await report(2022), 'theme');
    expect(th.rows.slice(0, 4).map((x) => x.key)).toEqual(['negativ_sosial_kontroll', 'andre_aeresrelatert_vold', 'tvangsekteskap', 'ufrivillig_utenlandsopphold']);
    const sum = th.rows.reduce((a, x) => a + (x.values[0] as number), 0);
    expect(sum).toBeGreaterThan(88);
    const sub = tableOf(await report(2022), 'subtheme');
    expect(row(sub, 'uu_trussel')).toEqual([11]);
  });

  it('knowledge requests by type of body: 22 with a type (section 3.1), one not stated (4.1 counts 23)', async () => {
    const b = tableOf(await report(2022), 'body_type');
    expect(row(b, 'total')).toEqual([23]);
    expect(row(b, 'not_stated')).toEqual([1]);
  });

  it('the published version hides cells under 5 with a mark that gives no range, and names no country with fewer than 5', async () => {
    const r = await report(2022, true);
    const total = row(tableOf(r, 'age_gender'), 'total');
    expect(total[0]).toBe(67);
    expect(total[4]).toBe(88);
    // Transgender 1 and not stated 2 are hidden, and so is a third figure of the row: else 88 − 67 − 18 gives their sum, 3.
    expect(total.slice(1, 4).filter((v) => v === ':')).toHaveLength(3);
    expect(JSON.stringify(r)).not.toContain('<5');
    expect(tableOf(r, 'country').rows.find((x) => x.key === 'RU')).toBeUndefined();
    expect(tableOf(r, 'country').rows.find((x) => x.key === 'other')).toBeDefined();
  });
});
