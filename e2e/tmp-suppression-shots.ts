import fs from 'node:fs';
import { login, openBrowser, settled } from './support/browser.js';
import { createUser, freshDataDir, startServer } from './support/server.js';

const OUT = '/tmp/suppression-shots';
fs.mkdirSync(OUT, { recursive: true });
const dataDir = freshDataDir('bb-supp-');
await createUser(dataDir, 'coord@demo.example.org', 'coordinator', ['rode-kors-telefonen']);
await createUser(dataDir, 'analyst@demo.example.org', 'analyst', []);
const server = await startServer(dataDir, { demo: true, timeoutMs: 600_000 });
try {
  const b = await openBrowser();
  await b.page.setViewportSize({ width: 1280, height: 2400 });
  await login(b.page, server.url, 'coord@demo.example.org', '/dashboard');
  await settled(b.page);
  await b.page.locator('.cards').waitFor();
  await b.page.screenshot({ path: `${OUT}/coordinator-published.png` });
  await b.page.getByRole('switch').check();
  await settled(b.page);
  await b.page.getByText('INTERN – ikke for publisering').first().waitFor();
  await b.page.screenshot({ path: `${OUT}/coordinator-internal.png` });
  await b.close();
  const a = await openBrowser();
  await a.page.setViewportSize({ width: 900, height: 3000 });
  await login(a.page, server.url, 'analyst@demo.example.org', `/api/stats/report.html?helplineId=rode-kors-telefonen&year=${new Date().getFullYear()}`);
  await a.page.screenshot({ path: `${OUT}/print-published.png` });
  await a.close();
} finally {
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
