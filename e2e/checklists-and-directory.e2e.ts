import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, openBrowser, settled, type Browser } from './support/browser.js';
import { seriousViolations } from './support/axe.js';

const baseUrl = inject('baseUrl');
const { counsellor, coordinator } = inject('users');
const SHOTS = process.env.BB_SHOTS_DIR ?? path.join(os.tmpdir(), 'bb-checklist-shots');

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describe('a counsellor ticks indicators of human trafficking on a case and is told what the handbook says to do', () => {
  let c: Browser;
  beforeAll(async () => {
    c = await openBrowser();
    await login(c.page, baseUrl, counsellor);
  });
  afterAll(async () => {
    await c?.close();
  });

  it('from the case to the indicators; a minor brings the child welfare route; saved with the case', async () => {
    const { page } = c;
    const caseId = await page.evaluate(async () => {
      const res = await fetch('/api/cases', { method: 'POST', headers: { 'content-type': 'application/json', 'x-brobygger-client': 'web' }, body: JSON.stringify({ helplineId: 'rode-kors-telefonen', userGroup: 'helpline', pseudonym: 'Indikatorer' }) });
      return ((await res.json()) as { id: string }).id;
    });
    await page.goto(`${baseUrl}/cases/${caseId}`);
    await settled(page);
    await page.getByRole('link', { name: 'Sjekklister for saken' }).click();
    await page.getByRole('link', { name: 'Indikatorer på menneskehandel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indikatorer på menneskehandel' }).waitFor();

    // The first general indicator of handbook 004 (l. 9343), ticked with the keyboard.
    const indicator = page.getByLabel('Tror at de må arbeide eller utføre en handling for andres fortjeneste mot sin frie vilje');
    await indicator.focus();
    await page.keyboard.press('Space');
    expect(await indicator.isChecked()).toBe(true);
    // ROSA's number is among what the handbook says to do (004 l. 9195).
    await page.getByText('ROSA 22 33 11 60').first().waitFor();

    await page.getByLabel('Personen er (trolig) under 18 år').check();
    await page.getByText('Er personen antatt mindreårig, skal barneverntjenesten alltid varsles.', { exact: false }).waitFor();
    // Whom to contact now depends on the hour (Oslo time); one of the handbook's two routes shows.
    await expect.poll(() => page.getByRole('heading', { name: /^Kontakt nå: (Barneverntjenesten i kommunen|Barnevernvakten)$/ }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'checklist-indicators');

    await page.getByRole('button', { name: 'Lagre på saken' }).click();
    await page.getByRole('status').getByText('Lagret på saken.').waitFor();
    await page.reload();
    await settled(page);
    expect(await page.getByLabel('Tror at de må arbeide eller utføre en handling for andres fortjeneste mot sin frie vilje').isChecked()).toBe(true);
    expect(await page.getByLabel('Personen er (trolig) under 18 år').isChecked()).toBe(true);
  });
});

describe('a coordinator corrects a directory entry and confirms it checked; the public page shows it at once', () => {
  let k: Browser;
  beforeAll(async () => {
    k = await openBrowser();
    await login(k.page, baseUrl, coordinator);
  });
  afterAll(async () => {
    await k?.close();
  });

  it('finds NOAS, changes its description, marks it verified today', async () => {
    const { page } = k;
    await page.getByRole('link', { name: 'Tjenestekatalog' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tjenestekatalog' }).waitFor();
    await page.getByLabel('Søk i katalogen').fill('NOAS');
    await page.getByLabel('Søk i katalogen').press('Enter');
    await page.getByRole('link', { name: 'NOAS – rettshjelp for asylsøkere' }).click();
    await page.getByRole('heading', { level: 1, name: 'NOAS – rettshjelp for asylsøkere' }).waitFor();
    const description = 'NOAS gir gratis rettshjelp til asylsøkere. Åpen rådgivning i Torggata 22 på tirsdager.';
    await page.getByLabel('Beskrivelse').fill(description);
    await page.getByLabel('Jeg har kontrollert opplysningene i dag').check();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByRole('status').getByText('Lagret.').waitFor();
    const today = new Date().toLocaleDateString('nb', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' });
    await page.getByText(`Sist kontrollert: ${today}`).waitFor();
    await shot(page, 'directory-edit');

    const visitor = await openBrowser();
    try {
      await visitor.page.goto(`${baseUrl}/hjelp`);
      await settled(visitor.page);
      await visitor.page.getByLabel('Hva trenger du hjelp til?').fill('rådgivning Torggata');
      await visitor.page.getByLabel('Hva trenger du hjelp til?').press('Enter');
      const card = visitor.page.getByRole('article', { name: 'NOAS – rettshjelp for asylsøkere' });
      await card.getByText(description).waitFor();
      await card.getByText(`Sist kontrollert ${today}`).waitFor();
    } finally {
      await visitor.close();
    }
  });
});
