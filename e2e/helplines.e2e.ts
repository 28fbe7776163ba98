import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { login, openBrowser, settled, tabTo, type Browser } from './support/browser.js';
import { seriousViolations } from './support/axe.js';
import type { Locator, Page } from 'playwright-core';

const baseUrl = inject('baseUrl');
const { counsellor } = inject('users');

const RODE_KORS = 'Røde Kors-telefonen om negativ sosial kontroll og æresrelatert vold';

describe('a counsellor reads how their helpline is set up', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
    await login(b.page, baseUrl, counsellor);
  });
  afterAll(async () => b?.close());

  it('finds channels, opening hours, retention and categories from the navigation', async () => {
    const { page } = b;
    await settled(page);
    // The browser's clock is pinned to Tuesday 24 November 2026, 10:00 in Oslo: the telephone
    // (Monday–Friday 09:00–16:00) is open, the chat (Mondays and Fridays) is not. "Open now" is
    // worked out in the browser from the helpline's hours and zone, so this clock is what counts.
    await page.clock.setFixedTime(new Date('2026-11-24T10:00:00+01:00'));
    await page.getByRole('navigation').getByRole('link', { name: 'Hjelpetelefoner' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hjelpetelefoner' }).waitFor();
    await settled(page);
    expect(new URL(page.url()).pathname).toBe('/helplines');

    // The counsellor works on Røde Kors-telefonen only, and sees no other helpline.
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual([RODE_KORS]);
    const helpline = page.getByRole('region', { name: RODE_KORS });

    // The chat is open on Mondays and Fridays only; the voicemail answers around the clock.
    expect(await channelCells(page, helpline, 'Telefon')).toEqual(['man–fre 09:00–16:00', 'Åpen nå']);
    expect(await channelCells(page, helpline, 'Chat')).toEqual(['man, fre 09:00–15:30', 'Stengt nå']);
    expect(await channelCells(page, helpline, 'Telefonsvarer')).toEqual(['Alltid åpen', 'Åpen nå']);

    await expect.poll(() => helpline.innerText()).toContain('slettes etter 24 måneder');
    expect(await helpline.innerText()).toContain('Europe/Oslo');

    // The categories open with the keyboard and load on demand.
    await tabTo(page, 'summary');
    await page.keyboard.press('Enter');
    await helpline.getByRole('heading', { level: 3, name: 'Tema og undertema' }).waitFor();
    await settled(page);
    const themes = helpline.getByRole('listitem').filter({ has: page.locator('code', { hasText: /^tvangsekteskap$/ }) });
    expect(await themes.first().innerText()).toContain('Tvangsekteskap');
    expect(await themes.first().getByRole('list').getByRole('listitem').count()).toBeGreaterThan(0);

    expect(await seriousViolations(page)).toEqual([]);
  });

  it('at 03:00 on a Sunday night only the voicemail is open', async () => {
    const { page } = b;
    // Sunday 29 November 2026, 03:00 in Oslo (02:00 UTC).
    await page.clock.setFixedTime(new Date('2026-11-29T02:00:00Z'));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Hjelpetelefoner' }).waitFor();
    await settled(page);
    const helpline = page.getByRole('region', { name: RODE_KORS });
    expect(await channelCells(page, helpline, 'Telefon')).toEqual(['man–fre 09:00–16:00', 'Stengt nå']);
    expect(await channelCells(page, helpline, 'Chat')).toEqual(['man, fre 09:00–15:30', 'Stengt nå']);
    expect(await channelCells(page, helpline, 'Telefonsvarer')).toEqual(['Alltid åpen', 'Åpen nå']);
  });
});

/** The opening hours and the open/closed answer in a channel's row, as the reader sees them. */
async function channelCells(page: Page, helpline: Locator, channel: string): Promise<string[]> {
  const row = helpline.getByRole('row').filter({ has: page.getByRole('rowheader', { name: channel, exact: true }) });
  return (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim());
}
