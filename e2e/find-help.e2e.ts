import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, settled, type Browser } from './support/browser.js';
import { seriousViolations } from './support/axe.js';

const baseUrl = inject('baseUrl');
const SHOTS = process.env.BB_SHOTS_DIR ?? path.join(os.tmpdir(), 'bb-find-help-shots');
// Quick exit goes to VG, as the helpline's own site does (seed 002 l. 209); the test answers for it.
const NEUTRAL = 'https://www.vg.no/';

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** A search typed and sent with the keyboard, as a person on a phone's keyboard would. */
async function searchFor(page: Page, words: string) {
  await page.getByLabel('Hva trenger du hjelp til?').fill(words);
  await page.getByLabel('Hva trenger du hjelp til?').press('Enter');
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}

describe('the public "find help" page', () => {
  let b: Browser;
  const requests: string[] = [];
  const violations: string[] = [];

  beforeAll(async () => {
    b = await openBrowser();
    b.page.on('request', (r) => requests.push(r.url()));
    b.page.on('console', (m) => {
      if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
    });
    await b.context.route(`${NEUTRAL}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>VG</title><h1>Nyheter</h1>' }));
  });
  afterAll(async () => {
    await b?.close();
  });

  it('finds help without signing in, with its own strict policy, no cookies, nothing stored and nothing from elsewhere', async () => {
    const { page, context } = b;
    const answer = await page.goto(`${baseUrl}/hjelp`);
    const headers = answer!.headers();
    expect(headers['content-security-policy']).toContain("default-src 'none'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['cache-control']).toBe('no-store');
    await settled(page);
    await page.getByRole('heading', { level: 1, name: 'Finn hjelp' }).waitFor();

    // Free legal aid for asylum seekers: NOAS (seed 004 l. 11814), with its number to call.
    await searchFor(page, 'gratis advokat for asylsøker');
    const noas = page.getByRole('article', { name: 'NOAS – rettshjelp for asylsøkere' });
    await noas.waitFor();
    expect(await noas.getByRole('link', { name: 'Ring 22 36 56 60' }).getAttribute('href')).toBe('tel:22365660');

    // ROSA is staffed around the clock (seed 004 l. 11975): open now, whatever the hour.
    await searchFor(page, 'menneskehandel');
    await page.getByRole('article', { name: 'ROSA – bistand til personer utsatt for menneskehandel' }).getByText('Åpent nå').waitFor();

    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'find-help-desktop');

    // A slip of the finger is searched for as the word it nearly is, and the page says so.
    await searchFor(page, 'gelse');
    await page.getByRole('status').getByText('Søkte også etter «helse» for «gelse».').waitFor();
    await shot(page, 'find-help-corrected');
    // "More" with the keyboard: the focus goes on to the first of the services it brought.
    await searchFor(page, 'hjelp');
    expect(await page.locator('.service-card').count()).toBe(20);
    await page.getByRole('button', { name: 'Vis flere' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('.service-card')].indexOf(document.activeElement!))).toBe(20);

    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
    expect(violations).toEqual([]);
    const origin = new URL(baseUrl).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
  });

  it('works in English and on a small phone screen, filters included', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByLabel('Språk', { exact: true }).first().selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Find help' }).waitFor();
    await page.getByText('Narrow the search').click();
    // The directory names its groups in Norwegian; the English page names them in English.
    const groups = await page.getByLabel('Who the help is for').locator('option').allTextContents();
    expect(groups).toEqual(expect.arrayContaining(['Prison inmates', 'Asylum seekers and irregular migrants', 'Children and young people']));
    expect(groups).not.toContain('Innsatte i fengsler');
    await page.getByLabel('Place').selectOption('Bergen');
    await page.getByLabel('What do you need help with?').fill('doctor without papers');
    await page.getByLabel('What do you need help with?').press('Enter');
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    // The health centre in Bergen, not Oslo's (seed 004 l. 11945).
    await page.getByRole('article', { name: 'Helsesenteret for papirløse migranter, Bergen' }).waitFor();
    expect(await page.getByRole('article', { name: 'Helsesenteret for papirløse migranter, Oslo' }).count()).toBe(0);
    await shot(page, 'find-help-phone');
    // Going back up the results with Shift+Tab, each link comes into view below the quick-exit
    // band across the top, never under it.
    await page.getByLabel('What do you need help with?').fill('hjelp');
    await page.getByLabel('What do you need help with?').press('Enter');
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    const bandBottom = (await page.locator('.quick-exit').boundingBox())!.height;
    await page.locator('.service-card a').last().focus();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Shift+Tab');
      const focused = await page.evaluate(() => {
        const e = document.activeElement!;
        return { top: e.getBoundingClientRect().top, inBand: !!e.closest('.quick-exit'), inHeader: !!e.closest('.find-help__header') };
      });
      if (focused.inBand || focused.inHeader) break;
      expect(focused.top).toBeGreaterThanOrEqual(bandBottom);
    }
    await shot(page, 'find-help-phone-scrolled');
    // Nothing wider than the screen.
    const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 361).slice(0, 5).map((e) => `${e.tagName}.${e.className}`));
    expect(wide).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    // The first Tab on a freshly opened page shows the skip link above the band, not under it.
    await page.reload();
    await settled(page);
    await page.keyboard.press('Tab');
    const skipLinkOnTop = await page.evaluate(() => {
      const link = document.activeElement as HTMLElement;
      const r = link.getBoundingClientRect();
      return link.tagName === 'A' && link.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
    });
    expect(skipLinkOnTop).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('quick exit with Escape twice leaves for a neutral site, and Back does not return to the page', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/healthz`);
    await page.goto(`${baseUrl}/hjelp`);
    await settled(page);
    await searchFor(page, 'menneskehandel');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL(NEUTRAL);
    await page.goBack();
    expect(page.url()).toBe(`${baseUrl}/healthz`);
  });

  it('the quick-exit button does the same', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/healthz`);
    await page.goto(`${baseUrl}/hjelp`);
    await settled(page);
    // The skip link first (a probe found that #main in the address left a way back), then the button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(page.url()).toBe(`${baseUrl}/hjelp`);
    await page.getByRole('button', { name: 'Forlat siden raskt' }).click();
    await page.waitForURL(NEUTRAL);
    await page.goBack();
    expect(page.url()).toBe(`${baseUrl}/healthz`);
    expect(violations).toEqual([]);
  });
});
