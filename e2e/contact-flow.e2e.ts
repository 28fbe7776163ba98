import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, openBrowser, settled, tabTo, type Browser } from './support/browser.js';

const baseUrl = inject('baseUrl');
const { counsellor } = inject('users');

const digits = (s: string) => Number(s.replace(/[^\d]/g, ''));

/**
 * The dashboard's figures for the current year as a counsellor sees them — the published view
 * (the demo year makes them large enough to be shown): first contacts in total, and the first
 * value of each row of the channel table.
 */
async function dashboardFigures(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Statistikk' }).click();
  await settled(page);
  expect(await page.getByLabel('År', { exact: true }).inputValue()).toBe(String(new Date().getFullYear()));
  // Only coordinators may switch to the internal view.
  expect(await page.getByRole('switch').count()).toBe(0);
  const card = page.locator('.cards > *').filter({ has: page.getByRole('heading', { name: 'Førstegangshenvendelser i alt (enkeltpersoner og instanser)', exact: true }) });
  const total = digits(await card.locator('.card-figure').innerText());
  const section = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: /kanal/i }) }).first();
  // A count the published view hides is «:» (small, or one a small count could be worked out from).
  const channels = new Map<string, number | ':'>();
  for (const row of await section.locator('tbody tr').all()) {
    const label = (await row.locator('th').first().innerText()).trim();
    const text = (await row.locator('td').first().innerText()).trim();
    channels.set(label, text === ':' ? ':' : digits(text));
  }
  return { total, channels };
}

describe('a counsellor registers a contact with the keyboard and sees it counted', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
    await login(b.page, baseUrl, counsellor);
  });
  afterAll(async () => b?.close());

  it('registers, then finds it on the dashboard', async () => {
    const { page } = b;
    const before = await dashboardFigures(page);

    await page.getByRole('navigation').getByRole('link', { name: 'Ny henvendelse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registrer henvendelse' }).waitFor();
    // The form puts focus on the channel on its own: the counsellor starts typing at once.
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'channel');
    await page.locator('input[name="themes"]').first().waitFor(); // taxonomy loaded

    const start = performance.now();
    const kb = page.keyboard;
    let tabs = 0;
    await kb.press('ArrowDown'); // the next channel
    tabs += await tabTo(page, 'input[name="kind"]:checked'); // first contact is the default
    tabs += await tabTo(page, 'input[name="durationMinutes"]');
    await kb.type('15');
    tabs += await tabTo(page, 'input[name="whoId"]');
    await kb.press('ArrowDown');
    tabs += await tabTo(page, 'input[name="age"]');
    await kb.type('34'); // picks the age group
    tabs += await tabTo(page, 'input[name="genderId"]');
    await kb.press('ArrowDown');
    tabs += await tabTo(page, 'input[name="themes"]');
    await kb.press('Space');
    if (await page.locator('input[name="subthemeIds"]').count()) {
      tabs += await tabTo(page, 'input[name="subthemeIds"]', 3);
      await kb.press('Space');
    }
    tabs += await tabTo(page, 'textarea[name="summary"]');
    await kb.type('Spurte om rettigheter ved sykemelding. Fikk råd.');
    tabs += await tabTo(page, 'input[name="outcomes"]');
    await kb.press('Space');
    const channel = await page.evaluate(() => {
      const el = document.querySelector<HTMLInputElement>('input[name="channel"]:checked');
      return el?.labels?.[0]?.textContent?.trim() ?? '';
    });
    await kb.press('Control+Enter');
    const status = page.getByRole('status').filter({ hasText: 'er lagret' });
    await status.waitFor();
    const ms = Math.round(performance.now() - start);
    console.log(`keyboard registration (${channel}): ${ms} ms, ${tabs} Tab presses, saved: "${(await status.innerText()).trim()}"`);
    expect(await status.innerText()).toContain(channel);

    const after = await dashboardFigures(page);
    console.log(`first contacts this year: ${before.total} -> ${after.total}; ${channel}: ${before.channels.get(channel) ?? 'no row'} -> ${after.channels.get(channel) ?? 'no row'}`);
    expect(after.total).toBe(before.total + 1);
    const [was, now] = [before.channels.get(channel), after.channels.get(channel)];
    expect(now, `channel row "${channel}" in ${[...after.channels.keys()].join(', ')}`).toBeDefined();
    // Shown both times: one more. Otherwise the published view hides it, and shows «:» for it.
    if (typeof was === 'number' && typeof now === 'number') expect(now).toBe(was + 1);
    else expect([was, now]).toContain(':');
  });
});
