import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../db/connection.js';
import { PASSWORD, RK } from '../test/app.js';
import { signInOverHttp } from '../test/second-factor.js';

/**
 * A contact the server acknowledged survives `kill -9` of the server: PGlite writes through to
 * its files before the HTTP answer goes out. (On PostgreSQL this is the server's own guarantee.)
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-durability-'));
let server: ChildProcess | undefined;
afterAll(() => {
  server?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, ms = 120_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

describe.skipIf(!!process.env.TEST_DATABASE_URL)('durability on the embedded database', () => {
  it('an acknowledged contact is there after the server is killed', { timeout: 240_000 }, async () => {
    const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    const created = spawnSync('node', ['bin/brobygger.js', 'user', 'create', '--email', 'k@example.org', '--role', 'counsellor', '--helpline', RK], { env, input: PASSWORD, encoding: 'utf8' });
    expect(created.status, created.stderr).toBe(0);
    const port = await freePort();
    server = spawn('node', ['bin/brobygger.js', 'start'], { env: { ...env, PORT: String(port) }, stdio: 'ignore' });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/healthz`, 180_000);
    const { cookie } = await signInOverHttp(base, 'k@example.org', PASSWORD);
    const res = await fetch(`${base}/api/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ helplineId: RK, channel: 'telephone', kind: 'first_contact', startedAt: new Date().toISOString(), summary: 'durability' }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    server.kill('SIGKILL');
    await new Promise((r) => server!.once('exit', r));

    const { db } = await openDb({ dataDir });
    const row = await db.selectFrom('contacts').select(['id', 'summary']).where('id', '=', id).executeTakeFirst();
    const audit = await db.selectFrom('audit_log').select('action').where('entity_id', '=', id).execute();
    await db.destroy();
    expect(row?.summary).toBe('durability');
    expect(audit.map((a) => a.action)).toContain('contact.create');
    // Two process starts on a shared, busy machine: the timeout is generous (above).
  });
});
