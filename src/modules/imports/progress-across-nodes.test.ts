import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../config.js';
import { buildApp } from '../../server/app.js';
import { dbOver, type Db } from '../../db/connection.js';
import { freshDb } from '../../test/db.js';
import { signIn } from '../../test/second-factor.js';
import { createUser } from '../users/service.js';
import { applyRetention } from '../retention/service.js';
import { PASSWORD, RK } from '../../test/app.js';
import { csvOf, rkRow } from './test-files.js';

/**
 * Two nodes on one database behind one address: the upload reaches one node, the import page's
 * polls may reach the other. Both answer with the job's progress, and only to its owner.
 */
const config = loadConfig({ LOG_LEVEL: 'silent' });
const cleanups: (() => Promise<void>)[] = [];
let db: Db;
let a: FastifyInstance;
let b: FastifyInstance;

beforeAll(async () => {
  const fresh = await freshDb();
  cleanups.push(fresh.drop);
  db = fresh.db;
  let second = fresh.db;
  if (fresh.url) {
    // On PostgreSQL each node has its own pool, as two processes would.
    second = dbOver({ engine: 'postgres', pool: new pg.Pool({ connectionString: fresh.url, max: 2 }) });
    cleanups.push(() => second.destroy());
  }
  for (const [handle, set] of [[fresh.db, (app: FastifyInstance) => { a = app; }], [second, (app: FastifyInstance) => { b = app; }]] as const) {
    const app = await buildApp({ db: handle, config, logger: false });
    await app.ready();
    cleanups.push(() => app.close());
    set(app);
  }
});
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function admin(email: string) {
  await createUser(db, null, { email, displayName: email, role: 'admin', locale: 'nb', password: PASSWORD, helplineIds: [] });
  return (await signIn(a, email, PASSWORD)).cookie;
}

const poll = (app: FastifyInstance, jobId: string, cookie: string) =>
  app.inject({ method: 'GET', url: `/api/imports/jobs/${jobId}`, headers: { cookie } });

describe('an import on one node, its progress asked of the other', () => {
  it('is answered by both nodes while it runs and once it is done, and to its owner only', async () => {
    const owner = await admin('importer@example.org');
    const other = await admin('colleague@example.org');
    const jobId = '6b1f7a0e-3c2d-4e5f-8a9b-0c1d2e3f4a5b';
    const rows = Array.from({ length: 3_000 }, (_, i) => rkRow({ date_time: `2017-0${1 + (i % 9)}-1${i % 10} 10:00`, summary: `rad ${i}` }));
    const running = a.inject({
      method: 'POST', url: `/api/imports?helplineId=${RK}&format=csv&jobId=${jobId}`, headers: { cookie: owner, 'content-type': 'text/csv' }, payload: csvOf(rows),
    });
    let done = false;
    void running.then(() => { done = true; });
    const seenOnB: { phase: string; checked: number; loaded: number }[] = [];
    const inDatabase: string[] = [];
    while (!done) {
      const res = await poll(b, jobId, owner);
      if (res.statusCode === 200) seenOnB.push(res.json());
      // Where every node reads it (this test's two nodes share a process, and so its memory).
      const row = await db.selectFrom('import_jobs').select('phase').where('job_id', '=', jobId).executeTakeFirst();
      if (row) inDatabase.push(row.phase);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(inDatabase).toContain('checking');
    expect((await running).statusCode).toBe(200);
    // The other node saw the job before it ended (it was not told by the node that ran it).
    expect(seenOnB.some((s) => s.phase !== 'done')).toBe(true);
    expect((await poll(b, jobId, owner)).json()).toEqual({ phase: 'done', checked: 3_000, loaded: 3_000 });
    expect((await poll(a, jobId, owner)).json()).toEqual({ phase: 'done', checked: 3_000, loaded: 3_000 });
    // Another administrator, on either node, does not learn of it.
    expect((await poll(b, jobId, other)).statusCode).toBe(404);
    expect((await poll(a, jobId, other)).statusCode).toBe(404);
  }, 120_000);

  it('forgets a finished job ten minutes after its last change (the hourly retention job)', async () => {
    const owner = await admin('later@example.org');
    const jobId = '0f9e8d7c-6b5a-4f3e-9d2c-1b0a9f8e7d6c';
    const res = await a.inject({
      method: 'POST', url: `/api/imports?helplineId=${RK}&format=csv&jobId=${jobId}`, headers: { cookie: owner, 'content-type': 'text/csv' }, payload: csvOf([rkRow({ date_time: '2017-02-03 10:00' })]),
    });
    expect(res.statusCode).toBe(200);
    expect((await poll(b, jobId, owner)).statusCode).toBe(200);
    await sql`UPDATE import_jobs SET updated_at = now() - interval '11 minutes' WHERE job_id = ${jobId}`.execute(db);
    expect((await poll(b, jobId, owner)).statusCode).toBe(404);
    await applyRetention(db, { sessionIdleMs: config.sessionIdleMs });
    expect(await db.selectFrom('import_jobs').select('job_id').where('job_id', '=', jobId).execute()).toEqual([]);
  }, 120_000);
});
