import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';
import { fetchReport, gridOf, registerMany } from '../../test/report-fixtures.js';
import { readHelplineFiles, syncHelplines, DEFAULT_HELPLINE_DIR } from '../helplines/load-data.js';
import type { Report } from '../../shared/schemas/stats.js';

/**
 * Issue 7, point 4: the small-cell rule at its boundary. README and decision 0015: the threshold
 * (the helpline's `smallCellThreshold`, 5 when absent) "is the smallest count the published
 * statistics show": 1 to threshold − 1 are hidden as «:», the threshold itself and above are shown,
 * zeros are shown. The coordinators' internal view hides nothing.
 *
 * 20 contacts alike, then a small group that differs from them in channel, month, who, age,
 * gender, country and theme, grown from 4 to 5 to 6: each of those cells holds exactly the group.
 * At 4 they are small and hidden (whatever else complementary suppression hides); at 5 and 6
 * nothing in the report is small, so nothing at all may be hidden.
 */
const ctx = useTestApp(RK);
let coordinator: { cookie: string };
let analyst: { cookie: string };
const YEAR = 2024;

const base = () => ({
  helplineId: RK, kind: 'first_contact', channel: 'telephone', startedAt: '2024-03-12T12:00:00+01:00',
  whoId: ctx.id('who:person_affected'), ageGroupId: ctx.id('age_group:over_18'), genderId: ctx.id('gender:kvinne'), country: 'NO',
  themes: [{ themeId: ctx.id('theme:annet') }],
});
const group = () => ({
  ...base(), channel: 'chat', startedAt: '2024-06-12T12:00:00+02:00',
  whoId: ctx.id('who:family'), ageGroupId: ctx.id('age_group:under_18'), genderId: ctx.id('gender:mann'), country: 'SE',
  themes: [{ themeId: ctx.id('theme:vold_i_nare_relasjoner') }],
});
/** Grows the group to `n` contacts. */
let groupSize = 0;
async function growGroupTo(n: number) {
  await registerMany(ctx.t, coordinator.cookie, n - groupSize, group());
  groupSize = n;
}

beforeAll(async () => {
  coordinator = await ctx.t.as('coordinator', [RK]);
  analyst = await ctx.t.as('analyst', []);
  await registerMany(ctx.t, coordinator.cookie, 20, base());
  await growGroupTo(4);
}, 120_000);
afterAll(async () => { await syncHelplines(ctx.t.db, readHelplineFiles(DEFAULT_HELPLINE_DIR)); });

const published = () => fetchReport(ctx.t, analyst.cookie, RK, YEAR, 'published');
const internal = () => fetchReport(ctx.t, coordinator.cookie, RK, YEAR, 'internal');
const row = (r: Report, table: string, label: string) => gridOf(r, table).find((x) => x[0] === label)?.slice(1);
/** Every value of the report a reader sees as hidden. */
const hiddenValues = (r: Report) => [
  ...Object.entries(r.summary).filter(([, v]) => v === ':').map(([k]) => `summary.${k}`),
  ...r.tables.flatMap((t) => t.rows.flatMap((x) => x.values.map((v, i) => (v === ':' ? `${t.id}/${x.label}/${t.columns[i]}` : null)))).filter(Boolean),
];

/** The cells that hold exactly the group, in each table, as the reader finds them by their labels. */
function groupCells(r: Report) {
  return {
    channel: row(r, 'channel', 'Chat'),
    channelAll: row(r, 'channel_all', 'Chat'),
    month: row(r, 'month', 'Juni'),
    monthAll: row(r, 'month_all', 'Juni'),
    who: row(r, 'who', 'Familie'),
    ageGender: row(r, 'age_gender', 'Under 18 år'),
    theme: row(r, 'theme', 'Vold i nære relasjoner'),
  };
}

describe('a count of 4 (below the threshold of 5)', () => {
  it('is hidden in the published view, in every table it appears in; zeros beside it are shown', async () => {
    const r = await published();
    expect(r.threshold).toBe(5);
    expect(groupCells(r)).toEqual({
      channel: [':'],
      // first contacts, repeat, knowledge requests, talks, all
      channelAll: [':', 0, 0, 0, ':'],
      month: [':', 0],
      monthAll: [':', 0, 0, 0, ':'],
      who: [':'],
      // woman, man, transgender, not stated, total
      ageGender: [0, ':', 0, 0, ':'],
      theme: [':'],
    });
    // A country with 4 is not named at all; it is counted, hidden, under "Andre land".
    expect(row(r, 'country', 'Sverige')).toBeUndefined();
    expect(row(r, 'country', 'Andre land')).toEqual([':']);
  });

  it('is shown in the coordinators’ internal view, where nothing is hidden', async () => {
    const r = await internal();
    expect(groupCells(r)).toEqual({
      channel: [4], channelAll: [4, 0, 0, 0, 4], month: [4, 0], monthAll: [4, 0, 0, 0, 4], who: [4], ageGender: [0, 4, 0, 0, 4], theme: [4],
    });
    expect(row(r, 'country', 'Sverige')).toEqual([4]);
    expect(row(r, 'country', 'Norge')).toEqual([20]);
    expect(hiddenValues(r)).toEqual([]);
  });
});

describe('a count of exactly 5 (the threshold)', () => {
  beforeAll(async () => { await growGroupTo(5); }, 60_000);

  it('is shown in the published view, and with nothing small left nothing at all is hidden', async () => {
    const r = await published();
    expect(groupCells(r)).toEqual({
      channel: [5], channelAll: [5, 0, 0, 0, 5], month: [5, 0], monthAll: [5, 0, 0, 0, 5], who: [5], ageGender: [0, 5, 0, 0, 5], theme: [5],
    });
    // Named now: a country is named from the threshold on.
    expect(gridOf(r, 'country')).toEqual([['Kategori', 'Henvendelser'], ['Norge', 20], ['Sverige', 5], ['Andre land', 0], ['Ikke oppgitt', 0], ['Ikke spurt', 0], ['Totalt', 25]]);
    expect(gridOf(r, 'channel')).toEqual([['Kategori', 'Førstegangshenvendelser fra enkeltpersoner'], ['Telefon', 20], ['Chat', 5], ['E-post/meldingstjeneste', 0], ['WhatsApp', 0], ['Fysisk oppmøte', 0], ['Telefonsvarer', 0], ['Totalt', 25]]);
    expect(hiddenValues(r)).toEqual([]);
    expect(r.summary).toMatchObject({ firstContactsFromIndividuals: 25, total: 25, allContacts: 25 });
  });

  it('is shown in the internal view', async () => {
    const r = await internal();
    expect(groupCells(r)).toEqual({
      channel: [5], channelAll: [5, 0, 0, 0, 5], month: [5, 0], monthAll: [5, 0, 0, 0, 5], who: [5], ageGender: [0, 5, 0, 0, 5], theme: [5],
    });
  });
});

describe('a count of 6 (above the threshold)', () => {
  beforeAll(async () => { await growGroupTo(6); }, 60_000);

  it('is shown in both views, and the published view hides nothing', async () => {
    for (const r of [await published(), await internal()]) {
      expect(groupCells(r), r.view).toEqual({
        channel: [6], channelAll: [6, 0, 0, 0, 6], month: [6, 0], monthAll: [6, 0, 0, 0, 6], who: [6], ageGender: [0, 6, 0, 0, 6], theme: [6],
      });
      expect(row(r, 'country', 'Sverige'), r.view).toEqual([6]);
      expect(hiddenValues(r), r.view).toEqual([]);
    }
  });
});

describe('the boundary moves with the helpline’s own threshold', () => {
  it('with a threshold of 7 in the helpline’s file, 6 is hidden and 7 is shown', async () => {
    const files = readHelplineFiles(DEFAULT_HELPLINE_DIR);
    files.find((f) => f.id === RK)!.smallCellThreshold = 7;
    await syncHelplines(ctx.t.db, files);
    const six = await published();
    expect(six.threshold).toBe(7);
    expect(groupCells(six)).toMatchObject({ channel: [':'], who: [':'], theme: [':'], ageGender: [0, ':', 0, 0, ':'] });
    expect(row(six, 'country', 'Sverige')).toBeUndefined();
    expect(groupCells(await internal())).toMatchObject({ channel: [6], who: [6], theme: [6] });

    await growGroupTo(7);
    const seven = await published();
    expect(groupCells(seven)).toEqual({
      channel: [7], channelAll: [7, 0, 0, 0, 7], month: [7, 0], monthAll: [7, 0, 0, 0, 7], who: [7], ageGender: [0, 7, 0, 0, 7], theme: [7],
    });
    expect(row(seven, 'country', 'Sverige')).toEqual([7]);
    expect(hiddenValues(seven)).toEqual([]);
  });
});
