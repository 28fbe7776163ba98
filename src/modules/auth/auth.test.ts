import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, PASSWORD, cookieOf } from '../../test/app.js';
import { issueSetupToken } from './setup.js';
import { forgetAllSessions } from './service.js';
import { cookieNamed, freshCode } from '../../test/second-factor.js';
import { outlastSessionCache } from '../../test/wait.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t.close(); });

describe('first administrator', () => {
  it('is created once from the one-time setup link, then the link is dead', async () => {
    const token = await issueSetupToken(t.db);
    expect(token).toBeTruthy();
    const body = { token, email: 'first-admin@example.org', displayName: 'Første admin', password: PASSWORD };
    const bad = await t.app.inject({ method: 'POST', url: '/api/setup', payload: { ...body, token: 'x'.repeat(40) } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('token');
    const ok = await t.app.inject({ method: 'POST', url: '/api/setup', payload: body });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().role).toBe('admin');
    const again = await t.app.inject({ method: 'POST', url: '/api/setup', payload: body });
    expect(again.statusCode).toBe(409);
    expect(await issueSetupToken(t.db)).toBeNull();
  });
});

describe('login', () => {
  it('sets an httpOnly SameSite=Strict session cookie and /me answers with abilities', async () => {
    const { email, totpSecret } = await t.as('counsellor');
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
    expect(login.statusCode).toBe(202);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/second-factor/verify', headers: { cookie: cookieNamed(login, 'bb_challenge') }, payload: { code: await freshCode(totpSecret!) } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'bb_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookieOf(res) } });
    expect(me.json().abilities).toContain('contact.create');
    expect(me.json().abilities).not.toContain('user.manage');
  });

  it('refuses a wrong password in the user language without saying which part was wrong', async () => {
    const { email } = await t.as('analyst');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'da' }, payload: { email, password: 'wrong password here' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('Forkert e-mail eller adgangskode.');
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.org', password: 'x' } });
    expect(unknown.json().message).toBe('Feil e-post eller passord.');
  });

  it('logout ends the session', async () => {
    const { cookie } = await t.as('counsellor');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('an idle session expires', async () => {
    const { cookie, id } = await t.as('counsellor');
    await t.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 40 * 60_000) }).where('user_id', '=', id).execute();
    // Forty minutes on, this node's two-second cache of the session is long gone.
    forgetAllSessions();
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    expect(await t.db.selectFrom('sessions').select('token_hash').where('user_id', '=', id).execute()).toHaveLength(0);
  });

  it('a session past its absolute lifetime expires even when active', async () => {
    const { cookie, id } = await t.as('counsellor');
    await t.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', id).execute();
    forgetAllSessions();
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });
});

describe('users', () => {
  it('only an administrator creates users; the password is stored as argon2id', async () => {
    const admin = await t.as('admin', []);
    const counsellor = await t.as('counsellor');
    const body = { email: 'new@example.org', displayName: 'Ny', role: 'counsellor', password: PASSWORD, helplineIds: ['rode-kors-telefonen'] };
    expect((await t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: counsellor.cookie }, payload: body })).statusCode).toBe(403);
    const res = await t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin.cookie }, payload: body });
    expect(res.statusCode).toBe(201);
    const row = await t.db.selectFrom('users').select('password_hash').where('email', '=', 'new@example.org').executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    const dup = await t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin.cookie }, payload: { ...body, email: 'NEW@example.org' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().field).toBe('email');
  });
});

describe('session cache', () => {
  it('a session deleted in the database stops working within two seconds on a node that had it cached', async () => {
    const { cookie, id } = await t.as('counsellor');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    // As if the user logged out on another node.
    await t.db.deleteFrom('sessions').where('user_id', '=', id).execute();
    await outlastSessionCache(); // a fixed wait: the 2 s bound is what this test shows
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });
});
