import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, openBrowser, settled, tabTo, type Browser } from './support/browser.js';
import { seriousViolations } from './support/axe.js';

const baseUrl = inject('baseUrl');
const { counsellor } = inject('users');
const SHOTS = process.env.BB_SHOTS_DIR ?? path.join(os.tmpdir(), 'bb-rights-shots');

// The labels as data/rights/statuses.yaml and domains.yaml give them in Norwegian.
const FINAL_REFUSAL = 'Endelig avslag eller uten lovlig opphold';
const SPECIALIST_CARE = 'Spesialisthelsetjeneste';

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** The text of the label of the element with the focus. */
const focusedLabel = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent?.trim() ?? '');

/** The result region once nothing in it is loading. */
async function result(page: Page): Promise<string> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  return page.locator('section[aria-live="polite"]').innerText();
}

describe('a counsellor looks up what a person is entitled to in the rights guide', () => {
  let b: Browser;

  beforeAll(async () => {
    b = await openBrowser();
    await login(b.page, baseUrl, counsellor);
  });
  afterAll(async () => {
    await b?.close();
  });

  it('chooses a status and a domain with the keyboard, sees the adult answer, then the child\'s, with the source; no serious accessibility faults', async () => {
    const { page } = b;
    await settled(page);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Rettighetsveileder' }).click();
    await page.waitForURL((u) => u.pathname === '/rights');
    await page.getByRole('heading', { level: 1, name: 'Rettighetsveileder' }).waitFor();
    await settled(page);
    await page.getByText('Reglene endres', { exact: true }).waitFor();
    expect(await page.title()).toBe('Rettighetsveileder – Brobygger');

    // Keyboard first: the page opens on the status group, on its first choice.
    await expect.poll(() => page.evaluate(() => document.activeElement?.matches('input[type="radio"][name="status"]') ?? false)).toBe(true);
    const region = page.locator('section[aria-live="polite"]');
    expect(await region.innerText()).toContain('Velg oppholdsstatus for å se svaret.');
    // The arrow keys move through the group and choose as they go.
    for (let i = 0; i < 20 && (await focusedLabel(page)) !== FINAL_REFUSAL; i++) await page.keyboard.press('ArrowDown');
    expect(await focusedLabel(page)).toBe(FINAL_REFUSAL);
    await expect.poll(() => page.getByLabel(FINAL_REFUSAL).isChecked()).toBe(true);
    await expect.poll(() => region.innerText()).toContain('Velg et område, eller «Alle områder».');

    // Tab on past "under 18" to the domain, and type its first letters.
    await tabTo(page, 'select[name="domain"]');
    await page.keyboard.type('Spesialist');
    await expect.poll(() => page.getByLabel('Steg 2: Hvilket område gjelder det?').inputValue()).toBe('specialist_care');

    await expect.poll(() => region.locator('[data-answer]').innerText()).toBe('Begrenset rett');
    let text = await result(page);
    expect(text).toContain(SPECIALIST_CARE);
    expect(text).toContain('voksne får bare behandling som er øyeblikkelig hjelp');
    expect(text).toContain('Rettsgrunnlag');
    expect(text).toContain('FOR-2011-12-16-1255');
    expect(text).toContain('Kilde: håndboken «Sosialt arbeid med sårbare migranter», Kap. 12 Irregulære migranter');
    expect(text).toMatch(/linje 6474/);
    expect(text).toContain('Sist kontrollert 3. desember 2026');
    expect(text).not.toContain('Regelen for barn gjelder her');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'rights-adult');

    // Back one step to "under 18", tick it with the space bar: the child's rule answers.
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.matches('input[type="checkbox"][name="child"]') ?? false)).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByLabel('Personen er under 18 år').isChecked()).toBe(true);
    await expect.poll(() => region.locator('[data-answer]').innerText()).toBe('Har rett');
    text = await result(page);
    expect(text).toContain('Regelen for barn gjelder her');
    expect(text).toContain('Barn under 18 år har rett til helsetjenester');
    expect(text).toMatch(/linje 6041/);
    // The choices are kept in the address: a reload shows the same answer.
    await expect.poll(() => new URL(page.url()).searchParams.toString()).toBe('status=final_refusal_irregular&domain=specialist_care&child=1');
    await page.reload();
    await settled(page);
    await expect.poll(() => region.locator('[data-answer]').innerText()).toBe('Har rett');
    expect(await page.getByLabel(FINAL_REFUSAL).isChecked()).toBe(true);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('final_refusal_irregular');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'rights-child');

    // Every domain at once, as a list.
    await page.getByLabel('Steg 2: Hvilket område gjelder det?').selectOption({ label: 'Alle områder' });
    await expect.poll(() => region.locator('[data-answer]').count()).toBeGreaterThan(10);
    expect(await seriousViolations(page)).toEqual([]);

    // On a phone, and as printed: the answer alone, with what was chosen.
    await page.getByLabel('Steg 2: Hvilket område gjelder det?').selectOption({ label: SPECIALIST_CARE });
    await expect.poll(() => region.locator('[data-answer]').innerText()).toBe('Har rett');
    await page.setViewportSize({ width: 360, height: 800 });
    // Nothing of the page runs wider than the phone (the app's header is not this page's).
    expect(await page.evaluate(() => [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth).map((e) => e.outerHTML.slice(0, 80)))).toEqual([]);
    await shot(page, 'rights-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('radio', { name: FINAL_REFUSAL }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Hovedmeny' }).isVisible()).toBe(false);
    expect(await region.innerText()).toMatch(new RegExp(`Oppholdsstatus\\s+${FINAL_REFUSAL}`));
    await shot(page, 'rights-print');
    await page.emulateMedia({ media: 'screen' });
  });
});
