import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { login, openBrowser, settled, type Browser } from './support/browser.js';
import { seriousViolations } from './support/axe.js';

const baseUrl = inject('baseUrl');
const users = inject('users');
const YEAR = new Date().getUTCFullYear() - 1;
// Readable on a phone: nothing under 11 CSS pixels.
const MIN_TEXT_PX = 11;

/**
 * Every chart on the page as the reader sees it: the drawing that shows, its width against its
 * column's, and each text of it that is too small or runs past the drawing's edge (where an SVG
 * cuts it off).
 */
function inspectCharts(minPx: number) {
  return [...document.querySelectorAll('figure.report-chart')].map((figure) => {
    const name = figure.getAttribute('aria-label');
    const svg = [...figure.querySelectorAll('svg')].find((s) => getComputedStyle(s).display !== 'none');
    if (!svg) return { name, shown: 0, problems: ['no drawing shows'] };
    const box = svg.getBoundingClientRect();
    const column = figure.parentElement!.getBoundingClientRect();
    const problems: string[] = [];
    const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent!.trim());
    for (const text of texts) {
      const px = parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM()!.a;
      if (px < minPx) problems.push(`"${text.textContent}" is ${px.toFixed(1)} px`);
      const r = text.getBoundingClientRect();
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) problems.push(`"${text.textContent}" runs past the edge`);
    }
    return { name, shown: texts.length, width: Math.round(box.width), column: Math.round(column.width), problems };
  });
}

const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

describe('charts that hold up', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
    await login(browser.page, baseUrl, users.admin, '/dashboard');
  });
  afterAll(async () => {
    await browser.close();
  });

  async function dashboard(width: number) {
    const { page } = browser;
    await page.setViewportSize({ width, height: 844 });
    await page.goto(`${baseUrl}/dashboard`);
    await settled(page);
    // Kors på halsen's demo year: large enough that no table is all hidden.
    const loaded = page.waitForResponse((r) => r.url().includes('/api/stats/report?') && r.url().includes('helplineId=kors-pa-halsen') && r.url().includes(`year=${YEAR}`));
    await page.getByLabel('Hjelpetelefon').selectOption('kors-pa-halsen');
    await page.getByLabel('År', { exact: true }).selectOption(String(YEAR));
    await loaded;
    await settled(page);
    await page.waitForFunction(() => document.querySelectorAll('figure.report-chart').length >= 8);
    return page;
  }

  it('on a 390 px phone the dashboard’s chart text is at least 11 px, inside its chart, and the page does not scroll sideways', async () => {
    const page = await dashboard(390);
    const charts = await page.evaluate(inspectCharts, MIN_TEXT_PX);
    expect(charts.length).toBeGreaterThanOrEqual(8);
    for (const c of charts) {
      expect(c.shown, `${c.name} shows its labels`).toBeGreaterThan(0);
      expect(c.problems, c.name!).toEqual([]);
      expect(c.width, `${c.name} fills its column`).toBeGreaterThanOrEqual(c.column! - 2);
    }
    expect(await overflowsSideways(page)).toBe(false);
    await page.locator('figure.report-chart').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? '/tmp'}/charts-390.png` });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('on a wide screen each chart takes its column’s full width, its text readable and inside it', async () => {
    const page = await dashboard(1280);
    const charts = await page.evaluate(inspectCharts, MIN_TEXT_PX);
    expect(charts.length).toBeGreaterThanOrEqual(8);
    for (const c of charts) {
      expect(c.problems, c.name!).toEqual([]);
      expect(c.column!, 'a wide column').toBeGreaterThan(900);
      expect(c.width, `${c.name} fills its column`).toBeGreaterThanOrEqual(c.column! - 2);
    }
  });

  it('the printable report on a phone: readable charts, no sideways scrolling, no serious accessibility violations', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/api/stats/report.html?helplineId=kors-pa-halsen&year=${YEAR}&suppress=true&lang=nb`);
    const charts = await page.evaluate(inspectCharts, MIN_TEXT_PX);
    expect(charts.length).toBeGreaterThanOrEqual(8);
    for (const c of charts) expect(c.problems, c.name!).toEqual([]);
    expect(await overflowsSideways(page)).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the browser draws the dashboard’s charts from numbers only, and they show what the printed report’s show', async () => {
    const { page } = browser;
    const answer = page.waitForResponse((r) => r.url().includes('/api/stats/report?') && r.url().includes(`year=${YEAR}`) && r.url().includes('helplineId=kors-pa-halsen'));
    await dashboard(1280);
    const report = (await (await answer).json()) as { tables: { chartSvg?: string }[] };
    expect(report.tables.length).toBeGreaterThanOrEqual(8);
    expect(report.tables.filter((t) => t.chartSvg)).toEqual([]);
    const textsOf = () =>
      [...document.querySelectorAll('figure.report-chart')].map((f) => ({
        name: f.getAttribute('aria-label'),
        texts: [...f.querySelectorAll('svg.chart-wide text')].map((t) => t.textContent!.trim()).filter(Boolean),
      }));
    const onScreen = await page.evaluate(textsOf);
    await page.goto(`${baseUrl}/api/stats/report.html?helplineId=kors-pa-halsen&year=${YEAR}&suppress=true&lang=nb`);
    const printed = await page.evaluate(textsOf);
    expect(onScreen.length).toBeGreaterThanOrEqual(8);
    expect(onScreen).toEqual(printed);
  });
});
