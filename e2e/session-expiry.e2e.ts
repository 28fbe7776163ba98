import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, openBrowser, tabTo, type Browser } from './support/browser.js';
import { seriousViolations } from './support/axe.js';
import { createUser, enrolSecondFactor, freshDataDir, PASSWORD, startServer, type RunningServer } from './support/server.js';
import { nextCode } from './support/two-factor.js';
import { PATIENCE_MS, PROCESS_TEST_MS } from '../src/test/wait.js';

/**
 * A server of its own with a one-minute idle timeout, so a session really runs out during the test
 * (the web app warns halfway through a timeout this short; two minutes before with the usual 30).
 */
const COUNSELLOR = 'expiring@e2e.example.org';
const IDLE_MS = 60_000;
/** The warning (halfway) and the end of the idle minute, whenever the last activity was: room on a busy machine. */
const WITHIN_THE_IDLE_MINUTE = { timeout: IDLE_MS + PATIENCE_MS };
/** A sign-in in between, whose code step may wait up to 30 s for a code not used yet. */
const WITHIN_A_SIGN_IN = { timeout: PATIENCE_MS + 30_000 };
let server: RunningServer;
let dataDir: string;
let b: Browser;

beforeAll(async () => {
  dataDir = freshDataDir('bb-e2e-session-');
  await createUser(dataDir, COUNSELLOR, 'counsellor');
  server = await startServer(dataDir, { env: { SESSION_IDLE_MINUTES: String(IDLE_MS / 60_000) } });
  // A counsellor signs in with a code from the authenticator app (decision 0014), here too.
  await enrolSecondFactor(server.url, COUNSELLOR);
  b = await openBrowser();
  await login(b.page, server.url, COUNSELLOR, '/contacts/new');
}, PROCESS_TEST_MS);

afterAll(async () => {
  await b?.close();
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Fills the contact form with the keyboard, the summary last; nothing is sent. */
async function fillContact(page: Page, summary: string) {
  await page.getByRole('heading', { level: 1, name: 'Registrer henvendelse' }).waitFor();
  await page.locator('input[name="themes"]').first().waitFor();
  await page.locator('input[name="channel"]').first().focus();
  await tabTo(page, 'input[name="whoId"]');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, 'input[name="genderId"]');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, 'input[name="themes"]');
  await page.keyboard.press('Space');
  await tabTo(page, 'textarea[name="summary"]');
  await page.keyboard.type(summary);
}

/** Everything this page keeps in browser storage, as one string (locale choice and the like). */
async function browserStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump = (s: Storage) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`).join('\n');
    const databases = (await indexedDB.databases()).map((d) => d.name).join(',');
    return `${dump(localStorage)}\n${dump(sessionStorage)}\nidb:${databases}`;
  });
}

/**
 * Signs in again in the dialog: the e-mail is given, focus is in the password field; then the
 * second step in the same dialog, focus in the code field.
 */
async function signInAgain(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Logg inn på nytt' });
  await dialog.waitFor(WITHIN_THE_IDLE_MINUTE);
  expect(await dialog.getByLabel('E-post').inputValue()).toBe(COUNSELLOR);
  await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'password');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await dialog.locator('input[name="code"]').waitFor();
  await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'code');
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.type(await nextCode(server.url, COUNSELLOR));
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
}

describe('a session that runs out while a counsellor types', () => {
  it('warns, can be extended, and after it ends the counsellor signs in on the same page and the typed contact is saved', async () => {
    const { page } = b;
    const first = `Ringte om skolen, tekst ${Date.now()}`;
    await fillContact(page, first);

    // The warning, with a way to stay signed in: keyboard focus is on it.
    const warning = page.getByRole('dialog', { name: 'Du blir snart logget ut' });
    await warning.waitFor(WITHIN_THE_IDLE_MINUTE);
    expect(await warning.innerText()).toMatch(/logget ut om 0:\d\d/);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Fortsett å være logget inn');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await warning.waitFor({ state: 'hidden' });

    // Then nothing: the session ends, and the sign-in dialog comes over the form.
    await signInAgainAfterCheckingStorage(page, first);
    expect(await page.locator('textarea[name="summary"]').inputValue()).toBe(first);
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/contacts') && r.request().method() === 'POST');
    await page.locator('textarea[name="summary"]').focus();
    await page.keyboard.press('Control+Enter');
    expect((await saved).status()).toBe(201);
    expect((await (await saved).json()).summary).toBe(first);
    await page.getByRole('status').filter({ hasText: 'er lagret' }).waitFor();
  }, 2 * IDLE_MS + PROCESS_TEST_MS); // two idle minutes (the warning, then the end) and the steps between

  it('a save that meets an ended session waits for the sign-in dialog and is then sent with the typed text', async () => {
    const { page, context } = b;
    const second = `Chattet om bosted, tekst ${Date.now()}`;
    await fillContact(page, second);
    // The session is gone on the server's side (as after a restart or a timeout the page missed).
    await context.clearCookies();
    const responses: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/api/contacts') && r.request().method() === 'POST') responses.push(r.status());
    });
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/contacts') && r.request().method() === 'POST' && r.status() === 201, WITHIN_A_SIGN_IN);
    await page.keyboard.press('Control+Enter');
    await page.getByRole('dialog', { name: 'Logg inn på nytt' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await browserStorage(page)).not.toContain('bosted');
    await signInAgain(page);
    expect((await (await saved).json()).summary).toBe(second);
    expect(responses).toEqual([401, 201]);
    await page.getByRole('status').filter({ hasText: 'er lagret' }).waitFor();
  }, PROCESS_TEST_MS);
});

/** While the dialog is up, the typed text is on the page and nowhere in browser storage. */
async function signInAgainAfterCheckingStorage(page: Page, typed: string) {
  await page.getByRole('dialog', { name: 'Logg inn på nytt' }).waitFor(WITHIN_THE_IDLE_MINUTE);
  expect(await seriousViolations(page)).toEqual([]);
  const storage = await browserStorage(page);
  expect(storage).not.toContain(typed.slice(0, 12));
  await signInAgain(page);
}
