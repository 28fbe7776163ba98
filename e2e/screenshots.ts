// README screenshots from the real app with the synthetic demo year: `npx tsx e2e/screenshots.ts`.
// Needs a built web app (`npx vite build`). Not part of the test run: the pictures are for people.
import fs from 'node:fs';
import path from 'node:path';
import { login, openBrowser, settled } from './support/browser.js';
import { ROOT, createUser, freshDataDir, startServer } from './support/server.js';

const OUT = path.join(ROOT, 'docs/screenshots');
const ADMIN = 'admin@demo.example.org';
const COUNSELLOR = 'counsellor@demo.example.org';
const HELPLINES = ['rode-kors-telefonen', 'kors-pa-halsen'];

const dataDir = freshDataDir('bb-shots-');
try {
  await createUser(dataDir, ADMIN, 'admin', HELPLINES);
  await createUser(dataDir, COUNSELLOR, 'counsellor', ['rode-kors-telefonen']);
  // The demo year loads before the server reports that it runs: allow for the larger helpline.
  const server = await startServer(dataDir, { demo: true, timeoutMs: 600_000 });
  fs.mkdirSync(OUT, { recursive: true });
  try {
    const form = await openBrowser();
    try {
      const { page } = form;
      await login(page, server.url, COUNSELLOR, '/contacts/new');
      await settled(page);
      await page.locator('input[name="themes"]').first().waitFor();
      await page.getByRole('radio', { name: 'Telefon', exact: true }).check();
      await page.getByLabel('Varighet (minutter)').fill('25');
      await page.locator('input[name="whoId"]').nth(1).check();
      await page.getByLabel('Nøyaktig alder').fill('34');
      await page.locator('input[name="genderId"]').nth(1).check();
      await page.locator('input[name="themes"]').first().check();
      await page.getByLabel('Kort oppsummering').fill('Spurte om rettigheter ved sykemelding. Fikk råd om hvor hun kan søke.');
      // The form focuses the channel on open; the top of the form is what a counsellor sees first.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(OUT, 'contact-form.png') });
    } finally {
      await form.close();
    }

    const dash = await openBrowser();
    try {
      const { page } = dash;
      await login(page, server.url, ADMIN, '/dashboard');
      await settled(page);
      await page.locator('.cards').waitFor();
      await page.screenshot({ path: path.join(OUT, 'dashboard.png') });
    } finally {
      await dash.close();
    }
  } finally {
    await server.stop();
  }
  console.log(`Wrote ${path.relative(ROOT, OUT)}/contact-form.png and dashboard.png`);
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
