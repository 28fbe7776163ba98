import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/connection.js';
import { PASSWORD, RK } from '../../test/app.js';
import { recoverImports } from './batch-steps.js';
import { csvOf, rkRow } from './test-files.js';
import { brobygger, startServerProcess, type ServerProcess } from '../../test/processes.js';
import { PROCESS_TEST_MS, waitFor } from '../../test/wait.js';

// Point 4 of issue 6: an import stays all or nothing even when the server is killed halfway.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-import-kill-'));
let server: ServerProcess | undefined;
const ROWS = 200_000;
afterAll(async () => {
  await server?.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!!process.env.TEST_DATABASE_URL)('an import cut short by kill -9', () => {
  it('leaves nothing visible, and nothing at all once the server starts again', async () => {
    const created = await brobygger(dataDir, ['user', 'create', '--email', 'a@example.org', '--role', 'admin'], PASSWORD);
    expect(created.code, created.out).toBe(0);
    server = await startServerProcess(dataDir);
    const base = server.url;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a@example.org', password: PASSWORD }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];

    const jobId = randomUUID();
    // Large enough that it cannot finish between the poll that sees its first step and the kill,
    // however slowly a busy machine answers the poll.
    const file = csvOf(Array.from({ length: ROWS }, (_, i) => rkRow({ date_time: `2015-0${1 + (i % 9)}-2${i % 8} 10:00` })));
    const importing = fetch(`${base}/api/imports?helplineId=${RK}&format=csv&jobId=${jobId}`, { method: 'POST', headers: { cookie, 'content-type': 'text/csv' }, body: new Uint8Array(file) }).catch(() => undefined);
    const loaded = await waitFor(async () => {
      // Before the import has begun, its job is not there yet (404, no `loaded`).
      const job = (await (await fetch(`${base}/api/imports/jobs/${jobId}`, { headers: { cookie } })).json()) as { loaded?: number };
      return (job.loaded ?? 0) > 0 ? job.loaded : undefined;
    }, { what: 'the import to have loaded its first step' });
    expect(loaded).toBeLessThan(ROWS);
    await server.kill();
    await importing;

    const { db } = await openDb({ dataDir });
    try {
      const count = async (table: 'contacts' | 'import_batches') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      // Half an import is on disk, but in a batch no reader sees.
      expect(await count('contacts')).toBeGreaterThanOrEqual(loaded);
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
  }, PROCESS_TEST_MS);
});
