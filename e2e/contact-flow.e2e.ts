import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, openBrowser, settled, tabTo, type Browser } from './support/browser.js';
import { seriousViolations } from './support/axe.js';

const baseUrl = inject('baseUrl');
const { counsellor } = inject('users');

const digits = (s: string) => Number(s.replace(/[^\d]/g, ''));

/**
 * The browser's clock is pinned to 23:30 UTC on New Year's Eve: already 1 January in Oslo, the
 * helpline's zone, while the machine running the test may still be in the old year. The dashboard
 * shows the helpline's year; the test expects that year, computed in the helpline's zone.
 */
const PINNED = new Date(Date.UTC(new Date().getUTCFullYear() - 1, 11, 31, 23, 30));
const HELPLINE_YEAR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', year: 'numeric' }).format(PINNED);

/**
 * The dashboard's figures for the current year, without small-number suppression (a count of 1
 * would show as "<5"): first contacts in total, and the first value of each row of the channel table.
 */
async function dashboardFigures(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Statistikk' }).click();
  await settled(page);
  expect(await page.getByLabel('År', { exact: true }).inputValue()).toBe(HELPLINE_YEAR);
  const suppress = page.getByRole('switch', { name: /Skjul små tall/ });
  if (await suppress.isChecked()) {
    await suppress.uncheck();
    await settled(page);
  }
  const card = page.locator('.cards > *').filter({ has: page.getByRole('heading', { name: 'Førstegangshenvendelser', exact: true }) });
  const total = digits(await card.locator('.card-figure').innerText());
  const section = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: /kanal/i }) }).first();
  const channels = new Map<string, number>();
  for (const row of await section.locator('tbody tr').all()) {
    const label = (await row.locator('th').first().innerText()).trim();
    channels.set(label, digits(await row.locator('td').first().innerText()));
  }
  return { total, channels };
}

describe('a counsellor registers a contact with the keyboard and sees it counted', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
    await b.page.clock.setFixedTime(PINNED);
    await login(b.page, baseUrl, counsellor);
  });
  afterAll(async () => b?.close());

  it('lands on the contact form after signing in', async () => {
    await b.page.getByRole('heading', { level: 1, name: 'Registrer henvendelse' }).waitFor();
    expect(new URL(b.page.url()).pathname).toBe('/contacts/new');
  });

  it('registers a typical contact in at most 20 keys besides the typed text, then finds it on the dashboard', async () => {
    const { page } = b;
    const before = await dashboardFigures(page);

    await page.getByRole('navigation').getByRole('link', { name: 'Ny henvendelse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registrer henvendelse' }).waitFor();
    // The form puts focus on the channel on its own: the counsellor starts typing at once.
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'channel');
    await page.locator('input[name="themes"]').first().waitFor(); // taxonomy loaded

    const start = performance.now();
    const kb = page.keyboard;
    /** Every key that is not typed text: Tab, arrows, Space, the save shortcut. */
    let keys = 0;
    const press = async (key: string) => {
      keys += 1;
      await kb.press(key);
    };
    const tab = async (selector: string) => {
      keys += await tabTo(page, selector);
    };
    const focusedLabel = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent?.trim() ?? '');

    await press('ArrowDown'); // channel: the next one
    await tab('input[name="kind"]:checked'); // kind: first contact, the default
    await tab('input[name="durationMinutes"]');
    await kb.type('15');
    await tab('input[name="whoId"]');
    await press('ArrowDown'); // the person affected
    await tab('input[name="ageGroupId"]');
    await press('ArrowDown'); // under 18
    await tab('input[name="genderId"]');
    await press('ArrowDown'); // woman
    await tab('select[name="country"]');
    await kb.type('Pakistan'); // the select finds the country as its name is typed
    await tab('input[name="themes"]'); // the themes are one Tab stop …
    for (let i = 0; i < 12 && (await focusedLabel()) !== 'Tvangsekteskap'; i++) await press('ArrowDown'); // … arrows move within
    expect(await focusedLabel()).toBe('Tvangsekteskap');
    await press('Space');
    await tab('input[name="subthemeIds"]'); // its subthemes come next, one Tab stop
    await press('Space');
    await tab('textarea[name="summary"]'); // and then the summary: no Tabs past the other themes
    await kb.type('Spurte om rettigheter ved sykemelding. Fikk råd.');

    expect(await page.locator('select[name="country"]').inputValue()).toBe('PK');
    expect(await page.locator('input[name="subthemeIds"]:checked').evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent?.trim())).toBe('Planlagt eller truet tvangsekteskap');
    expect(await seriousViolations(page)).toEqual([]);

    const channel = await page.evaluate(() => {
      const el = document.querySelector<HTMLInputElement>('input[name="channel"]:checked');
      return el?.labels?.[0]?.textContent?.trim() ?? '';
    });
    await press('Control+Enter');
    const status = page.getByRole('status').filter({ hasText: 'er lagret' });
    await status.waitFor();
    const ms = Math.round(performance.now() - start);
    console.log(`keyboard registration (${channel}): ${ms} ms, ${keys} keys besides the typed text, saved: "${(await status.innerText()).trim()}"`);
    expect(await status.innerText()).toContain(channel);
    expect(keys).toBeLessThanOrEqual(20);

    const after = await dashboardFigures(page);
    console.log(`first contacts ${HELPLINE_YEAR}: ${before.total} -> ${after.total}; ${channel}: ${before.channels.get(channel) ?? 'no row'} -> ${after.channels.get(channel) ?? 'no row'}`);
    expect(after.total).toBe(before.total + 1);
    expect(after.channels.get(channel), `channel row "${channel}" in ${[...after.channels.keys()].join(', ')}`).toBe((before.channels.get(channel) ?? 0) + 1);
  });
});
