import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../db/connection.js';
import { PASSWORD, RK } from '../test/app.js';
import { signInOverHttp } from '../test/second-factor.js';
import { brobygger, startServerProcess, type ServerProcess } from '../test/processes.js';
import { PROCESS_TEST_MS } from '../test/wait.js';

/**
 * A contact the server acknowledged survives `kill -9` of the server: PGlite writes through to
 * its files before the HTTP answer goes out. (On PostgreSQL this is the server's own guarantee.)
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-durability-'));
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!!process.env.TEST_DATABASE_URL)('durability on the embedded database', () => {
  // Two process starts on a shared, busy machine (it once timed out at 60 s): PROCESS_TEST_MS.
  it('an acknowledged contact is there after the server is killed', { timeout: PROCESS_TEST_MS }, async () => {
    const created = await brobygger(dataDir, ['user', 'create', '--email', 'k@example.org', '--role', 'counsellor', '--helpline', RK], PASSWORD);
    expect(created.code, created.out).toBe(0);
    server = await startServerProcess(dataDir);
    const base = server.url;
    const { cookie } = await signInOverHttp(base, 'k@example.org', PASSWORD);
    const res = await fetch(`${base}/api/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ helplineId: RK, channel: 'telephone', kind: 'first_contact', startedAt: new Date().toISOString(), summary: 'durability' }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    await server.kill();

    const { db } = await openDb({ dataDir });
    const row = await db.selectFrom('contacts').select(['id', 'summary']).where('id', '=', id).executeTakeFirst();
    const audit = await db.selectFrom('audit_log').select('action').where('entity_id', '=', id).execute();
    await db.destroy();
    expect(row?.summary).toBe('durability');
    expect(audit.map((a) => a.action)).toContain('contact.create');
  });
});
