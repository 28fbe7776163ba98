import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/connection.js';
import { PASSWORD, RK } from '../../test/app.js';
import { recoverImports } from './batch-steps.js';
import { csvOf, rkRow } from './test-files.js';
import { freePort } from '../../test/processes.js';

// Point 4 of issue 6: an import stays all or nothing even when the server is killed halfway.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-import-kill-'));
let server: ChildProcess | undefined;
afterAll(() => {
  server?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not happen`);
}

describe.skipIf(!!process.env.TEST_DATABASE_URL)('an import cut short by kill -9', () => {
  it('leaves nothing visible, and nothing at all once the server starts again', async () => {
    const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    const created = spawnSync('node', ['bin/brobygger.js', 'user', 'create', '--email', 'a@example.org', '--role', 'admin'], { env, input: PASSWORD, encoding: 'utf8' });
    expect(created.status, created.stderr).toBe(0);
    const port = await freePort();
    server = spawn('node', ['bin/brobygger.js', 'start'], { env: { ...env, PORT: String(port) }, stdio: 'ignore' });
    const base = `http://127.0.0.1:${port}`;
    await until('start', async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined));
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a@example.org', password: PASSWORD }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];

    const jobId = randomUUID();
    const file = csvOf(Array.from({ length: 60_000 }, (_, i) => rkRow({ date_time: `2015-0${1 + (i % 9)}-2${i % 8} 10:00` })));
    const importing = fetch(`${base}/api/imports?helplineId=${RK}&format=csv&jobId=${jobId}`, { method: 'POST', headers: { cookie, 'content-type': 'text/csv' }, body: new Uint8Array(file) }).catch(() => undefined);
    const loaded = await until('some rows loaded', async () => {
      const job = (await (await fetch(`${base}/api/imports/jobs/${jobId}`, { headers: { cookie } })).json()) as { loaded?: number };
      return (job.loaded ?? 0) >= 3_000 ? job.loaded : undefined;
    });
    expect(loaded).toBeLessThan(60_000);
    server.kill('SIGKILL');
    await new Promise((r) => server!.once('exit', r));
    await importing;

    const { db } = await openDb({ dataDir });
    try {
      const count = async (table: 'contacts' | 'import_batches') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      // Half an import is on disk, but in a batch no reader sees.
      expect(await count('contacts')).toBeGreaterThanOrEqual(3_000);
      expect(await db.selectFrom('import_batches').select('state').execute()).toEqual([{ state: 'loading' }]);
      const counted = await db.selectFrom('contact_count_deltas').select('n').where('helpline_id', '=', RK).where('year', '=', 2015).execute();
      expect(counted).toEqual([]);
      // What a start does on the embedded database (src/server/start.ts).
      await recoverImports(db, new Date(Date.now() + 1000));
      expect(await count('contacts')).toBe(0);
      expect(await count('import_batches')).toBe(0);
      expect(await db.selectFrom('import_batch_counts').select('n').execute()).toEqual([]);
    } finally {
      await db.destroy();
    }
  }, 300_000);
});
