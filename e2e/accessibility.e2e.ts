import { afterAll, describe, expect, inject, it } from 'vitest';
import { login, openBrowser, settled, type Browser } from './support/browser.js';
import { seriousViolations } from './support/axe.js';

const baseUrl = inject('baseUrl');
const users = inject('users');

/** Each page as the role that uses it; checked once loaded, with axe's WCAG 2.1 A/AA rules. */
const PAGES: { path: string; as: keyof typeof users | null }[] = [
  { path: '/login', as: null },
  { path: '/contacts/new', as: 'counsellor' },
  { path: '/contacts', as: 'counsellor' },
  { path: '/cases', as: 'counsellor' },
  { path: '/cases/new', as: 'counsellor' },
  { path: '/dashboard', as: 'counsellor' },
  // The printable reports: pages people print and hand out.
  { path: '/api/stats/report.html?helplineId=rode-kors-telefonen&year=2022', as: 'counsellor' },
  { path: '/api/stats/cases/report.html?helplineId=rode-kors-telefonen&year=2026', as: 'counsellor' },
  { path: '/helplines', as: 'counsellor' },
  { path: '/imports', as: 'admin' },
  { path: '/users', as: 'admin' },
];

describe('no serious or critical accessibility violations', () => {
  const browsers = new Map<string, Browser>();

  /** One signed-in browser per role, reused across its pages. */
  async function browserAs(role: keyof typeof users | null): Promise<Browser> {
    const key = role ?? 'anonymous';
    let b = browsers.get(key);
    if (!b) {
      b = await openBrowser();
      if (role) await login(b.page, baseUrl, users[role]);
      browsers.set(key, b);
    }
    return b;
  }

  afterAll(async () => {
    for (const b of browsers.values()) await b.close();
  });

  for (const { path, as } of PAGES) {
    it(`${path}${as ? ` (${as})` : ''}`, async () => {
      const { page } = await browserAs(as);
      await page.goto(`${baseUrl}${path}`);
      await settled(page);
      expect(new URL(page.url()).pathname, 'the page redirected elsewhere').toBe(path.split('?')[0]);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
