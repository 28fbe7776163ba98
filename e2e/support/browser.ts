// Debian's Chromium driven by playwright-core: no browser download, which this machine cannot do.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PASSWORD } from './server.js';
import { hasSecret, nextCode } from './two-factor.js';
import { PATIENCE_MS } from '../../src/test/wait.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Running as root needs --no-sandbox; the network flags stop Chromium calling Google on a closed network.
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

export interface Browser {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/** A fresh profile each time, so no cookie or stored language leaks from one test into the next. */
export async function openBrowser(opts: { locale?: string } = {}): Promise<Browser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    locale: opts.locale ?? 'nb-NO',
    timezoneId: 'Europe/Oslo',
  });
  // Every wait for the page (Playwright's default is 30 s) has the room of any wait in our tests.
  context.setDefaultTimeout(PATIENCE_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Signs in through the login form, with the keyboard (the field has focus when the page opens).
 * Users with a second factor then type the code their app would show (e2e/support/two-factor.ts).
 */
export async function login(page: Page, baseUrl: string, email: string, next = '/') {
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-post').waitFor();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  if (hasSecret(baseUrl, email)) {
    // The code field has focus when the second step appears.
    await page.locator('input[name="code"]').waitFor();
    await page.keyboard.type(await nextCode(baseUrl, email));
    await page.keyboard.press('Enter');
  }
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/**
 * Presses Tab until the focused element matches the selector: keyboard-only navigation that does
 * not break when a field is added in between. Fails after `max` presses.
 */
export async function tabTo(page: Page, selector: string, max = 40): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
  }
  throw new Error(`Tab never reached ${selector} in ${max} presses`);
}

/** Waits until nothing on the page is loading, so checks see the finished page. */
export async function settled(page: Page) {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}
