import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, openBrowser, settled, tabTo, type Browser } from './support/browser.js';
import { seriousViolations } from './support/axe.js';

const baseUrl = inject('baseUrl');
const { counsellor, coordinator } = inject('users');
const SHOTS = process.env.BB_SHOTS_DIR ?? path.join(os.tmpdir(), 'bb-checklist-shots');
/** NOAS, free legal aid for asylum seekers (seed 004 l. 11814): no opening hours or places in the seed. */
const NOAS = 'd344cbc0-1f47-5d00-9c00-b730b3a38cf7';

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

  it('adds weekday opening hours and a place with the keyboard; a wrong time is named beside its field', async () => {
    const { page } = k;
    await page.goto(`${baseUrl}/directory/services/${NOAS}`);
    await settled(page);
    const n = (await page.getByRole('button', { name: /^Fjern åpningstid/ }).count()) + 1;
    const row = n - 1;
    const focused = (selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

    // "Add" puts focus on the new row's first day; Space ticks, Tab moves on, Monday to Friday.
    await page.getByRole('button', { name: 'Legg til åpningstid' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(`[name="schedules.${row}.days"][value="MO"]`)).toBe(true);
    for (const day of ['MO', 'TU', 'WE', 'TH', 'FR']) {
      expect(await focused(`[value="${day}"]`)).toBe(true);
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
    }
    await tabTo(page, `[name="schedules.${row}.opens_at"]`);
    // Written as people write it: "9" is 09:00 once the field is left.
    await page.keyboard.type('9');
    await page.keyboard.press('Tab');
    await page.keyboard.type('25:00');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Stengt i romjulen');
    expect(await page.getByLabel(`Åpner (rad ${n})`).inputValue()).toBe('09:00');
    for (const [day, checked] of [['Mandag', true], ['Fredag', true], ['Lørdag', false]] as const) expect(await page.getByLabel(`${day} (rad ${n})`).isChecked()).toBe(checked);

    await tabTo(page, 'button[name="add-place"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused('[name^="service_areas."][name$=".name"]')).toBe(true);
    await page.keyboard.type('Bergen');

    // 25:00 is no time: the server says which field, the page says so beside it and goes there.
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.getByText('Skriv klokkeslettet som TT:MM, fra 00:00 til 23:59.').waitFor();
    await expect.poll(() => focused(`[name="schedules.${row}.closes_at"]`)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('15:00');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Lagret.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'directory-edit-hours-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'directory-edit-hours-390');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Saved as written: after a reload the row and the place are there.
    await page.reload();
    await settled(page);
    expect(await page.getByLabel(`Åpner (rad ${n})`).inputValue()).toBe('09:00');
    expect(await page.getByLabel(`Stenger (rad ${n})`).inputValue()).toBe('15:00');
    expect(await page.getByLabel(`Merknad (rad ${n})`).inputValue()).toBe('Stengt i romjulen');
    expect(await page.getByLabel(`Onsdag (rad ${n})`).isChecked()).toBe(true);
    expect(await page.getByLabel(`Søndag (rad ${n})`).isChecked()).toBe(false);
    expect(await page.locator('[name^="service_areas."]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toContain('Bergen');

    // The public card says the hours in the reader's words, with the note beside them; without
    // the note, the hours alone.
    const visitor = await openBrowser();
    try {
      const hoursOnCard = async () => {
        await visitor.page.goto(`${baseUrl}/hjelp`);
        await settled(visitor.page);
        await visitor.page.getByLabel('Hva trenger du hjelp til?').fill('NOAS');
        await visitor.page.getByLabel('Hva trenger du hjelp til?').press('Enter');
        const card = visitor.page.getByRole('article', { name: 'NOAS – rettshjelp for asylsøkere' });
        await card.waitFor();
        return card.locator('dt:text-is("Åpningstider") ~ dd').first().textContent();
      };
      expect(await hoursOnCard()).toBe('man–fre 09:00–15:00 · Stengt i romjulen');
      await visitor.page.setViewportSize({ width: 390, height: 844 });
      await visitor.page.getByRole('article', { name: 'NOAS – rettshjelp for asylsøkere' }).scrollIntoViewIfNeeded();
      // The screen as a phone shows it (a full-page picture would draw the fixed quick-exit band mid-page).
      fs.mkdirSync(SHOTS, { recursive: true });
      await visitor.page.screenshot({ path: path.join(SHOTS, 'find-help-card-hours-390.png') });
      await page.getByLabel(`Merknad (rad ${n})`).fill('');
      await page.getByRole('button', { name: 'Lagre' }).click();
      await page.getByRole('status').getByText('Lagret.').waitFor();
      expect(await hoursOnCard()).toBe('man–fre 09:00–15:00');
    } finally {
      await visitor.close();
    }
  });
});
