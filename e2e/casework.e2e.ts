import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, openBrowser, settled, type Browser } from './support/browser.js';
import { seriousViolations } from './support/axe.js';

const baseUrl = inject('baseUrl');
const { counsellor, coordinator } = inject('users');
const SHOTS = process.env.BB_SHOTS_DIR ?? path.join(os.tmpdir(), 'bb-casework-shots');

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Registers a contact through the API from the signed-in page, as the web app does. */
async function register(page: Page, payload: Record<string, unknown>): Promise<string> {
  return page.evaluate(async (body) => {
    const res = await fetch('/api/contacts', { method: 'POST', headers: { 'content-type': 'application/json', 'x-brobygger-client': 'web' }, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  }, payload);
}

describe('a counsellor opens a follow-up case from a contact, closes it, and a coordinator sees it in the service\'s caseload', () => {
  let c: Browser;
  let k: Browser;
  // A pseudonym no other test uses, so the lists can be searched for it.
  const pseudonym = `Jente ${Date.now() % 100_000}`;

  beforeAll(async () => {
    c = await openBrowser();
    await login(c.page, baseUrl, counsellor);
    k = await openBrowser();
    await login(k.page, baseUrl, coordinator);
  });
  afterAll(async () => {
    await c?.close();
    await k?.close();
  });

  it('the contact offers the case; the case holds the pseudonym and links the contact; consent lets the person be recorded and its withdrawal removes them; closing needs a reason', async () => {
    const { page } = c;
    const contactId = await register(page, { helplineId: 'rode-kors-telefonen', channel: 'telephone', kind: 'first_contact', startedAt: '2021-06-03T10:00:00+02:00', outcomes: ['follow_up_case'] });
    await page.goto(`${baseUrl}/contacts/${contactId}`);
    await settled(page);
    await page.getByText('Henvendelsen er registrert med utfallet oppfølgingssak.').waitFor();
    await page.getByRole('link', { name: 'Opprett oppfølgingssak fra henvendelsen' }).click();

    await page.getByRole('heading', { level: 1, name: 'Opprett oppfølgingssak' }).waitFor();
    await page.getByText('1 henvendelse knyttes til saken.').waitFor();
    // Keyboard first: the pseudonym has the focus; an empty one is refused with the field named.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('main').innerText()).toContain('Feltet «Kallenavn» er for kort eller for lite.');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Kallenavn').fill(pseudonym);
    await page.getByLabel('Kallenavn').press('Enter');

    await page.getByRole('heading', { level: 1, name: pseudonym }).waitFor();
    const facts = await page.locator('dl').innerText();
    expect(facts).toContain('Fra hjelpelinjen');
    expect(facts).toContain('Åpen');
    await page.getByRole('link', { name: 'Henvendelse 1' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'case-open');

    // Consent: none yet, so no identifying field is offered.
    await page.getByText('Ingen samtykke i kraft', { exact: false }).waitFor();
    expect(await page.getByLabel('Navn', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Registrer samtykke' }).click();
    await page.getByLabel('Signert').check();
    await page.getByLabel('Dato for samtykket').fill('2021-06-10');
    await page.getByLabel('NAV').check();
    await page.getByLabel('Politiet').check();
    await page.getByRole('button', { name: 'Lagre samtykket' }).click();
    await page.getByText('Signert samtykke fra 10. juni 2021. Gjelder: NAV, Politiet.').waitFor();
    await page.getByLabel('Navn', { exact: true }).fill('Amina E2e');
    await page.getByLabel('Fødselsår').fill('2003');
    await page.getByLabel('Trygg kontakt').fill('Bare SMS.');
    await page.getByRole('button', { name: 'Lagre opplysningene' }).click();
    await page.getByText('Opplysningene er lagret.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'case-consent');
    await page.reload();
    await settled(page);
    await expect.poll(() => page.getByLabel('Navn', { exact: true }).inputValue()).toBe('Amina E2e');

    // Sperret adresse: the page says an address is stored, never what it is, until a reason is given.
    await page.getByLabel('Sperret adresse', { exact: true }).selectOption({ label: 'Kode 6 – strengt fortrolig adresse' });
    await page.getByLabel('Adresse', { exact: true }).fill('Fjellveien 12 B\n5003 Bergen');
    await page.getByLabel('Postavtale fra').fill('2021-06-11');
    await page.getByLabel('Postavtalen ble tatt initiativ til av').selectOption({ label: 'botilbudet' });
    await page.getByRole('button', { name: 'Lagre sperret adresse' }).click();
    await page.getByText('Sperret adresse er lagret.').waitFor();
    await page.getByText('adresse lagret kryptert', { exact: false }).waitFor();
    expect(await page.locator('main').innerText()).not.toContain('Fjellveien');
    await page.getByLabel('Hvorfor trenger du adressen nå?').fill('kort');
    await page.getByRole('button', { name: 'Vis adressen' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Feltet «Grunn» er for kort eller for lite.');
    await page.getByLabel('Hvorfor trenger du adressen nå?').fill('Videresende brev fra NAV');
    await page.getByLabel('Hvorfor trenger du adressen nå?').press('Enter');
    await page.getByText('Fjellveien 12 B', { exact: false }).waitFor();
    // Hiding takes the address off the page; the focus was on the button that hides it.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('main').innerText()).not.toContain('Fjellveien');
    // The mail register: an item from NAV, forwarded; the activity log counts it as mail agreement work.
    await page.getByLabel('Avsender').fill('NAV');
    await page.getByLabel('Mottatt', { exact: true }).fill('2021-06-14');
    await page.getByRole('button', { name: 'Registrer post' }).click();
    await page.getByText('Posten er registrert.').waitFor();
    await page.getByRole('button', { name: /Posten mottatt .* er videresendt i dag/ }).click();
    await page.getByText('Posten er registrert som videresendt.').waitFor();
    const mail = page.locator('section', { has: page.getByRole('heading', { name: 'Postregister' }) });
    expect(await mail.locator('tbody tr').first().innerText()).toMatch(/14\.06\.2021\s+NAV\s+Videresendt/);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'case-protection');

    // The activity log: a meeting with external agencies, with the role we had.
    await page.getByLabel('Aktivitet', { exact: true }).selectOption({ label: 'Møte med eksterne instanser' });
    await page.getByLabel('Dato', { exact: true }).fill('2021-06-12');
    await page.getByLabel('Minutter').fill('45');
    await page.getByLabel('Vår rolle i møtet').selectOption({ label: 'Brobygger' });
    await page.getByRole('button', { name: 'Logg aktiviteten' }).click();
    await page.getByText('Aktiviteten er logget.').waitFor();
    const activity = await page.locator('section', { has: page.getByRole('heading', { name: 'Aktiviteter' }) }).locator('table tbody tr', { hasText: 'Møte' }).innerText();
    expect(activity).toContain('Møte med eksterne instanser (Brobygger)');
    expect(activity).toContain('45');

    // A referral the consent covers; one it does not cover is explained before it is sent.
    await page.getByRole('button', { name: 'Ny henvisning' }).click();
    await page.getByLabel('Instans', { exact: true }).selectOption({ label: 'DPS' });
    await page.getByText('Samtykket dekker ikke denne instansen. Bare en koordinator kan henvise likevel').waitFor();
    await page.getByLabel('Instans', { exact: true }).selectOption({ label: 'NAV' });
    // The NAV office is found in the service directory (seed 004 l. 11980) and linked to the referral.
    await page.getByLabel('Finn tjenesten i katalogen').fill('Human Trafficking Support');
    await page.getByLabel('Finn tjenesten i katalogen').press('Enter');
    await page.getByRole('button', { name: 'Velg Human Trafficking Support Oslo (HTSO)' }).click();
    await page.getByText('Henvises til Human Trafficking Support Oslo (HTSO) (99 47 02 79)').waitFor();
    await page.getByLabel('Grunn').fill('Søknad om bolig');
    await page.getByLabel('Dato for henvisningen').fill('2021-06-15');
    await page.getByLabel('Vi følger personen dit').check();
    await page.getByRole('button', { name: 'Lagre henvisningen' }).click();
    await page.getByText('Henvisningen er lagret.').waitFor();
    expect(await page.locator('.referral-list').innerText()).toContain('NAV – Human Trafficking Support Oslo (HTSO) (fra tjenestekatalogen), 15. juni 2021, vi fulgte personen. Søknad om bolig');
    // Tasks: one done at once, one left for the to-do list; the timeline tells the case's story.
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    for (const title of ['Sende kopi av vedtak', 'Ringe NAV-veilederen']) {
      await page.getByLabel('Oppgave', { exact: true }).fill(title);
      await page.getByLabel('Frist', { exact: true }).fill(soon);
      await page.getByRole('button', { name: 'Legg til oppgaven' }).click();
      await page.getByRole('checkbox', { name: new RegExp(title) }).waitFor();
    }
    await page.getByRole('checkbox', { name: /Sende kopi av vedtak/ }).click();
    await page.getByText('Utført av counsellor', { exact: false }).waitFor();
    const timeline = page.locator('section', { has: page.getByRole('heading', { name: 'Tidslinje' }) });
    await timeline.getByText('Henvist til NAV: Søknad om bolig').waitFor();
    await timeline.getByText('Utført: Sende kopi av vedtak').waitFor();
    expect(await timeline.innerText()).toContain('Henvendelse (Telefon)');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'case-referral');
    // The same page on a phone: nothing may need sideways scrolling but the tables' own scroll.
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'case-phone');
    const wide = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > 392 && !e.closest('.table-scroll')).map((e) => `${e.tagName}.${e.className}`).slice(0, 8));
    expect(wide).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The caseload says what is due, and leads back to the case.
    await page.getByRole('link', { name: 'Tilbake til sakene' }).click();
    const due = page.locator('section', { has: page.getByRole('heading', { name: 'Å gjøre de neste 14 dagene' }) });
    await due.getByText('Ringe NAV-veilederen', { exact: false }).waitFor();
    expect(await due.innerText()).not.toContain('Sende kopi av vedtak');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'case-list-due');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'case-list-due-phone');
    const wideList = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > 392 && !e.closest('.table-scroll')).map((e) => `${e.tagName}.${e.className}`).slice(0, 8));
    expect(wideList).toEqual([]);
    // Nothing widens the page itself either (hidden text in a wide table once did).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
    await due.getByRole('link', { name: pseudonym }).first().click();
    await page.getByRole('heading', { level: 1, name: pseudonym }).waitFor();

    // Withdrawn: what identifies the person is gone from the page (and, the API tests show, from the database).
    await page.getByRole('button', { name: 'Trekk tilbake samtykket' }).click();
    await page.getByLabel('Dato for tilbaketrekkingen').fill('2021-09-01');
    await page.getByRole('button', { name: 'Trekk tilbake og slett opplysningene' }).click();
    await page.getByText('Samtykket er trukket tilbake, og opplysningene om personen er slettet.').waitFor();
    await page.getByText('Samtykket ble trukket tilbake 1. september 2021.').waitFor();
    expect(await page.locator('main').innerText()).not.toContain('Amina');
    // The protected address went with it; the mail register stays.
    expect(await page.getByRole('heading', { name: 'Sperret adresse og postavtale' }).count()).toBe(0);
    await page.getByRole('heading', { name: 'Postregister' }).waitFor();
    expect(await page.getByLabel('Navn', { exact: true }).count()).toBe(0);

    await page.getByRole('button', { name: 'Avslutt saken' }).click();
    await page.getByLabel('Grunn til avslutning').selectOption({ label: 'Henvist videre' });
    await page.getByLabel('Resultat').fill('Følges opp av DPS.');
    await page.getByRole('button', { name: 'Avslutt', exact: true }).click();
    await page.getByText('Saken er nå: Avsluttet.').waitFor();
    const closed = await page.locator('dl').innerText();
    expect(closed).toContain('Henvist videre');
    expect(closed).toContain('Følges opp av DPS.');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'case-closed');

    await page.getByRole('link', { name: 'Tilbake til sakene' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine oppfølgingssaker' }).waitFor();
    const row = page.locator('table tbody tr', { hasText: pseudonym });
    await row.waitFor();
    // The list was read before the case closed: it refreshes to say so.
    await expect.poll(() => row.innerText()).toContain('Avsluttet');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the coordinator finds it among the service\'s closed cases, with its owner, and reads its access log', async () => {
    const { page } = k;
    await page.goto(`${baseUrl}/cases`);
    await settled(page);
    await page.getByLabel('Utvalg').selectOption({ label: 'Alle saker på hjelpelinjene mine' });
    await page.getByLabel('Status').selectOption({ label: 'Avsluttet' });
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page.waitForURL(/scope=service/);
    await page.getByRole('heading', { level: 1, name: 'Oppfølgingssaker' }).waitFor();
    const row = page.locator('table tbody tr', { hasText: pseudonym });
    await row.waitFor();
    expect(await row.innerText()).toContain('counsellor');
    // The total the server counted: this is the only case the e2e server has closed.
    await page.getByText('1 sak.', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'case-list-service');

    // The coordinator reads who did what to the case.
    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: pseudonym }).waitFor();
    await page.getByRole('button', { name: 'Vis hvem som har lest og endret saken' }).click();
    const log = page.locator('section', { has: page.getByRole('heading', { name: 'Tilgangslogg' }) });
    await log.getByText('Opprettet saken').waitFor();
    const text = await log.innerText();
    expect(text).toContain('Henviste');
    expect(text).toContain('Registrerte at samtykket ble trukket tilbake');
    expect(text).toContain('Så den sperrede adressen');
    expect(text).toContain('Leste tilgangsloggen');
    expect(await seriousViolations(page)).toEqual([]);

    // An access request: the printable export holds the case, not the protected address.
    const printable = page.getByRole('link', { name: 'Åpne innsyn for utskrift' });
    const exported = await page.request.get(new URL((await printable.getAttribute('href'))!, baseUrl).href);
    expect(exported.status()).toBe(200);
    const exportText = await exported.text();
    expect(exportText).toContain('Innsyn: opplysninger i oppfølgingssak');
    expect(exportText).toContain('Møte med eksterne instanser');
    expect(exportText).not.toContain('Fjellveien');
    // Erasure on request: the closed case is anonymised, and says so.
    await page.getByRole('button', { name: 'Anonymiser saken' }).click();
    await page.getByLabel('Begjæringen (referanse eller dato)').fill('Begjæring 2. desember');
    await page.getByRole('button', { name: 'Anonymiser for godt' }).click();
    await page.getByText('Saken er anonymisert.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Anonymisert sak' }).waitFor();
    expect(await page.locator('main').innerText()).not.toContain(pseudonym);
    expect(await page.getByRole('button', { name: 'Gjenåpne saken' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'case-anonymised');

    // The follow-up report still counts the anonymised case; its printable page is one a user could hand out.
    await page.goto(`${baseUrl}/api/stats/cases/report.html?helplineId=rode-kors-telefonen&year=${new Date().getFullYear()}&suppress=false`);
    await page.getByRole('heading', { level: 2, name: 'Oppfølging per kategori og brukergruppe' }).waitFor();
    expect(await page.locator('body').innerText()).toContain('INTERN');
    await shot(page, 'case-report');

    // The same report on the dashboard: a link beside the contacts' report, its own address.
    await page.goto(`${baseUrl}/dashboard`);
    const reports = page.getByRole('navigation', { name: 'Rapporter' });
    await reports.getByRole('link', { name: 'Oppfølging' }).click();
    await page.waitForURL(/\/dashboard\?report=cases$/);
    // The address changes before React draws the new page: wait for the link to say it is current.
    await expect.poll(() => reports.getByRole('link', { name: 'Oppfølging' }).getAttribute('aria-current')).toBe('page');
    const byMonth = page.getByRole('table', { name: 'Oppfølging per måned og kategori, alle brukergrupper' });
    await byMonth.waitFor();
    expect(await byMonth.getByRole('columnheader', { name: 'Kontakt med NAV' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Last ned CSV: Oppfølging per måned og kategori, alle brukergrupper' }).getAttribute('href')).toContain('/api/stats/cases/table.csv?');
    await page.getByText(/Publiseringsversjon/).waitFor();
    expect(await page.getByRole('link', { name: /Oppfølgingsrapport for utskrift/ }).getAttribute('href')).toContain('/api/stats/cases/report.html?');
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);
    // A coordinator of the helpline may switch to the internal view: the red banner says so.
    await page.getByRole('switch', { name: /Intern visning/ }).check();
    await page.getByText(/INTERN – ikke for publisering/).waitFor();
    await settled(page);
    await shot(page, 'dashboard-cases');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'dashboard-cases-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('with the keyboard only, a counsellor opens a case, adds a task and hands the case to a colleague', async () => {
    const { page } = c;
    const name = `Tastatur ${Date.now() % 100_000}`;
    await page.goto(`${baseUrl}/cases/new`);
    await settled(page);
    // The pseudonym has the focus; Enter opens the case.
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name }).waitFor();
    /** Tabs (forward, or back with Shift) until the focus is on the control named `label`; fails if it never gets there. */
    const tabTo = async (label: RegExp, key = 'Tab') => {
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press(key);
        const focused = await page.evaluate(() => {
          const e = document.activeElement as HTMLInputElement | null;
          return `${e?.getAttribute('aria-label') ?? ''} ${e?.labels?.[0]?.textContent ?? ''} ${e?.textContent ?? ''}`;
        });
        if (label.test(focused)) return;
      }
      throw new Error(`the focus never reached ${label}`);
    };
    await tabTo(/^\s*Oppgave\b/);
    await page.keyboard.type('Avtale møte med NAV');
    await page.keyboard.press('Enter');
    await page.getByText('Oppgaven er lagt til.').waitFor();
    await page.getByRole('checkbox', { name: /Avtale møte med NAV/ }).waitFor();

    // Back up the page to the hand-over, above the tasks.
    await tabTo(/Overfør saken til en kollega/, 'Shift+Tab');
    await page.keyboard.press('Enter');
    // The list of colleagues has the focus: the first one down.
    await expect.poll(() => page.getByLabel('Ny saksansvarlig').locator('option').count()).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Ny saksansvarlig').inputValue()).not.toBe('');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'case-hand-over');
    await tabTo(/^\s*Overfør saken\s*$/);
    await page.keyboard.press('Enter');
    await page.getByText('Saken er overført.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Mine oppfølgingssaker' }).waitFor();
    expect(await page.locator('table tbody tr', { hasText: name }).count()).toBe(0);
  });
});
