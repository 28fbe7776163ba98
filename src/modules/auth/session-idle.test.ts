import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../config.js';
import type { Db } from '../../db/connection.js';
import { buildApp } from '../../server/app.js';
import { freshDb } from '../../test/db.js';
import { PASSWORD, cookieOf } from '../../test/app.js';
import { createUser } from '../users/service.js';
import { applyRetention } from '../retention/service.js';
import { sleep } from '../../test/wait.js';

// A short idle limit, so the test can live through it: 4 seconds instead of 30 minutes.
const IDLE_MS = 4000;
const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), sessionIdleMs: IDLE_MS };

let app: FastifyInstance;
let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await freshDb());
  app = await buildApp({ db, config, logger: false });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await drop();
});

async function signIn(name: string): Promise<string> {
  const email = `${name}-${process.pid}@example.org`;
  // An analyst: a role that signs in with the password alone, so the test is about the idle timer only.
  await createUser(db, null, { email, displayName: name, role: 'analyst', locale: 'nb', password: PASSWORD, helplineIds: [] });
  return cookieOf(await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } }));
}

const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

describe('the idle timer', () => {
  it('never ends a session in use, and ends one left alone', async () => {
    const busy = await signIn('busy');
    const idle = await signIn('idle');
    const startedAt = Date.now();
    // Used every second for two and a half idle limits: never idle for long. (Fixed pauses: the
    // passing time is what this test is about, and a busy machine only makes the idle one older.)
    const statuses: number[] = [];
    while (Date.now() - startedAt < 2.5 * IDLE_MS) {
      statuses.push((await me(busy)).statusCode);
      await sleep(1000);
    }
    expect(statuses.length).toBeGreaterThanOrEqual(5);
    expect(new Set(statuses)).toEqual(new Set([200]));
    // The hourly retention job agrees the busy session is alive.
    await applyRetention(db, { sessionIdleMs: IDLE_MS });
    expect((await me(busy)).statusCode).toBe(200);

    // The other one has not been used since it signed in, ten seconds ago.
    expect((await me(idle)).statusCode).toBe(401);
    // And the busy one, once left alone for longer than the limit (plus the 1 s write interval), ends
    // too. A fixed pause, not a wait for the 401: asking would be activity and keep it alive.
    await sleep(IDLE_MS + 1000 + 500);
    expect((await me(busy)).statusCode).toBe(401);
  });
});
