import { describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';
import type { Report, ReportTable } from '../../shared/schemas/stats.js';
import { threadId } from 'node:worker_threads';
import { chartFor } from '../../shared/charts/chart-for.js';
import { lastDrawingThread } from './chart-pool.js';

const ctx = useTestApp(RK);

/** The two drawings of a chart, each as the texts it shows and the number of bars it draws. */
function drawings(svg: string) {
  return svg.split(/(?=<svg )/).map((part) => ({
    kind: /class="chart-(\w+)"/.exec(part)?.[1],
    texts: (part.match(/<text[^>]*>[^<]*<\/text>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')),
    bars: (part.match(/<path[^>]*fill="#1e5aa8"/g) ?? []).length,
  }));
}

const LONG = 'Vold og overgrep › Seksuelle overgrep og utnytting på nett, også gjennom spill og sosiale medier';
const who = (values: (number | string)[]): ReportTable => ({
  id: 'who',
  title: 'Hvem tok kontakt (enkeltpersoner)',
  columns: ['Henvendelser'],
  rows: [
    { key: 'friend', label: 'Venn', values: [values[0]] },
    { key: 'long', label: LONG, values: [values[1]] },
    { key: 'neighbour', label: 'Nabo', values: [values[2]] },
    { key: 'total', label: 'Totalt', values: [57] },
  ],
});

describe('a chart never draws a hidden cell', () => {
  it('draws the counts it may show, in a wide and a phone drawing, and nothing for "<5"', () => {
    const chart = chartFor(who([40, '<5', 12]), 'nb');
    expect(chart.text).toBeUndefined();
    const [wide, narrow] = drawings(chart.svg!);
    expect([wide.kind, narrow.kind]).toEqual(['wide', 'narrow']);
    for (const d of [wide, narrow]) {
      expect(d.bars, d.kind).toBe(2);
      expect(d.texts, d.kind).toEqual(expect.arrayContaining(['Venn', 'Nabo', '40', '12']));
      expect(d.texts.join(' '), d.kind).not.toMatch(/<5|&lt;5/);
    }
  });

  it('a chart whose every value is hidden becomes one sentence, in the reader’s language', () => {
    const hidden = who(['<5', '<5', '<5']);
    expect(chartFor(hidden, 'nb')).toEqual({ text: 'Ingen figur: alle tallene den skulle vise, er skjult for å verne enkeltpersoner. Tabellen viser det som kan publiseres.' });
    expect(chartFor(hidden, 'da')).toEqual({ text: 'Ingen figur: alle de tal, den skulle vise, er skjult for at beskytte enkeltpersoner. Tabellen viser det, der kan offentliggøres.' });
    expect(chartFor(hidden, 'en')).toEqual({ text: 'No chart: every number it would show is hidden to protect individuals. The table shows what can be published.' });
    // Hidden and zero: still nothing to draw.
    expect(chartFor(who(['<5', 0, '<5']), 'en').text).toMatch(/^No chart: every number it would show is hidden/);
  });

  it('a chart with nothing counted becomes one sentence, not bare axes', () => {
    expect(chartFor(who([0, 0, 0]), 'nb')).toEqual({ text: 'Ingen figur: det er ingen henvendelser å vise her.' });
  });
});

describe('a long list', () => {
  it('draws its 20 largest, largest first, says so, and leaves hidden values out', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ key: `s${i}`, label: `Undertema ${i + 1}`, values: [i < 3 ? '<5' : 10 + i] as (number | string)[] }));
    const subtheme: ReportTable = { id: 'subtheme', title: 'Undertemaer', columns: ['Henvendelser'], rows };
    for (const d of drawings(chartFor(subtheme, 'nb').svg!)) {
      expect(d.bars, d.kind).toBe(20);
      expect(d.texts, d.kind).toContain('De 20 største av 30. Alle står i tabellen.');
      const labels = d.texts.filter((t) => t.startsWith('Undertema '));
      // Values 39 (Undertema 30) down to 20 (Undertema 11).
      expect(labels, d.kind).toEqual(Array.from({ length: 20 }, (_, i) => `Undertema ${30 - i}`));
    }
  });
});

describe('labels are never cut', () => {
  it('a long label is wrapped onto lines with every word kept, in both drawings', () => {
    for (const d of drawings(chartFor(who([40, 30, 12]), 'nb').svg!)) {
      const shown = d.texts.join(' ');
      for (const word of LONG.split(' ')) expect(shown, d.kind).toContain(word);
      expect(shown, d.kind).not.toMatch(/…|\.\.\./);
      // Wrapped: no single line carries the whole label.
      expect(d.texts, d.kind).not.toContain(LONG);
    }
  });

  it('months are abbreviated as the language writes them, and named in full on a phone', () => {
    const month: ReportTable = {
      id: 'month', title: 'Førstegangshenvendelser per måned', columns: ['Førstegangshenvendelser', 'Kunnskapsforespørsler'],
      rows: ['Januar', 'Februar', 'Mars', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Desember']
        .map((label, i) => ({ key: String(i + 1), label, values: [100 + i, 20] })),
    };
    const [wide, narrow] = drawings(chartFor(month, 'nb').svg!);
    expect(wide.texts).toEqual(expect.arrayContaining(['jan', 'mai', 'sep', 'des']));
    expect(narrow.texts).toEqual(expect.arrayContaining(['Januar', 'September', 'Desember']));
  });
});

describe('the report with every count hidden', () => {
  it('gives each table a sentence instead of a chart, on screen and in the printable report', async () => {
    const { t, id } = ctx;
    const counsellor = await t.as('counsellor', [RK]);
    for (const [startedAt, channel] of [['2021-03-02T10:00:00+01:00', 'telephone'], ['2021-09-14T18:30:00+02:00', 'chat']]) {
      const res = await t.app.inject({
        method: 'POST', url: '/api/contacts', headers: { cookie: counsellor.cookie },
        payload: { helplineId: RK, channel, kind: 'first_contact', startedAt, whoId: id('who:person_affected'), genderId: id('gender:kvinne'), country: 'SO', themes: [{ themeId: id('theme:tvangsekteskap') }] },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const query = `helplineId=${RK}&year=2021&suppress=true&lang=nb`;
    const report: Report = (await t.app.inject({ method: 'GET', url: `/api/stats/report?${query}&charts=true`, headers: { cookie: counsellor.cookie } })).json();
    const hidden = 'Ingen figur: alle tallene den skulle vise, er skjult for å verne enkeltpersoner. Tabellen viser det som kan publiseres.';
    // Two contacts: every count of the year is under 5, so every table that counted them hides all.
    for (const id of ['kind', 'month', 'channel', 'who', 'age_gender', 'country', 'theme']) {
      const table = report.tables.find((x) => x.id === id)!;
      expect(table.chartSvg, id).toBeUndefined();
      expect(table.chartText, id).toBe(hidden);
    }
    const html = (await t.app.inject({ method: 'GET', url: `/api/stats/report.html?${query}`, headers: { cookie: counsellor.cookie } })).body;
    expect(html).not.toContain('<svg');
    expect(html).toContain(`<p class="no-chart">${hidden}</p>`);

    // In the internal view (the helpline's coordinator only), the same year draws its charts.
    const coordinator = await t.as('coordinator', [RK]);
    const internal: Report = (await t.app.inject({ method: 'GET', url: `/api/stats/report?helplineId=${RK}&year=2021&suppress=false&lang=nb&charts=true`, headers: { cookie: coordinator.cookie } })).json();
    expect(internal.tables.find((x) => x.id === 'channel')!.chartSvg).toMatch(/^<svg class="chart-wide"/);
  });
});

describe('who draws the charts (decision 0026)', () => {
  it('the dashboard’s report carries numbers only; the printable report’s charts are drawn in a worker thread, the same as the browser’s', async () => {
    const { t, id } = ctx;
    const counsellor = await t.as('counsellor', [RK]);
    for (let i = 0; i < 6; i++) {
      const res = await t.app.inject({
        method: 'POST', url: '/api/contacts', headers: { cookie: counsellor.cookie },
        payload: { helplineId: RK, channel: 'telephone', kind: 'first_contact', startedAt: `2019-0${1 + (i % 3)}-1${i}T10:00:00+01:00`, themes: [{ themeId: id('theme:tvangsekteskap') }] },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    // The internal view (the helpline's coordinator): six is not hidden there.
    const coordinator = await t.as('coordinator', [RK]);
    const query = `helplineId=${RK}&year=2019&suppress=false&lang=nb`;
    const report: Report = (await t.app.inject({ method: 'GET', url: `/api/stats/report?${query}`, headers: { cookie: coordinator.cookie } })).json();
    for (const table of report.tables) {
      expect(table.chartSvg, table.id).toBeUndefined();
      expect(table.chartText, table.id).toBeUndefined();
    }
    // Six telephone contacts: the channel table shows 6, and the browser draws it.
    expect(report.tables.find((x) => x.id === 'channel')!.rows.find((r) => r.key === 'telephone')!.values[0]).toBe(6);
    const onScreen = chartFor(report.tables.find((x) => x.id === 'channel')!, 'nb');
    expect(drawings(onScreen.svg!)[0].texts).toContain('6');

    const html = (await t.app.inject({ method: 'GET', url: `/api/stats/report.html?${query}`, headers: { cookie: coordinator.cookie } })).body;
    const printed = /aria-label="Førstegangshenvendelser fra enkeltpersoner per kanal">(.*?)<\/figure>/s.exec(html)?.[1];
    // The printed chart shows what the screen's does: the same texts and bars in both drawings
    // (the markup differs only in the numbers ECharts gives its clip paths and style classes).
    const unnumbered = (svg: string) => svg.replace(/zr\d+-|cls-\d+/g, '');
    expect(drawings(printed!)).toEqual(drawings(onScreen.svg!));
    expect(unnumbered(printed!)).toBe(unnumbered(onScreen.svg!));
    const thread = lastDrawingThread();
    expect(thread).toBeGreaterThan(0);
    expect(thread).not.toBe(threadId);
  });
});
