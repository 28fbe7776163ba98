import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';
import { asText, downloadCsv, downloadXlsx, fetchReport, gridOf, registerMany, type Grid, type View } from '../../test/report-fixtures.js';

/**
 * Issue 7, point 4: every table of the annual report, written out by hand for a small year of
 * Røde Kors-telefonen (its categories in data/helplines/rode-kors-telefonen.json), so that a row
 * or a column that goes missing or moves — "Andre land", a month, a channel — fails a test. The
 * downloads (CSV, XLSX) and the printable page must carry the same cells as the report.
 *
 * The contacts come in groups of at least 5 alike, so every count of the report is 0 or at least
 * 5: the published view hides nothing and shows the same numbers as the internal one. Only the
 * country table differs: published, a country is named only with at least 5 contacts (decision
 * 0015), the others are counted under "Andre land".
 */
const ctx = useTestApp(RK);
let coordinator: { cookie: string };
let analyst: { cookie: string };
const YEAR = 2023;

// The 17 countries of group C, one contact each; in the internal view the 13 first by code are
// named (15 countries in all with Norway and Sweden), the last four are "Andre land".
const SMALL_COUNTRIES = ['AT', 'BE', 'CH', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'IE', 'IS', 'IT', 'LT', 'LV', 'NL', 'PL'];

beforeAll(async () => {
  coordinator = await ctx.t.as('coordinator', [RK]);
  analyst = await ctx.t.as('analyst', []);
  const id = ctx.id;
  const reg = (n: number, p: Record<string, unknown>) => registerMany(ctx.t, coordinator.cookie, n, { helplineId: RK, ...p });
  const first = (p: Record<string, unknown>) => ({ kind: 'first_contact', ...p });
  // A: 10 in March by telephone: the person affected, woman over 18, Norway, negative social control, follow-up cases.
  await reg(10, first({ channel: 'telephone', startedAt: '2023-03-15T12:00:00+01:00', whoId: id('who:person_affected'), ageGroupId: id('age_group:over_18'), genderId: id('gender:kvinne'), country: 'NO', themes: [{ themeId: id('theme:negativ_sosial_kontroll') }], outcomes: ['follow_up_case'] }));
  // B: 5 in June by e-mail: family, girl under 18, Sweden, forced marriage (planned) and "other".
  await reg(5, first({ channel: 'email', startedAt: '2023-06-14T12:00:00+02:00', whoId: id('who:family'), ageGroupId: id('age_group:under_18'), genderId: id('gender:kvinne'), country: 'SE', themes: [{ themeId: id('theme:tvangsekteskap'), subthemeIds: [id('subtheme:te_planlagt')] }, { themeId: id('theme:annet') }] }));
  // C: 17 in September by chat: wider network, man over 18, each from another country, domestic violence.
  for (const country of SMALL_COUNTRIES) {
    await reg(1, first({ channel: 'chat', startedAt: '2023-09-13T12:00:00+02:00', whoId: id('who:wider_network'), ageGroupId: id('age_group:over_18'), genderId: id('gender:mann'), country, themes: [{ themeId: id('theme:vold_i_nare_relasjoner') }] }));
  }
  // D: 6 in November by telephone, nothing stated: who, age, gender and country not stated; "other".
  await reg(6, first({ channel: 'telephone', startedAt: '2023-11-15T12:00:00+01:00', country: 'not_stated', themes: [{ themeId: id('theme:annet') }] }));
  // E: 5 in November walking in: a professional about a transgender person under 18, country not
  // asked; negative social control and forced marriage (planned, and living in one).
  await reg(5, first({ channel: 'walk_in', startedAt: '2023-11-16T12:00:00+01:00', whoId: id('who:professional'), ageGroupId: id('age_group:under_18'), genderId: id('gender:transperson'), themes: [{ themeId: id('theme:negativ_sosial_kontroll') }, { themeId: id('theme:tvangsekteskap'), subthemeIds: [id('subtheme:te_planlagt'), id('subtheme:te_i_ekteskap')] }] }));
  // Knowledge requests: 5 from schools by e-mail in April; 7 from NAV and 5 from a body not stated, by telephone in October.
  await reg(5, { kind: 'knowledge_request', channel: 'email', startedAt: '2023-04-12T12:00:00+02:00', bodyTypeId: id('body_type:school') });
  await reg(7, { kind: 'knowledge_request', channel: 'telephone', startedAt: '2023-10-11T12:00:00+02:00', bodyTypeId: id('body_type:nav') });
  await reg(5, { kind: 'knowledge_request', channel: 'telephone', startedAt: '2023-10-11T13:00:00+02:00' });
  // 8 repeat contacts by telephone in March; 5 talks given in May.
  await reg(8, { kind: 'repeat_contact', channel: 'telephone', startedAt: '2023-03-20T12:00:00+01:00' });
  await reg(5, { kind: 'talk_given', channel: 'walk_in', startedAt: '2023-05-10T12:00:00+02:00' });
  // The year before: 20 first contacts and 5 knowledge requests.
  await reg(20, first({ channel: 'telephone', startedAt: '2022-08-10T12:00:00+02:00', themes: [{ themeId: id('theme:annet') }] }));
  await reg(5, { kind: 'knowledge_request', channel: 'telephone', startedAt: '2022-08-11T12:00:00+02:00' });
}, 180_000);

const FIRST = 'Førstegangshenvendelser fra enkeltpersoner';
const KIND_COLUMNS = [FIRST, 'Gjentatte henvendelser', 'Kunnskapsforespørsler fra instanser', 'Foredrag og kurs', 'Alle henvendelser'];
const HIDDEN_NOTE = '«:» = skjult for å verne dem som tok kontakt: tall under 5, og tall de ellers kunne regnes ut fra.';
const THEME_NOTE = 'En henvendelse kan gjelde flere temaer og telles én gang under hvert tema; summen kan derfor overstige antall henvendelser. (Førstegangshenvendelser fra enkeltpersoner: 43)';

/** Every table of the internal view, by hand from the groups above. */
const INTERNAL: Record<string, { grid: Grid; note?: string }> = {
  kind: { grid: [
    ['Kategori', 'I år', 'Året før', 'Endring (%)'],
    [FIRST, 43, 20, 115],
    ['Gjentatte henvendelser', 8, 0, '–'],
    ['Kunnskapsforespørsler fra instanser', 17, 5, 240],
    ['Foredrag og kurs', 5, 0, '–'],
    ['Alle henvendelser', 73, 25, 192],
  ] },
  month: { grid: [
    ['Kategori', FIRST, 'Kunnskapsforespørsler fra instanser'],
    ['Januar', 0, 0], ['Februar', 0, 0], ['Mars', 10, 0], ['April', 0, 5], ['Mai', 0, 0], ['Juni', 5, 0],
    ['Juli', 0, 0], ['August', 0, 0], ['September', 17, 0], ['Oktober', 0, 12], ['November', 11, 0], ['Desember', 0, 0],
  ] },
  month_all: { grid: [
    ['Kategori', ...KIND_COLUMNS],
    ['Januar', 0, 0, 0, 0, 0], ['Februar', 0, 0, 0, 0, 0], ['Mars', 10, 8, 0, 0, 18], ['April', 0, 0, 5, 0, 5],
    ['Mai', 0, 0, 0, 5, 5], ['Juni', 5, 0, 0, 0, 5], ['Juli', 0, 0, 0, 0, 0], ['August', 0, 0, 0, 0, 0],
    ['September', 17, 0, 0, 0, 17], ['Oktober', 0, 0, 12, 0, 12], ['November', 11, 0, 0, 0, 11], ['Desember', 0, 0, 0, 0, 0],
    ['Totalt', 43, 8, 17, 5, 73],
  ] },
  channel: { grid: [
    ['Kategori', FIRST],
    ['Telefon', 16], ['Chat', 17], ['E-post/meldingstjeneste', 5], ['WhatsApp', 0], ['Fysisk oppmøte', 5], ['Telefonsvarer', 0],
    ['Totalt', 43],
  ] },
  channel_all: { grid: [
    ['Kategori', ...KIND_COLUMNS],
    ['Telefon', 16, 8, 12, 0, 36], ['Chat', 17, 0, 0, 0, 17], ['E-post/meldingstjeneste', 5, 0, 5, 0, 10],
    ['WhatsApp', 0, 0, 0, 0, 0], ['Fysisk oppmøte', 5, 0, 0, 5, 10], ['Telefonsvarer', 0, 0, 0, 0, 0],
    ['Totalt', 43, 8, 17, 5, 73],
  ] },
  who: { grid: [
    ['Kategori', 'Henvendelser'],
    ['Personen selv (utsatt)', 10], ['Familie', 5], ['Øvrig nettverk', 17], ['Andre organisasjoner', 0],
    ['Fagperson i hjelpeapparatet (lærer, helsesykepleier, NAV, politi)', 5], ['Ikke oppgitt', 6],
    ['Totalt', 43],
  ], note: '6 av 43 henvendelser har ikke dette registrert.' },
  age_gender: { grid: [
    ['Kategori', 'Kvinne', 'Mann', 'Transperson', 'Ikke oppgitt', 'Totalt'],
    ['Under 18 år', 5, 0, 5, 0, 10],
    ['Over 18 år', 10, 17, 0, 0, 27],
    ['Ikke oppgitt', 0, 0, 0, 6, 6],
    ['Totalt', 15, 17, 5, 6, 43],
  ] },
  country: { grid: [
    ['Kategori', 'Henvendelser'],
    ['Norge', 10], ['Sverige', 5],
    ['Østerrike', 1], ['Belgia', 1], ['Sveits', 1], ['Tyskland', 1], ['Danmark', 1], ['Estland', 1], ['Spania', 1],
    ['Finland', 1], ['Frankrike', 1], ['Hellas', 1], ['Irland', 1], ['Island', 1], ['Italia', 1],
    ['Andre land', 4], ['Ikke oppgitt', 6], ['Ikke spurt', 5],
    ['Totalt', 43],
  ], note: '11 av 43 henvendelser har ikke dette registrert.' },
  theme: { grid: [
    ['Kategori', 'Henvendelser'],
    // Largest first; the themes nobody raised after them, in the helpline's order.
    ['Vold i nære relasjoner', 17], ['Negativ sosial kontroll', 15], ['Annet', 11], ['Tvangsekteskap', 10],
    ['Andre former for æresrelatert vold', 0], ['Ufrivillig utenlandsopphold', 0], ['Etterlatt i utlandet', 0],
    ['Kjønnslemlestelse', 0], ['Jomfruhinne', 0],
  ], note: THEME_NOTE },
  // In the helpline's order, each under its theme.
  subtheme: { grid: [
    ['Kategori', 'Henvendelser'],
    ['Tvangsekteskap › Planlagt eller truet tvangsekteskap', 10],
    ['Tvangsekteskap › Lever i tvangsekteskap', 5],
    ['Tvangsekteskap › Vold eller trusler ved ønske om å gå ut av ekteskapet', 0],
    ['Tvangsekteskap › Trussel om utfrysning ved å ikke gifte seg', 0],
    ['Ufrivillig utenlandsopphold › Befinner seg i utlandet mot sin vilje', 0],
    ['Ufrivillig utenlandsopphold › Trussel om ufrivillig utenlandsopphold', 0],
  ] },
  body_type: { grid: [
    ['Kategori', 'Henvendelser'],
    ['Skole / minoritetsrådgiver', 5], ['Helsestasjon / helsetjeneste', 0], ['NAV', 7], ['Barnevern', 0], ['Politi', 0],
    ['Krisesenter', 0], ['Bo- og støttetilbud', 0], ['Kompetanseteamet mot tvangsekteskap og kjønnslemlestelse', 0],
    ['Familievern', 0], ['UDI', 0], ['Advokat', 0], ['Kommune / annen offentlig instans', 0], ['Frivillig organisasjon', 0],
    ['Forskning, media eller politikk', 0], ['Annet', 0], ['Ikke oppgitt', 5],
    ['Totalt', 17],
  ], note: '5 av 17 henvendelser har ikke dette registrert.' },
};

/**
 * The published view: the same numbers (nothing here is under 5), but only Norway and Sweden
 * (exactly 5) are named; the 17 single contacts are "Andre land". Every table says what «:» means.
 */
const PUBLISHED: Record<string, { grid: Grid; note?: string }> = Object.fromEntries(Object.entries(INTERNAL).map(([id, t]) => [id, {
  grid: id === 'country'
    ? [['Kategori', 'Henvendelser'], ['Norge', 10], ['Sverige', 5], ['Andre land', 17], ['Ikke oppgitt', 6], ['Ikke spurt', 5], ['Totalt', 43]]
    : t.grid,
  note: t.note ? `${t.note} ${HIDDEN_NOTE}` : HIDDEN_NOTE,
}]));

const TABLE_IDS = ['kind', 'month', 'month_all', 'channel', 'channel_all', 'who', 'age_gender', 'country', 'theme', 'subtheme', 'body_type'];
const expected = (view: View) => (view === 'internal' ? INTERNAL : PUBLISHED);
const cookieFor = (view: View) => (view === 'internal' ? coordinator.cookie : analyst.cookie);
const INTERNAL_LINE = 'INTERN – ikke for publisering: alle tall vises, også små tall som kan identifisere noen.';

describe.each(['internal', 'published'] as const)('every table of the %s view, written out', (view) => {
  it('has exactly the tables of the report, in order, each with its rows, columns and note', async () => {
    const report = await fetchReport(ctx.t, cookieFor(view), RK, YEAR, view);
    expect(report.view).toBe(view);
    expect(report.tables.map((t) => t.id)).toEqual(TABLE_IDS);
    for (const id of TABLE_IDS) {
      expect(gridOf(report, id), id).toEqual(expected(view)[id].grid);
      expect(report.tables.find((t) => t.id === id)!.note, id).toBe(expected(view)[id].note);
    }
  });

  it('has the key figures', async () => {
    const report = await fetchReport(ctx.t, cookieFor(view), RK, YEAR, view);
    expect(report.summary).toMatchObject({
      total: 60, previousTotal: 25, changePercent: 140, firstContactsFromIndividuals: 43, knowledgeRequests: 17,
      followUpCases: 10, allContacts: 73, previousAllContacts: 25, allChangePercent: 192,
    });
  });

  it('each table downloads as CSV and XLSX with the same cells as the report', async () => {
    const report = await fetchReport(ctx.t, cookieFor(view), RK, YEAR, view);
    for (const id of TABLE_IDS) {
      const title = report.tables.find((t) => t.id === id)!.title;
      // An internal file starts with a line that says so (and names the table).
      const lead: Grid = view === 'internal' ? [[`${INTERNAL_LINE} ${title}`]] : [];
      const csv = await downloadCsv(ctx.t, cookieFor(view), RK, YEAR, id, view);
      expect(csv, `${id}.csv against the report`).toEqual(asText([...lead, ...gridOf(report, id)]));
      expect(csv, `${id}.csv against the table written out`).toEqual(asText([...lead, ...expected(view)[id].grid]));
      const xlsx = await downloadXlsx(ctx.t, cookieFor(view), RK, YEAR, id, view);
      expect(xlsx, `${id}.xlsx against the report`).toEqual([...lead, ...gridOf(report, id)]);
      expect(xlsx, `${id}.xlsx against the table written out`).toEqual([...lead, ...expected(view)[id].grid]);
    }
  });

  it('the printable report has the same tables, cell by cell', async () => {
    const res = await ctx.t.app.inject({ method: 'GET', url: `/api/stats/report.html?helplineId=${RK}&year=${YEAR}&lang=nb${view === 'internal' ? '&suppress=false' : ''}`, headers: { cookie: cookieFor(view) } });
    expect(res.statusCode).toBe(200);
    const printed = printedTables(res.body);
    expect([...printed.keys()]).toEqual(TABLE_IDS);
    for (const id of TABLE_IDS) {
      // The printout leaves the corner cell empty; numbers are written as the reader writes them.
      const [[, ...columns], ...rows] = expected(view)[id].grid;
      expect(printed.get(id), id).toEqual(asText([['', ...columns], ...rows]));
    }
  });
});

/** The tables of the printed page by their id (`<h2 id="t-…">`), each as lines of cell texts. */
function printedTables(html: string): Map<string, string[][]> {
  const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
  const out = new Map<string, string[][]>();
  for (const section of html.split('<section>').slice(1)) {
    const id = /<h2 id="t-([a-z_]+)">/.exec(section)![1];
    const table = /<table>([\s\S]*?)<\/table>/.exec(section)![1];
    const rows = [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => unescape(c[1])));
    out.set(id, rows);
  }
  return out;
}
