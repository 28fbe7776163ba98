import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, openBrowser, settled, type Browser } from './support/browser.js';
import { seriousViolations } from './support/axe.js';

const baseUrl = inject('baseUrl');
const { counsellor, coordinator } = inject('users');
const SHOTS = process.env.BB_SHOTS_DIR ?? path.join(os.tmpdir(), 'bb-contact-list-shots');

/** Registers a contact through the API from the signed-in page, as the web app does. */
async function register(page: Page, payload: Record<string, unknown>): Promise<string> {
  return page.evaluate(async (body) => {
    const res = await fetch('/api/contacts', { method: 'POST', headers: { 'content-type': 'application/json', 'x-brobygger-client': 'web' }, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  }, payload);
}

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

const rows = (page: Page) => page.locator('table tbody tr');

describe('a coordinator finds, opens and corrects a colleague\'s contact', () => {
  let c: Browser;
  let k: Browser;
  // A day of its own, far from the demo year, so the filters show exactly these contacts.
  const day = '2019-10-08';
  let violenceId = '';

  beforeAll(async () => {
    c = await openBrowser();
    await login(c.page, baseUrl, counsellor);
    violenceId = await register(c.page, { helplineId: 'rode-kors-telefonen', channel: 'chat', kind: 'first_contact', startedAt: `${day}T10:00:00+02:00`, summary: 'Hun forteller om volden fra broren.' });
    await register(c.page, { helplineId: 'rode-kors-telefonen', channel: 'telephone', kind: 'first_contact', startedAt: `${day}T11:00:00+02:00`, summary: 'Spør om rettigheter ved skilsmisse.' });
    k = await openBrowser();
    await login(k.page, baseUrl, coordinator);
  });
  afterAll(async () => {
    await c?.close();
    await k?.close();
  });

  it('sees everyone\'s contacts and finds one by a word in its summary', async () => {
    const { page } = k;
    await page.goto(`${baseUrl}/contacts`);
    await settled(page);
    await page.getByRole('heading', { level: 1, name: 'Henvendelser' }).waitFor();
    await page.getByLabel('Fra dato').fill(day);
    await page.getByLabel('Til dato').fill(day);
    await page.getByLabel('Fra dato').press('Enter');
    await page.waitForURL(/from=2019-10-08/);
    // The list re-renders after the address changes: wait for what the user reads (and, should it
    // never come, see the page's text, an error included, in the failure).
    await expect.poll(() => page.locator('main').innerText()).toContain('Viser 2 henvendelser.');
    expect(await rows(page).count()).toBe(2);
    // The coordinator sees who registered each one.
    expect(await rows(page).first().innerText()).toContain('counsellor');

    await page.getByLabel('Søk i oppsummeringer').fill('vold');
    await page.getByLabel('Søk i oppsummeringer').press('Enter');
    await page.waitForURL(/q=vold/);
    await expect.poll(() => page.locator('main').innerText()).toContain('Viser 1 henvendelse.');
    expect(await rows(page).count()).toBe(1);
    expect(await rows(page).first().innerText()).toContain('Chat');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'contact-list');

    // The counsellor filter offers the helpline's users; the channel filter narrows to nothing here.
    await page.getByLabel('Kanal').selectOption({ label: 'Telefon' });
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page.waitForURL(/channel=telephone/);
    await settled(page);
    await page.getByText('Ingen henvendelser passer med filteret.').waitFor();
  });

  it('opens it, corrects the channel, and the history says what changed, by whom, in words', async () => {
    const { page } = k;
    await page.goto(`${baseUrl}/contacts/${violenceId}`);
    await settled(page);
    await page.getByRole('radio', { name: 'Telefon', exact: true }).check();
    await page.getByRole('radio', { name: 'Familie', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Tvangsekteskap', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Planlagt eller truet tvangsekteskap', exact: true }).check();
    await page.getByRole('button', { name: 'Lagre endringer' }).click();
    await page.getByRole('status').filter({ hasText: 'Endringene er lagret.' }).waitFor();
    const history = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Endringshistorikk' }) });
    await history.getByText('Kanal: Chat → Telefon').waitFor();
    const text = await history.innerText();
    // Category ids and codes come out as the helpline's names in the reader's language.
    expect(text).toContain('Hvem tar kontakt: – → Familie');
    expect(text).toContain('Tema: – → Tvangsekteskap (Planlagt eller truet tvangsekteskap)');
    expect(text).toMatch(/Versjon 2, endret \d{2}\.\d{2}\.\d{4},? \d{2}[:.]\d{2} av coordinator/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/); // no raw ids
    expect(text).not.toContain('{');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'contact-history');
  });

  it('a counsellor\'s list shows only their own contacts', async () => {
    const { page } = c;
    await page.goto(`${baseUrl}/contacts?from=${day}&to=${day}`);
    await settled(page);
    await page.getByRole('heading', { level: 1, name: 'Mine siste henvendelser' }).waitFor();
    expect(await rows(page).count()).toBe(2);
    expect(await page.getByLabel('Registrert av').count()).toBe(0);
  });
});
