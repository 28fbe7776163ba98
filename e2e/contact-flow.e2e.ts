import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, openBrowser, settled, tabTo, type Browser } from './support/browser.js';

const baseUrl = inject('baseUrl');
const { counsellor, coordinator } = inject('users');

const digits = (s: string) => Number(s.replace(/[^\d]/g, ''));

/**
 * The dashboard's figures for the current year in the internal view of the helpline's coordinator
 * (every number; the published view may hide small ones as «:»): first contacts in total, and
 * the first value of each row of the channel table.
 */
async function dashboardFigures(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Statistikk' }).click();
  await settled(page);
  // The coordinator's page stays open across the registration: load the figures afresh.
  await page.reload();
  await settled(page);
  expect(await page.getByLabel('År', { exact: true }).inputValue()).toBe(String(new Date().getFullYear()));
  const internal = page.getByRole('switch', { name: /Intern visning/ });
  if (!(await internal.isChecked())) {
    await internal.check();
    await settled(page);
  }
  await page.getByText('INTERN – ikke for publisering').first().waitFor();
  const card = page.locator('.cards > *').filter({ has: page.getByRole('heading', { name: 'Førstegangshenvendelser i alt (enkeltpersoner og instanser)', exact: true }) });
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
  // The helpline's coordinator watches the internal figures; a counsellor sees only the published view.
  let c: Browser;
  beforeAll(async () => {
    b = await openBrowser();
    await login(b.page, baseUrl, counsellor);
    c = await openBrowser();
    await login(c.page, baseUrl, coordinator);
  });
  afterAll(async () => {
    await b?.close();
    await c?.close();
  });

  it('registers, then finds it on the dashboard', async () => {
    const { page } = b;
    await page.getByRole('navigation').getByRole('link', { name: 'Statistikk' }).click();
    await settled(page);
    expect(await page.getByRole('switch').count(), 'a counsellor has no internal view').toBe(0);
    const before = await dashboardFigures(c.page);

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

    const after = await dashboardFigures(c.page);
    console.log(`first contacts this year: ${before.total} -> ${after.total}; ${channel}: ${before.channels.get(channel) ?? 'no row'} -> ${after.channels.get(channel) ?? 'no row'}`);
    expect(after.total).toBe(before.total + 1);
    expect(after.channels.get(channel), `channel row "${channel}" in ${[...after.channels.keys()].join(', ')}`).toBe((before.channels.get(channel) ?? 0) + 1);
  });
});
