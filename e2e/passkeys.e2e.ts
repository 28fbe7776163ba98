import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CDPSession } from 'playwright-core';
import { signInOverHttp } from '../src/test/second-factor.js';
import { login, openBrowser, settled, type Browser } from './support/browser.js';
import { seriousViolations } from './support/axe.js';
import { PASSWORD, ROOT, enrolSecondFactor } from './support/server.js';

const baseUrl = inject('baseUrl');
const { admin } = inject('users');
// Passkeys belong to a domain, never to an IP address: the browser uses the server's `localhost`
// alias (an allowed origin of the default PUBLIC_URL, and the relying party the server names).
const siteUrl = baseUrl.replace('127.0.0.1', 'localhost');
const email = 'passkey-user@e2e.example.org';

/** A counsellor of her own: a passkey changes the second step, which the other files' users must keep. */
async function createCounsellor() {
  const { cookie } = await signInOverHttp(baseUrl, admin, PASSWORD);
  const res = await fetch(`${baseUrl}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: baseUrl },
    body: JSON.stringify({ email, displayName: 'Passkey Counsellor', role: 'counsellor', password: PASSWORD, helplineIds: ['rode-kors-telefonen'] }),
  });
  expect(res.status).toBe(201);
  await enrolSecondFactor(baseUrl, email);
}

describe('passkeys in the browser', () => {
  let b: Browser;
  let cdp: CDPSession;
  let authenticatorId: string;
  beforeAll(async () => {
    await createCounsellor();
    b = await openBrowser();
    // Chromium's virtual authenticator: a platform passkey with a verified user (fingerprint, PIN).
    cdp = await b.page.context().newCDPSession(b.page);
    await cdp.send('WebAuthn.enable');
    ({ authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    }));
  });
  afterAll(async () => b?.close());

  it('a counsellor adds a passkey on the two-factor page, then signs in with it instead of a code', async () => {
    const { page } = b;
    await login(page, siteUrl, email, '/account/second-factor');
    await page.getByRole('heading', { level: 1, name: 'Tofaktorinnlogging' }).waitFor();
    await settled(page);
    await page.getByRole('heading', { level: 2, name: 'Passnøkler' }).waitFor();
    expect(await page.locator('#main').innerText()).toContain('Du har ingen passnøkler ennå.');

    await page.getByLabel('Navn på passnøkkelen').fill('Jobb-PC');
    await page.getByRole('button', { name: 'Legg til passnøkkel' }).click();
    await page.getByRole('status').filter({ hasText: 'Passnøkkelen «Jobb-PC» er lagt til.' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Jobb-PC' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Ikke brukt ennå');
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0].rpId).toBe('localhost');
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ROOT, '.tmp/passkeys.png'), fullPage: true });

    // Signing in again: after the password, the passkey button has focus; Enter uses it.
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    await page.getByLabel('E-post').fill(email);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('input[name="password"]').press('Enter');
    await page.getByRole('button', { name: 'Bruk passnøkkel' }).waitFor();
    expect(await page.locator('#main').innerText()).toContain('Bekreft med passnøkkelen din, eller skriv en kode fra autentiseringsappen.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Bruk passnøkkel');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ROOT, '.tmp/passkey-sign-in.png'), fullPage: true });
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    expect((await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials[0].signCount).toBeGreaterThan(0);

    // The list shows it used; removing it asks for the password.
    await page.goto(`${siteUrl}/account/second-factor`);
    await settled(page);
    await row.waitFor();
    expect(await row.innerText()).not.toContain('Ikke brukt ennå');
    await row.getByRole('button', { name: 'Fjern Jobb-PC' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fjern passnøkkelen «Jobb-PC»' });
    await dialog.waitFor();
    await dialog.getByLabel('Passord').fill('ikke-mitt-passord');
    await dialog.getByRole('button', { name: 'Fjern passnøkkelen' }).click();
    await dialog.getByText('Feltet «Passord» stemmer ikke.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByLabel('Passord').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Fjern passnøkkelen' }).click();
    await page.getByRole('status').filter({ hasText: 'Passnøkkelen «Jobb-PC» er fjernet.' }).waitFor();
    expect(await page.locator('#main').innerText()).toContain('Du har ingen passnøkler ennå.');
  });
});
