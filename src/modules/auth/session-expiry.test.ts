import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { testApp, type TestApp } from '../../test/app.js';
import { outlastSessionCache } from '../../test/wait.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t.close(); });

const seconds = (res: { headers: Record<string, unknown> }, name: string) => Number(res.headers[name]);

describe('the session says how long it has left', () => {
  it('every signed-in response carries the seconds until the idle timeout and the absolute end', async () => {
    const { cookie } = await t.as('counsellor');
    const res = await t.app.inject({ method: 'GET', url: '/api/helplines', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    // Defaults: 30 minutes idle, 12 hours at most (README, Configuration).
    expect(seconds(res, 'x-session-idle-seconds')).toBeGreaterThan(30 * 60 - 5);
    expect(seconds(res, 'x-session-idle-seconds')).toBeLessThanOrEqual(30 * 60);
    // The configured idle timeout itself, from which the web app knows when asking is safe.
    expect(res.headers['x-session-idle-timeout-seconds']).toBe(String(30 * 60));
    expect(seconds(res, 'x-session-absolute-seconds')).toBeGreaterThan(12 * 3600 - 5);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.headers['x-session-idle-seconds']).toBeUndefined();
  });

  it('"stay signed in" restarts the idle timer, never past the absolute end', async () => {
    const { cookie, id } = await t.as('counsellor');
    // Last seen 45 s ago: within the minute in which the server does not rewrite it.
    await t.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 45_000) }).where('user_id', '=', id).execute();
    const own = await buildApp({ db: t.db, config: t.app.config, logger: false }); // a node without the session cached
    try {
      const before = await own.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect(seconds(before, 'x-session-idle-seconds')).toBeLessThanOrEqual(30 * 60 - 44);
      const extended = await own.inject({ method: 'POST', url: '/api/auth/session/extend', headers: { cookie } });
      expect(extended.statusCode).toBe(204);
      expect(seconds(extended, 'x-session-idle-seconds')).toBeGreaterThan(30 * 60 - 3);
      const after = await own.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect(seconds(after, 'x-session-idle-seconds')).toBeGreaterThan(30 * 60 - 3);
      // Five minutes of life left in all: extending cannot go past it.
      await t.db.updateTable('sessions').set({ expires_at: new Date(Date.now() + 300_000) }).where('user_id', '=', id).execute();
      await outlastSessionCache(); // the node has the session cached for 2 s
      const capped = await own.inject({ method: 'POST', url: '/api/auth/session/extend', headers: { cookie } });
      expect(seconds(capped, 'x-session-idle-seconds')).toBeLessThanOrEqual(300);
      expect(seconds(capped, 'x-session-absolute-seconds')).toBeLessThanOrEqual(300);
    } finally {
      await own.close();
    }
  });

  it('with a one-minute idle timeout, a session in use is kept alive', async () => {
    const { cookie, id } = await t.as('counsellor');
    const short = await buildApp({ db: t.db, config: { ...t.app.config, sessionIdleMs: 60_000 }, logger: false });
    try {
      // Used 50 s ago; with last-seen written only once a minute it would die 10 s from now.
      await t.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 50_000) }).where('user_id', '=', id).execute();
      const res = await short.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect(res.statusCode).toBe(200);
      expect(seconds(res, 'x-session-idle-seconds')).toBeGreaterThan(55);
      const row = await t.db.selectFrom('sessions').select('last_seen_at').where('user_id', '=', id).executeTakeFirstOrThrow();
      expect(Date.now() - row.last_seen_at.getTime()).toBeLessThan(5_000);
    } finally {
      await short.close();
    }
  });
});
