// README screenshots from the real app with the synthetic demo year: `npx tsx e2e/screenshots.ts`,
// or only some of them by name: `npx tsx e2e/screenshots.ts helplines`.
// Needs a built web app (`npx vite build`). Not part of the test run: the pictures are for people.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { login, openBrowser, settled } from './support/browser.js';
import { pdfPagePng } from './support/pdf.js';
import { ROOT, createUser, enrolSecondFactor, freshDataDir, startServer } from './support/server.js';

const OUT = path.join(ROOT, 'docs/screenshots');
const ADMIN = 'admin@demo.example.org';
const COUNSELLOR = 'counsellor@demo.example.org';
const HELPLINES = ['rode-kors-telefonen', 'kors-pa-halsen'];

/**
 * Each picture: who signs in, where, at what window width, and what to do before the shot; `take`
 * replaces the plain screenshot (the printed report is pictured page by page from its PDF).
 */
interface Shot {
  as: string;
  path: string;
  width?: number;
  prepare: (page: Page) => Promise<void>;
  take?: (page: Page) => Promise<string[]>;
}

const LAST_YEAR = new Date().getUTCFullYear() - 1;

const SHOTS: Record<string, Shot> = {
  'contact-form': {
    as: COUNSELLOR,
    path: '/contacts/new',
    prepare: async (page) => {
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
    },
  },
  dashboard: {
    as: ADMIN,
    path: '/dashboard',
    prepare: async (page) => {
      await page.locator('.cards').waitFor();
      // The browser draws the charts after the tables are on screen (decision 0026).
      await page.locator('figure.report-chart').first().waitFor();
    },
  },
  // A phone: charts drawn for a narrow column, labels above their bars.
  'dashboard-phone': {
    as: ADMIN,
    path: '/dashboard',
    width: 390,
    prepare: async (page) => {
      await page.locator('.cards').waitFor();
      await page.locator('figure.report-chart').first().waitFor();
      await page.locator('figure.report-chart').first().scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, -80));
    },
  },
  // The users page on a phone: role, helplines, last sign-in, second factor and actions per user.
  'users-phone': {
    as: ADMIN,
    path: '/users',
    width: 390,
    prepare: async (page) => {
      await page.getByRole('table').first().waitFor();
    },
  },
  // The counsellor's contact list on a phone: filters, then the list.
  'contacts-phone': {
    as: COUNSELLOR,
    path: '/contacts',
    width: 390,
    prepare: async (page) => {
      await page.getByRole('heading', { level: 1 }).waitFor();
    },
  },
  // The printable report of last year's demo data, printed to A4 by Chromium: its first pages.
  report: {
    as: ADMIN,
    path: '/dashboard',
    prepare: async () => {},
    take: async (page) => {
      await page.goto(`${new URL(page.url()).origin}/api/stats/report.html?helplineId=kors-pa-halsen&year=${LAST_YEAR}&suppress=true&lang=nb`);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const names: string[] = [];
      for (const n of [1, 2, 3]) {
        const name = `report-page-${n}.png`;
        fs.writeFileSync(path.join(OUT, name), await pdfPagePng(pdf, n));
        names.push(name);
      }
      return names;
    },
  },
  helplines: {
    as: COUNSELLOR,
    path: '/helplines',
    prepare: async (page) => {
      // With the categories open, so the picture shows what the collapsed section holds.
      await page.locator('summary').first().click();
      await page.locator('.category-list').first().waitFor();
      await settled(page);
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
};

const wanted = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(SHOTS);
const unknown = wanted.filter((name) => !(name in SHOTS));
if (unknown.length) throw new Error(`unknown screenshot ${unknown.join(', ')}; choose from ${Object.keys(SHOTS).join(', ')}`);

const dataDir = freshDataDir('bb-shots-');
const written: string[] = [];
try {
  await createUser(dataDir, ADMIN, 'admin', HELPLINES);
  await createUser(dataDir, COUNSELLOR, 'counsellor', ['rode-kors-telefonen']);
  // The demo year loads before the server reports that it runs: allow for the larger helpline.
  const server = await startServer(dataDir, { demo: true, timeoutMs: 600_000 });
  await enrolSecondFactor(server.url, COUNSELLOR);
  fs.mkdirSync(OUT, { recursive: true });
  try {
    for (const name of wanted) {
      const shot = SHOTS[name];
      const b = await openBrowser();
      try {
        if (shot.width) await b.page.setViewportSize({ width: shot.width, height: 844 });
        await login(b.page, server.url, shot.as, shot.path);
        await settled(b.page);
        await shot.prepare(b.page);
        if (shot.take) written.push(...(await shot.take(b.page)));
        else {
          await b.page.screenshot({ path: path.join(OUT, `${name}.png`) });
          written.push(`${name}.png`);
        }
      } finally {
        await b.close();
      }
    }
  } finally {
    await server.stop();
  }
  console.log(`Wrote ${written.map((name) => `${path.relative(ROOT, OUT)}/${name}`).join(', ')}`);
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
