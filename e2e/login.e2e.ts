import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Browser } from './support/browser.js';

describe('login with a wrong password', () => {
  const baseUrl = inject('baseUrl');
  const { counsellor } = inject('users');
  let b: Browser;
  beforeEach(async () => {
    b = await openBrowser();
  });
  afterEach(async () => b.close());

  async function tryWrongPassword() {
    const { page } = b;
    await page.getByLabel(/^(E-post|E-mail)$/).fill(counsellor);
    await page.locator('input[name="password"]').fill('not the password at all');
    await page.locator('input[name="password"]').press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    return (await alert.innerText()).trim();
  }

  it('shows the error in Norwegian (the default language)', async () => {
    await b.page.goto(`${baseUrl}/login`);
    expect(await tryWrongPassword()).toBe('Feil e-post eller passord.');
    expect(new URL(b.page.url()).pathname).toBe('/login');
  });

  it('shows the error in the language chosen on the login page', async () => {
    const { page } = b;
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    expect(await tryWrongPassword()).toBe('Wrong e-mail or password.');
  });
});
