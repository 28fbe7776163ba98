import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { login, openBrowser, settled, type Browser } from './support/browser.js';
import { seriousViolations } from './support/axe.js';

const baseUrl = inject('baseUrl');
const { admin } = inject('users');

/**
 * An administrator creates a user, changes their role, gives them a one-time password link
 * which the user opens in their own browser, then deactivates and reactivates them.
 */
describe('an administrator manages a user on the users page', () => {
  let a: Browser;
  let u: Browser;
  const email = `kari-${Date.now()}@e2e.example.org`;
  const name = 'Kari Nordmann';
  // Strong, and free of the user's own name and e-mail (decision 0018 refuses those).
  const newPassword = 'Havbris-lanterne-fiolin-88';

  beforeAll(async () => {
    a = await openBrowser();
    u = await openBrowser();
    await login(a.page, baseUrl, admin, '/users');
    await settled(a.page);
  });
  afterAll(async () => {
    await a?.close();
    await u?.close();
  });

  const row = () => a.page.getByRole('row').filter({ hasText: email });

  it('creates the user; the list shows role, status and that they never signed in', async () => {
    const { page } = a;
    await page.getByLabel('E-post', { exact: true }).fill(email);
    await page.getByLabel('Navn', { exact: true }).fill(name);
    await page.getByLabel('Passord', { exact: true }).fill('an initial passphrase');
    await page.getByRole('checkbox', { name: /Røde Kors-telefonen/ }).last().check();
    await page.getByRole('button', { name: 'Opprett bruker' }).click();
    await row().waitFor();
    const cells = await row().getByRole('cell').allInnerTexts();
    expect(cells.slice(0, 6).map((c) => c.trim())).toEqual([name, email, 'Rådgiver', expect.stringContaining('Røde Kors-telefonen'), 'Aktiv', 'Aldri']);
    expect(await seriousViolations(page)).toEqual([]);
  });

  // To a role that reads no contacts, so that the user signs in with the password alone below
  // (counsellors, caseworkers and coordinators set up a second factor first: e2e/two-factor.e2e.ts).
  it('changes the role in a dialog', async () => {
    const { page } = a;
    await row().getByRole('button', { name: `Endre ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Endre ${name}` });
    await dialog.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByLabel('Rolle').selectOption('volunteer');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row().getByRole('cell', { name: 'Frivillig' }).waitFor();
  });

  it('gives a one-time password link; the user sets a new password with it and signs in', async () => {
    const { page } = a;
    await row().getByRole('button', { name: `Lenke for nytt passord ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Lenke for nytt passord til ${name}` });
    const field = dialog.getByLabel('Engangslenke');
    await field.waitFor();
    const url = await field.inputValue();
    expect(url).toMatch(/\/reset-password#token=/);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Lukk' }).last().click();

    await u.page.goto(url.replace(/^https?:\/\/[^/]+/, baseUrl));
    await u.page.getByRole('heading', { level: 1, name: 'Velg nytt passord' }).waitFor();
    expect(u.page.url()).not.toContain('token'); // out of the address bar once read
    expect(await seriousViolations(u.page)).toEqual([]);
    await u.page.getByLabel('Nytt passord').fill(newPassword);
    await u.page.getByLabel('Gjenta passordet').fill(newPassword);
    await u.page.getByRole('button', { name: 'Lagre passordet' }).click();
    await u.page.getByRole('status').filter({ hasText: 'Passordet er endret' }).waitFor();

    // The same link a second time (a new page load, not only a new fragment): refused.
    await u.page.goto('about:blank');
    await u.page.goto(url.replace(/^https?:\/\/[^/]+/, baseUrl));
    await u.page.getByLabel('Nytt passord').fill('another passphrase here');
    await u.page.getByLabel('Gjenta passordet').fill('another passphrase here');
    await u.page.getByRole('button', { name: 'Lagre passordet' }).click();
    await u.page.getByRole('alert').filter({ hasText: 'ugyldig, brukt eller utløpt' }).waitFor();

    await u.page.goto(`${baseUrl}/login`);
    await u.page.getByLabel('E-post').fill(email);
    await u.page.getByLabel('Passord').fill(newPassword);
    await u.page.keyboard.press('Enter');
    await u.page.waitForURL((x) => !x.pathname.startsWith('/login'));
  });

  it('deactivation signs the user out at once; reactivation lets them in again', async () => {
    const { page } = a;
    await page.reload();
    await settled(page);
    expect(await row().getByRole('cell').nth(5).innerText()).not.toBe('Aldri');
    await row().getByRole('button', { name: `Deaktiver ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Deaktivere ${name}?` });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Deaktiver' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row().getByRole('cell', { name: 'Deaktivert' }).waitFor();

    await u.page.reload();
    await u.page.waitForURL((x) => x.pathname.startsWith('/login'));

    await row().getByRole('button', { name: `Aktiver igjen ${name}` }).click();
    await row().getByRole('cell', { name: 'Aktiv', exact: true }).waitFor();
    await u.page.getByLabel('E-post').fill(email);
    await u.page.getByLabel('Passord').fill(newPassword);
    await u.page.keyboard.press('Enter');
    await u.page.waitForURL((x) => !x.pathname.startsWith('/login'));
  });
});
