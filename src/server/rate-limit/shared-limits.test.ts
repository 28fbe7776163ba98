import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../config.js';
import { buildApp } from '../app.js';
import { dbOver, driverOf, openDb, type Db } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { freshDb } from '../../test/db.js';
import { applyRetention } from '../../modules/retention/service.js';

/**
 * The routes' request limits hold across nodes: every node on one database counts against the
 * same limit (issue 8, point 6; docs/decisions/0025). The sign-in route allows 20 attempts a
 * minute per address, the password-link route 10, the public read-only routes 600 together.
 */

// The sign-in limit set to 20 a minute per address (the default, 120, would need more requests).
const config = loadConfig({ LOG_LEVEL: 'silent', SIGN_IN_REQUESTS_PER_MINUTE: '20' });
const onPostgres = !!process.env.TEST_DATABASE_URL;
const RATE_LIMITED = { code: 'rate_limited', message: 'For mange forespørsler. Vent litt og prøv igjen.' };

let attempt = 0;
/** A wrong sign-in from an address, each with an e-mail of its own (so only the route's limit decides). */
const signIn = (app: FastifyInstance, address: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: address, payload: { email: `nobody-${++attempt}@example.org`, password: 'wrong password' } });

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function node(db: Db): Promise<FastifyInstance> {
  const app = await buildApp({ db, config, logger: false });
  await app.ready();
  cleanups.push(() => app.close());
  return app;
}

/** A fresh database and two nodes on it; on PostgreSQL each node has its own connection pool, as two processes would. */
async function twoNodes() {
  const fresh = await freshDb();
  cleanups.push(fresh.drop);
  let secondDb = fresh.db;
  if (fresh.url) {
    secondDb = dbOver({ engine: 'postgres', pool: new pg.Pool({ connectionString: fresh.url, max: 2 }) });
    cleanups.push(() => secondDb.destroy());
  }
  return { db: fresh.db, a: await node(fresh.db), b: await node(secondDb) };
}

describe('two nodes on one database', () => {
  it('together allow 20 sign-in attempts a minute from one address; the 21st is refused on either node', async () => {
    const { a, b } = await twoNodes();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await signIn(i % 2 ? b : a, '10.61.0.1')).statusCode);
    expect(statuses).toEqual(Array(20).fill(401));
    const onA = await signIn(a, '10.61.0.1');
    const onB = await signIn(b, '10.61.0.1');
    expect([onA.statusCode, onA.json()]).toEqual([429, RATE_LIMITED]);
    expect([onB.statusCode, onB.json()]).toEqual([429, RATE_LIMITED]);
    // Another address, and another route from the same address, have counts of their own.
    expect((await signIn(b, '10.61.0.2')).statusCode).toBe(401);
    const reset = await a.inject({ method: 'POST', url: '/api/password-reset', remoteAddress: '10.61.0.1', payload: { token: 'not-a-token', password: 'Fjordlykt-sykkelbjelle-2026' } });
    expect(reset.statusCode).not.toBe(429);
  }, 60_000);

  it('count requests sent at the same moment exactly: 10 password-link requests a minute, not more', async () => {
    const { a, b } = await twoNodes();
    const tries = Array.from({ length: 16 }, (_, i) =>
      (i % 2 ? b : a).inject({ method: 'POST', url: '/api/password-reset', remoteAddress: '10.62.0.1', payload: { token: `not-a-token-${i}`, password: 'Fjordlykt-sykkelbjelle-2026' } }));
    const statuses = (await Promise.all(tries)).map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
  }, 60_000);
});

describe('the public, read-only routes', () => {
  it('share one limit of 600 a minute per address across routes and nodes (rights guide, checklists, directory)', async () => {
    const { a, b } = await twoNodes();
    const urls = ['/api/rights', '/api/checklists', '/api/directory/filters'];
    const statuses: number[] = [];
    for (let i = 0; i < 600; i++) statuses.push((await (i % 2 ? b : a).inject({ method: 'GET', url: urls[i % urls.length], remoteAddress: '10.65.0.1' })).statusCode);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    // The 601st is refused on any of them, on either node; another address still has its own 600.
    for (const [app, url] of [[a, '/api/rights'], [b, '/api/checklists'], [a, '/api/directory/filters']] as const) {
      const refused = await app.inject({ method: 'GET', url, remoteAddress: '10.65.0.1' });
      expect([refused.statusCode, refused.json()]).toEqual([429, RATE_LIMITED]);
    }
    expect((await b.inject({ method: 'GET', url: '/api/rights', remoteAddress: '10.65.0.2' })).statusCode).toBe(200);
  }, 120_000);
});

describe('a window that has passed', () => {
  it('starts the count again: the next attempt is let through with 19 left', async () => {
    const { db, a, b } = await twoNodes();
    for (let i = 0; i < 20; i++) await signIn(i % 2 ? b : a, '10.63.0.1');
    expect((await signIn(a, '10.63.0.1')).statusCode).toBe(429);
    // As if the minute had passed (no sleeping): the window's end moves into the past.
    await sql`UPDATE rate_limit_hits SET resets_at = now() - interval '1 second'`.execute(db);
    const next = await signIn(b, '10.63.0.1');
    expect(next.statusCode).toBe(401);
    expect(next.headers['x-ratelimit-remaining']).toBe('19');
  }, 60_000);
});

describe('what the table keeps', () => {
  it('holds no address in clear, and forgets a count once its window has ended', async () => {
    const { db, a } = await twoNodes();
    await signIn(a, '10.64.0.1');
    const keys = (await db.selectFrom('rate_limit_hits').select('key').execute()).map((r) => r.key);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(keys[0]).not.toContain('10.64.0.1');

    await sql`UPDATE rate_limit_hits SET resets_at = now() - interval '1 second'`.execute(db);
    await applyRetention(db, { sessionIdleMs: config.sessionIdleMs });
    expect(await db.selectFrom('rate_limit_hits').select('key').execute()).toEqual([]);

    // A node that starts sweeps ended windows at its first limited request, without the hourly job.
    await signIn(a, '10.64.0.2');
    await sql`UPDATE rate_limit_hits SET resets_at = now() - interval '1 second'`.execute(db);
    const c = await node(db);
    await signIn(c, '10.64.0.3');
    expect(await db.selectFrom('rate_limit_hits').select('hits').execute()).toEqual([{ hits: 1 }]);
  }, 60_000);
});

describe('when the database cannot count', () => {
  it('the request gets a clear 503 in the user\'s language, not a 500 or a stack', async () => {
    const fresh = await freshDb();
    const app = await buildApp({ db: fresh.db, config, logger: false });
    await app.ready();
    cleanups.push(() => app.close());
    // The database goes away under the running node: the server stops (PGlite), the pool ends (PostgreSQL).
    const driver = driverOf(fresh.db);
    if (driver.engine === 'pglite') await driver.client.close();
    await fresh.drop();
    const nb = await signIn(app, '10.65.0.1');
    expect([nb.statusCode, nb.json()]).toEqual([503, { code: 'unavailable', message: 'Tjenesten kan ikke nås akkurat nå. Prøv igjen om litt.' }]);
    const en = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.65.0.1', headers: { 'accept-language': 'en' }, payload: { email: 'nobody@example.org', password: 'x' } });
    expect([en.statusCode, en.json().message]).toEqual([503, 'The service cannot be reached just now. Please try again in a moment.']);
  }, 60_000);
});

describe.skipIf(onPostgres)('on the embedded database', () => {
  it('the count survives restarting the server on the same data', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-rate-limit-'));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const open = async () => {
      const { db } = await openDb({ dataDir });
      await migrateToLatest(db);
      return db;
    };
    const first = await open();
    const before = await buildApp({ db: first, config, logger: false });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await signIn(before, '10.66.0.1')).statusCode);
    expect(statuses).toEqual(Array(20).fill(401));
    await before.close();
    await first.destroy();

    const second = await open();
    cleanups.push(() => second.destroy());
    const after = await node(second);
    const res = await signIn(after, '10.66.0.1');
    expect([res.statusCode, res.json()]).toEqual([429, RATE_LIMITED]);
  }, 120_000);
});
