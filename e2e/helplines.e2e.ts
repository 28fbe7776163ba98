import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { login, openBrowser, settled, tabTo, type Browser } from './support/browser.js';
import { seriousViolations } from './support/axe.js';

const baseUrl = inject('baseUrl');
const { counsellor } = inject('users');

const RODE_KORS = 'Røde Kors-telefonen om negativ sosial kontroll og æresrelatert vold';

describe('a counsellor reads how their helpline is set up', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
    await login(b.page, baseUrl, counsellor);
  });
  afterAll(async () => b?.close());

  it('finds channels, opening hours, retention and categories from the navigation', async () => {
    const { page } = b;
    await settled(page);
    await page.getByRole('navigation').getByRole('link', { name: 'Hjelpetelefoner' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hjelpetelefoner' }).waitFor();
    await settled(page);
    expect(new URL(page.url()).pathname).toBe('/helplines');

    // The counsellor works on Røde Kors-telefonen only, and sees no other helpline.
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual([RODE_KORS]);
    const helpline = page.getByRole('region', { name: RODE_KORS });

    const telephone = helpline.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Telefon', exact: true }) });
    const cells = await telephone.getByRole('cell').allInnerTexts();
    expect(cells[0].trim()).toBe('man–fre 09:00–16:00');
    expect(cells[1].trim()).toMatch(/^(Åpen nå|Stengt nå)$/);
    // The chat is open on Mondays and Fridays only; the voicemail answers around the clock.
    expect((await helpline.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Chat', exact: true }) }).getByRole('cell').first().innerText()).trim()).toBe('man, fre 09:00–15:30');
    expect((await helpline.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Telefonsvarer', exact: true }) }).getByRole('cell').first().innerText()).trim()).toBe('Alltid åpen');

    await expect.poll(() => helpline.innerText()).toContain('slettes etter 24 måneder');
    expect(await helpline.innerText()).toContain('Europe/Oslo');

    // The categories open with the keyboard and load on demand.
    await tabTo(page, 'summary');
    await page.keyboard.press('Enter');
    await helpline.getByRole('heading', { level: 3, name: 'Tema og undertema' }).waitFor();
    await settled(page);
    const themes = helpline.getByRole('listitem').filter({ has: page.locator('code', { hasText: /^tvangsekteskap$/ }) });
    expect(await themes.first().innerText()).toContain('Tvangsekteskap');
    expect(await themes.first().getByRole('list').getByRole('listitem').count()).toBeGreaterThan(0);

    expect(await seriousViolations(page)).toEqual([]);
  });
});
