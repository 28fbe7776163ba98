import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { login, openBrowser, settled, type Browser } from './support/browser.js';
import { seriousViolations } from './support/axe.js';

const baseUrl = inject('baseUrl');
const { admin } = inject('users');

// A Kors på halsen contact in the import format (docs/import-format.md).
const FILE = [
  'date_time,channel,kind,who,themes,summary',
  '2019-02-03 18:00,chat,first_contact,child,,Importert i e2e',
  '2019-02-04 18:30,telephone,first_contact,child,,Importert i e2e',
].join('\n');

describe('an administrator imports a file for the chosen helpline', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
    await login(b.page, baseUrl, admin, '/imports');
  });
  afterAll(async () => b?.close());

  it('gets the chosen helpline template, is warned of the same file twice, and undoes an import with the keyboard', async () => {
    const { page } = b;
    await settled(page);
    await page.getByRole('heading', { level: 1, name: 'Importer henvendelser' }).waitFor();
    await page.getByLabel('Hjelpetelefon').selectOption('kors-pa-halsen');

    // The template links follow the helpline chosen above (they served Røde Kors-telefonen's codes).
    const href = await page.getByRole('link', { name: 'Last ned mal (CSV)' }).getAttribute('href');
    expect(href).toContain('helplineId=kors-pa-halsen');
    const template = await page.evaluate(async (url) => (await fetch(url!)).text(), href);
    expect(template).toContain('EKSEMPEL – slett denne raden og skriv inn egne henvendelser');
    expect(template).not.toContain('tvangsekteskap');

    const upload = async () => {
      await page.locator('input[type="file"]').setInputFiles({ name: 'kph-2019.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE) });
      await page.getByRole('button', { name: 'Last opp og importer' }).click();
    };
    await upload();
    await page.getByText('Importerte 2 henvendelser.').waitFor();
    const batches = page.getByRole('region', { name: 'Tidligere importer' });
    await batches.getByRole('cell', { name: 'kph-2019.csv' }).waitFor();

    // The same file again: a warning naming the earlier import, and a way to go on anyway.
    await upload();
    const warning = page.getByRole('alert').filter({ hasText: 'Denne filen ble importert' });
    await warning.waitFor();
    expect(await warning.innerText()).toContain('kph-2019.csv, 2 rader');
    await page.screenshot({ path: '/tmp/imports-duplicate.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await warning.getByRole('button', { name: 'Importer likevel' }).click();
    await page.getByText('Importerte 2 henvendelser.').waitFor();
    await expect.poll(() => batches.getByRole('cell', { name: 'kph-2019.csv' }).count()).toBe(2);

    // Undo the newest, with the keyboard: the button asks once more, then deletes.
    await batches.getByRole('button', { name: 'Angre import' }).first().focus();
    await page.keyboard.press('Enter');
    const confirm = batches.getByRole('button', { name: 'Slett 2 henvendelser importert fra kph-2019.csv' });
    await confirm.waitFor();
    await page.keyboard.press('Enter');
    await batches.getByText(/^Angret av /).waitFor();
    await page.screenshot({ path: '/tmp/imports-batches.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
