import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { totpCode } from '../src/modules/auth/totp.js';
import { login, openBrowser, settled, type Browser } from './support/browser.js';
import { seriousViolations } from './support/axe.js';
import { PASSWORD, ROOT } from './support/server.js';
import { rememberSecret } from './support/two-factor.js';

const baseUrl = inject('baseUrl');
const { newcomer, admin } = inject('users');

describe('two-factor sign-in in the browser', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
  });
  afterAll(async () => b?.close());

  it('a counsellor without a second factor is sent to enrol, sees the recovery codes once, then works', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/login?next=${encodeURIComponent('/contacts/new')}`);
    await page.getByLabel('E-post').fill(newcomer);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('input[name="password"]').press('Enter');

    await page.waitForURL((u) => u.pathname === '/second-factor/setup');
    await page.getByRole('heading', { level: 1, name: 'Sett opp tofaktorinnlogging' }).waitFor();
    await page.getByRole('img', { name: 'QR-kode som legger Brobygger til i autentiseringsappen' }).waitFor();
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ROOT, '.tmp/second-factor-setup.png'), fullPage: true });

    // No app can scan in a test: type the key, as a user without a camera would.
    const secret = (await page.locator('.enrolment-key').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel('Kode', { exact: true }).fill('000000' === totpCode(secret) ? '111111' : '000000');
    await page.getByRole('button', { name: 'Slå på tofaktorinnlogging' }).click();
    await expect.poll(() => page.locator('#main').innerText()).toContain('Feltet «Kode» stemmer ikke.');

    const code = totpCode(secret);
    await page.getByLabel('Kode', { exact: true }).fill(code);
    await page.getByRole('button', { name: 'Slå på tofaktorinnlogging' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gjenopprettingskoder' }).waitFor();
    const codes = await page.getByRole('list', { name: 'Dine gjenopprettingskoder' }).getByRole('listitem').allInnerTexts();
    expect(codes).toHaveLength(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ROOT, '.tmp/second-factor-recovery.png'), fullPage: true });
    await page.getByRole('button', { name: 'Jeg har tatt vare på kodene, fortsett' }).click();
    await page.waitForURL((u) => u.pathname === '/contacts/new');
    await page.getByRole('heading', { level: 1, name: 'Registrer henvendelse' }).waitFor();

    // Signing in again asks for a code; the one used to enrol is not taken twice.
    rememberSecret(baseUrl, newcomer, secret, Math.floor(Date.now() / 30_000));
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    await page.getByLabel('E-post').fill(newcomer);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('input[name="password"]').press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Bekreft at det er deg' }).waitFor();
    // The code field takes focus once the step has rendered: waited for, not read at the first paint.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('code');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#main').innerText()).toContain('denne koden er allerede brukt');
    await page.getByLabel('Kode', { exact: true }).fill(codes[0]);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  });

  it('an administrator resets it from the user list, and the counsellor must enrol again', async () => {
    const a = await openBrowser();
    try {
      await login(a.page, baseUrl, admin, '/users');
      await settled(a.page);
      const row = a.page.getByRole('row').filter({ hasText: newcomer });
      await row.getByText('På', { exact: true }).waitFor();
      await row.getByRole('button', { name: /^Tilbakestill tofaktor for / }).click();
      await row.getByRole('button', { name: /^Bekreft tilbakestilling av tofaktor for / }).click();
      await row.getByRole('status').filter({ hasText: 'er tilbakestilt' }).waitFor();
      await row.getByText('Ikke satt opp', { exact: true }).waitFor();
      expect(await seriousViolations(a.page)).toEqual([]);
      // Administrators need no second factor, but may set one up from the header.
      await a.page.getByRole('link', { name: 'Tofaktor', exact: true }).click();
      await a.page.getByRole('heading', { level: 1, name: 'Tofaktorinnlogging' }).waitFor();
      await settled(a.page);
      expect(await a.page.locator('#main').innerText()).toContain('Tofaktorinnlogging er ikke slått på.');
      expect(await seriousViolations(a.page)).toEqual([]);
    } finally {
      await a.close();
    }
    // The counsellor's session ended; the next sign-in goes to enrolment again.
    await b.page.goto(`${baseUrl}/contacts/new`);
    await b.page.waitForURL((u) => u.pathname === '/login');
    await b.page.getByLabel('E-post').fill(newcomer);
    await b.page.locator('input[name="password"]').fill(PASSWORD);
    await b.page.locator('input[name="password"]').press('Enter');
    await b.page.waitForURL((u) => u.pathname === '/second-factor/setup');
  });
});
