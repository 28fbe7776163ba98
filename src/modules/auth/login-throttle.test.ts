import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../config.js';
import { buildApp } from '../../server/app.js';
import { freshDb } from '../../test/db.js';
import { useTestApp, PASSWORD, RK } from '../../test/app.js';

// The route limit at 20 a minute per address, so its tests need few requests (the default is 120).
const ctx = useTestApp(RK, { signInPerMinute: 20 });

const login = (email: string, password: string, opts: { address: string; device?: string; forwardedFor?: string }) =>
  ctx.t.app.inject({
    method: 'POST', url: '/api/auth/login', remoteAddress: opts.address,
    headers: { ...(opts.device ? { cookie: `bb_device=${opts.device}` } : {}), ...(opts.forwardedFor ? { 'x-forwarded-for': opts.forwardedFor } : {}) },
    payload: { email, password },
  });

const deviceOf = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'bb_device')?.value;

/** Moves every remembered failure back in time, as if the user had waited. */
const wait = (ms: number) => sql`UPDATE login_failures SET last_failed_at = last_failed_at - make_interval(secs => ${ms / 1000})`.execute(ctx.t.db);

describe('sign-in attempts from a rotating X-Forwarded-For', () => {
  it('count against the connecting address: the header is believed only from a configured proxy', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const res = await login(`nobody-${i}@example.org`, 'wrong password', { address: '10.9.0.1', forwardedFor: `203.0.113.${i}` });
      statuses.push(res.statusCode);
    }
    // The login route allows 20 attempts a minute per address here.
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses[20]).toBe(429);
  });

  it('behind a configured proxy, each client behind it has its own count', async () => {
    const { db, drop } = await freshDb();
    const config = { ...loadConfig({ LOG_LEVEL: 'silent', TRUSTED_PROXIES: '10.9.0.2, 192.168.0.0/16', SIGN_IN_REQUESTS_PER_MINUTE: '20' }) };
    const app = await buildApp({ db, config, logger: false });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        const res = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.0.2', headers: { 'x-forwarded-for': `203.0.113.${i % 2}` }, payload: { email: `nobody-${i}@example.org`, password: 'x' } });
        statuses.push(res.statusCode);
      }
      // 20 attempts each: within the route's 20 a minute per address.
      expect(statuses).toEqual(Array(40).fill(401));
      const fromOne = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '192.168.4.4', headers: { 'x-forwarded-for': '203.0.113.0' }, payload: { email: 'nobody@example.org', password: 'x' } });
      expect(fromOne.statusCode).toBe(429); // the 21st attempt of 203.0.113.0, through another trusted proxy
    } finally {
      await app.close();
      await drop();
    }
  });
});

describe('an account under attack', () => {
  it('answers exactly as an unknown e-mail does: same status, same message', async () => {
    const { email } = await ctx.t.as('counsellor');
    const address = '10.9.1.1';
    for (let i = 0; i < 5; i++) {
      const known = await login(email, 'wrong password', { address });
      const unknown = await login('nobody-at-all@example.org', 'wrong password', { address });
      expect([known.statusCode, known.json()]).toEqual([401, { code: 'invalid_credentials', message: 'Feil e-post eller passord.' }]);
      expect([unknown.statusCode, unknown.json()]).toEqual([known.statusCode, known.json()]);
    }
    const known = await login(email, 'wrong password', { address });
    const unknown = await login('nobody-at-all@example.org', 'wrong password', { address });
    expect([known.statusCode, known.json()]).toEqual([429, { code: 'login_throttled', message: 'For mange mislykkede innlogginger. Vent 5 sekunder og prøv igjen.' }]);
    expect([unknown.statusCode, unknown.json()]).toEqual([known.statusCode, known.json()]);
  });

  it('slows the guesser more with every failure, and even the right password waits', async () => {
    const { email } = await ctx.t.as('counsellor');
    const address = '10.9.2.1';
    for (let i = 0; i < 5; i++) expect((await login(email, 'wrong password', { address })).statusCode).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const refused = await login(email, PASSWORD, { address });
      expect(refused.statusCode).toBe(429);
      const seconds = Number(/Vent (\d+) sekunder/.exec(refused.json().message)?.[1]);
      waits.push(seconds);
      await wait(seconds * 1000 + 100);
      expect((await login(email, 'wrong password', { address })).statusCode).toBe(401);
    }
    expect(waits).toEqual([5, 10, 20, 40]);
  });

  it('does not stop the colleague from signing in at her own browser', async () => {
    // An analyst signs in with the password alone: the slow-down is about the password step.
    const victim = await ctx.t.as('analyst', []);
    const first = await login(victim.email, PASSWORD, { address: '10.9.3.1' });
    expect(first.statusCode).toBe(200);
    const device = deviceOf(first);
    expect(device).toBeTruthy();

    // Someone elsewhere guesses her password over and over.
    for (let i = 0; i < 10; i++) {
      await wait(15 * 60_000); // however patient the guesser is
      expect((await login(victim.email, `guess ${i}`, { address: '10.9.3.66' })).statusCode).toBe(401);
    }
    expect((await login(victim.email, 'guess again', { address: '10.9.3.66' })).statusCode).toBe(429);

    // Her browser is let in at once, even from the attacker's own network address.
    expect((await login(victim.email, PASSWORD, { address: '10.9.3.1', device })).statusCode).toBe(200);
    expect((await login(victim.email, PASSWORD, { address: '10.9.3.66', device })).statusCode).toBe(200);
    // A browser she never used waits like everyone else.
    expect((await login(victim.email, PASSWORD, { address: '10.9.3.1' })).statusCode).toBe(429);
    // Another account's device cookie does not help the guesser.
    const other = await ctx.t.as('analyst', []);
    const otherDevice = deviceOf(await login(other.email, PASSWORD, { address: '10.9.3.66' }));
    expect((await login(victim.email, 'guess', { address: '10.9.3.66', device: otherDevice })).statusCode).toBe(429);
  });
});
