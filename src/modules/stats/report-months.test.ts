import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';
import { fetchReport, gridOf, registerMany } from '../../test/report-fixtures.js';

/**
 * Issue 7, point 4: every month column of the report. A contact belongs to the month of its day
 * in the helpline's time zone (Europe/Oslo: UTC+1 in winter, UTC+2 from the last Sunday of March
 * to the last Sunday of October), so contacts are placed half an hour after each month begins
 * and half an hour before it ends, local time — where UTC, or a fixed offset, would put them in
 * the neighbouring month. They are sent as UTC instants, so the server must do the time zone.
 */
const ctx = useTestApp(RK);
let coordinator: { cookie: string };

// 2021: summer time from 28 March 02:00 to 31 October 03:00 local time.
const MONTH_START = [
  '2021-01-01T00:30:00+01:00', '2021-02-01T00:30:00+01:00', '2021-03-01T00:30:00+01:00', '2021-04-01T00:30:00+02:00',
  '2021-05-01T00:30:00+02:00', '2021-06-01T00:30:00+02:00', '2021-07-01T00:30:00+02:00', '2021-08-01T00:30:00+02:00',
  '2021-09-01T00:30:00+02:00', '2021-10-01T00:30:00+02:00', '2021-11-01T00:30:00+01:00', '2021-12-01T00:30:00+01:00',
];
const MONTH_END = [
  '2021-01-31T23:30:00+01:00', '2021-02-28T23:30:00+01:00', '2021-03-31T23:30:00+02:00', '2021-04-30T23:30:00+02:00',
  '2021-05-31T23:30:00+02:00', '2021-06-30T23:30:00+02:00', '2021-07-31T23:30:00+02:00', '2021-08-31T23:30:00+02:00',
  '2021-09-30T23:30:00+02:00', '2021-10-31T23:30:00+01:00', '2021-11-30T23:30:00+01:00', '2021-12-31T23:30:00+01:00',
];
const midday = (m: number) => `2021-${String(m).padStart(2, '0')}-15T12:00:00+01:00`;

/**
 * Where each contact goes, month by month (index 0 = January): a start-of-month contact first,
 * then an end-of-month one, then mid-month ones. The counts differ from month to month, so a
 * column moved by one month cannot pass.
 */
const FIRST = [3, 4, 5, 2, 3, 4, 5, 2, 3, 4, 5, 2];
const KNOWLEDGE = [2, 1, 0, 1, 3, 0, 1, 0, 2, 1, 0, 1];
/** The times of `n` contacts in month `m` (1–12): its first half hour, its last, then mid-month. */
const timesIn = (m: number, n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? MONTH_START[m - 1] : i === 1 ? MONTH_END[m - 1] : midday(m)));

beforeAll(async () => {
  coordinator = await ctx.t.as('coordinator', [RK]);
  const reg = (kind: string, local: string) => registerMany(ctx.t, coordinator.cookie, 1, {
    helplineId: RK, kind, channel: 'telephone',
    // Sent as a UTC instant: the month must come from the helpline's clock, not from the string.
    startedAt: new Date(local).toISOString(),
    ...(kind === 'first_contact' ? { themes: [{ themeId: ctx.id('theme:annet') }] } : {}),
  });
  const all: Promise<void>[] = [];
  for (let m = 1; m <= 12; m++) {
    for (const at of timesIn(m, FIRST[m - 1])) all.push(reg('first_contact', at));
    for (const at of timesIn(m, KNOWLEDGE[m - 1])) all.push(reg('knowledge_request', at));
  }
  // Repeat contacts at the end of February and the start and end of November (after summer time);
  // talks at the end of March and October (the days summer time starts and ends) and the start of June.
  for (const at of [MONTH_END[1], MONTH_START[10], MONTH_END[10]]) all.push(reg('repeat_contact', at));
  for (const at of [MONTH_END[2], MONTH_START[5], MONTH_END[9]]) all.push(reg('talk_given', at));
  // Just outside the year: the last half hour of 2020 and the first of 2022, local time.
  all.push(reg('first_contact', '2020-12-31T23:30:00+01:00'));
  all.push(reg('knowledge_request', '2022-01-01T00:30:00+01:00'));
  await Promise.all(all);
}, 180_000);

const MONTHS = ['Januar', 'Februar', 'Mars', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Desember'];

describe('every month of the year, by the helpline’s clock', () => {
  it('first contacts and knowledge requests per month, month by month', async () => {
    const report = await fetchReport(ctx.t, coordinator.cookie, RK, 2021, 'internal');
    expect(gridOf(report, 'month')).toEqual([
      ['Kategori', 'Førstegangshenvendelser fra enkeltpersoner', 'Kunnskapsforespørsler fra instanser'],
      ['Januar', 3, 2],
      ['Februar', 4, 1],
      ['Mars', 5, 0],
      ['April', 2, 1],
      ['Mai', 3, 3],
      ['Juni', 4, 0],
      ['Juli', 5, 1],
      ['August', 2, 0],
      ['September', 3, 2],
      ['Oktober', 4, 1],
      ['November', 5, 0],
      ['Desember', 2, 1],
    ]);
  });

  it('every kind per month, with the totals', async () => {
    const report = await fetchReport(ctx.t, coordinator.cookie, RK, 2021, 'internal');
    expect(gridOf(report, 'month_all')).toEqual([
      ['Kategori', 'Førstegangshenvendelser fra enkeltpersoner', 'Gjentatte henvendelser', 'Kunnskapsforespørsler fra instanser', 'Foredrag og kurs', 'Alle henvendelser'],
      ['Januar', 3, 0, 2, 0, 5],
      ['Februar', 4, 1, 1, 0, 6],
      ['Mars', 5, 0, 0, 1, 6],
      ['April', 2, 0, 1, 0, 3],
      ['Mai', 3, 0, 3, 0, 6],
      ['Juni', 4, 0, 0, 1, 5],
      ['Juli', 5, 0, 1, 0, 6],
      ['August', 2, 0, 0, 0, 2],
      ['September', 3, 0, 2, 0, 5],
      ['Oktober', 4, 0, 1, 1, 6],
      ['November', 5, 2, 0, 0, 7],
      ['Desember', 2, 0, 1, 0, 3],
      ['Totalt', 42, 3, 12, 3, 60],
    ]);
    expect(report.tables.find((t) => t.id === 'month_all')!.rows.map((r) => r.label)).toEqual([...MONTHS, 'Totalt']);
  });

  it('the last half hour of 2020 counts in December 2020 and the first of 2022 in January 2022, not in 2021', async () => {
    const report = await fetchReport(ctx.t, coordinator.cookie, RK, 2021, 'internal');
    // The year before has exactly the one contact of 31 December 2020, 23:30.
    expect(gridOf(report, 'kind')).toEqual([
      ['Kategori', 'I år', 'Året før', 'Endring (%)'],
      ['Førstegangshenvendelser fra enkeltpersoner', 42, 1, 4100],
      ['Gjentatte henvendelser', 3, 0, '–'],
      ['Kunnskapsforespørsler fra instanser', 12, 0, '–'],
      ['Foredrag og kurs', 3, 0, '–'],
      ['Alle henvendelser', 60, 1, 5900],
    ]);
    const before = await fetchReport(ctx.t, coordinator.cookie, RK, 2020, 'internal');
    expect(gridOf(before, 'month').slice(1).map((r) => r.slice(1))).toEqual([[0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [1, 0]]);
    const after = await fetchReport(ctx.t, coordinator.cookie, RK, 2022, 'internal');
    expect(gridOf(after, 'month').slice(1).map((r) => r.slice(1))).toEqual([[0, 1], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]);
  });
});
