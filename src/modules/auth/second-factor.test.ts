import { describe, expect, it } from 'vitest';
import { useTestApp, PASSWORD, RK } from '../../test/app.js';
import { cookieNamed, freshCode, signIn } from '../../test/second-factor.js';
import { totpCode } from './totp.js';
import { outlastSessionCache } from '../../test/wait.js';

// The sign-in steps' route limit at 10 a minute per address (the default is 120).
const ctx = useTestApp(undefined, { signInPerMinute: 10 });
// Each request from its own address unless a test says otherwise: the sign-in routes are also limited per address.
let address = 0;
const login = (email: string, password = PASSWORD) => ctx.t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: `10.7.0.${++address}` });
const get = (url: string, cookie: string) => ctx.t.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, cookie: string, payload?: object, remoteAddress = `10.9.0.${++address}`) => ctx.t.app.inject({ method: 'POST', url, headers: { cookie }, payload, remoteAddress });
const verify = (challenge: string, code: string, remoteAddress?: string) => post('/api/auth/second-factor/verify', challenge, { code }, remoteAddress);
const contacts = `/api/contacts?helplineId=${RK}`;

async function newUser(role: 'counsellor' | 'analyst' | 'admin') {
  const { as } = ctx.t;
  // `as` signs in through the same routes; here a second sign-in is what is looked at.
  return as(role, role === 'counsellor' ? [RK] : []);
}

describe('a counsellor without a second factor', () => {
  it('gets no session from the password, only enrolment, and reads contacts once enrolled', async () => {
    await ctx.t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: (await newUser('admin')).cookie }, payload: { email: 'ny-radgiver@example.org', displayName: 'Ny rådgiver', role: 'counsellor', password: PASSWORD, helplineIds: [RK] } });
    const res = await login('ny-radgiver@example.org');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ step: 'enrol', expiresInSeconds: 900 });
    expect(res.cookies.find((c) => c.name === 'bb_session')).toBeUndefined();
    const challenge = cookieNamed(res, 'bb_challenge');
    // The pending sign-in opens nothing but enrolment, not even as a session cookie.
    expect((await get(contacts, challenge)).statusCode).toBe(401);
    expect((await get(contacts, challenge.replace('bb_challenge', 'bb_session'))).statusCode).toBe(401);
    expect((await get('/api/auth/me', challenge)).statusCode).toBe(401);

    const enrolment = await post('/api/auth/second-factor/enrolment', challenge);
    expect(enrolment.statusCode).toBe(200);
    const { secret, otpauthUrl, qrDataUrl } = enrolment.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Brobygger:ny-radgiver%40example\.org\?issuer=Brobygger&secret=[A-Z2-7]{32}&algorithm=SHA1&digits=6&period=30$/);
    expect(qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(enrolment.headers['cache-control']).toBe('no-store');

    const wrong = await post('/api/auth/second-factor/enrolment/confirm', challenge, { code: '000000' === totpCode(secret) ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'invalid_code', field: 'code', message: 'Feltet «Kode» stemmer ikke. Skriv koden appen viser nå, eller en ubrukt gjenopprettingskode.' });

    const confirmed = await post('/api/auth/second-factor/enrolment/confirm', challenge, { code: await freshCode(secret) });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes, me } = confirmed.json();
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(me.role).toBe('counsellor');
    const session = cookieNamed(confirmed, 'bb_session');
    expect((await get(contacts, session)).statusCode).toBe(200);

    // At rest: the secret encrypted, recovery codes only as hashes.
    const stored = await ctx.t.db.selectFrom('second_factors').innerJoin('users', 'users.id', 'second_factors.user_id').select('totp_secret').where('users.email', '=', 'ny-radgiver@example.org').executeTakeFirstOrThrow();
    expect(stored.totp_secret.startsWith('v1:')).toBe(true);
    expect(stored.totp_secret).not.toContain(secret);
    const hashes = await ctx.t.db.selectFrom('recovery_codes').select('code_hash').execute();
    for (const code of recoveryCodes) expect(hashes.map((h) => h.code_hash)).not.toContain(code);
    // The challenge is spent.
    expect((await post('/api/auth/second-factor/enrolment', challenge)).statusCode).toBe(401);
  });

  it('loses a session opened with the password alone (as before two-factor sign-in existed)', async () => {
    const analyst = await newUser('analyst');
    expect((await get('/api/auth/me', analyst.cookie)).statusCode).toBe(200);
    // The analyst becomes a counsellor: the old password-only session no longer opens anything.
    await ctx.t.db.updateTable('users').set({ role: 'counsellor' }).where('id', '=', analyst.id).execute();
    await outlastSessionCache(); // the node's two-second session cache
    expect((await get('/api/auth/me', analyst.cookie)).statusCode).toBe(401);
    expect((await login(analyst.email)).json().step).toBe('enrol');
  });
});

describe('a user with a second factor', () => {
  it('gets no usable session from the password; the right code signs in, a wrong or reused one does not', async () => {
    const { email, totpSecret } = await newUser('counsellor');
    const res = await login(email);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ step: 'verify', expiresInSeconds: 300 });
    expect(res.cookies.find((c) => c.name === 'bb_session')).toBeUndefined();
    const challengeCookie = res.cookies.find((c) => c.name === 'bb_challenge')!;
    expect(challengeCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth', maxAge: 300 });
    const challenge = cookieNamed(res, 'bb_challenge');
    expect((await get(contacts, challenge.replace('bb_challenge', 'bb_session'))).statusCode).toBe(401);
    // A pending sign-in of an enrolled user cannot enrol a new secret.
    expect((await post('/api/auth/second-factor/enrolment', challenge)).statusCode).toBe(401);

    const wrong = await verify(challenge, '12345x');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().field).toBe('code');

    const code = await freshCode(totpSecret!);
    const ok = await verify(challenge, code);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().email).toBe(email);
    expect((await get(contacts, cookieNamed(ok, 'bb_session'))).statusCode).toBe(200);

    // The same code again, in a new sign-in within its 30 seconds: refused.
    const again = await login(email);
    const reused = await verify(cookieNamed(again, 'bb_challenge'), code);
    expect(reused.statusCode).toBe(400);
    expect(reused.json()).toMatchObject({ code: 'code_used', field: 'code', message: 'Feltet «Kode»: denne koden er allerede brukt. Vent på neste kode i appen.' });
  });

  it('a recovery code signs in once', async () => {
    const { email } = await newUser('analyst');
    // Voluntary enrolment inside an analyst's session.
    const analyst = await signIn(ctx.t.app, email, PASSWORD);
    const enrolment = await post('/api/auth/second-factor/enrolment', analyst.cookie);
    expect(enrolment.statusCode).toBe(200);
    const confirmed = await post('/api/auth/second-factor/enrolment/confirm', analyst.cookie, { code: await freshCode(enrolment.json().secret) });
    expect(confirmed.statusCode).toBe(200);
    expect((await get('/api/auth/second-factor', analyst.cookie)).json()).toEqual({ enrolled: true, recoveryCodesLeft: 10 });
    const [first] = confirmed.json().recoveryCodes as string[];

    const a = await login(email);
    expect(a.json().step).toBe('verify');
    const used = await verify(cookieNamed(a, 'bb_challenge'), first.toUpperCase());
    expect(used.statusCode).toBe(200);
    expect((await get('/api/auth/second-factor', cookieNamed(used, 'bb_session'))).json()).toEqual({ enrolled: true, recoveryCodesLeft: 9 });

    const b = await login(email);
    const twice = await verify(cookieNamed(b, 'bb_challenge'), first);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().code).toBe('invalid_code');
  });

  it('five wrong codes end the pending sign-in and lock the account', async () => {
    const { email } = await newUser('counsellor');
    const challenge = cookieNamed(await login(email), 'bb_challenge');
    for (let i = 0; i < 5; i++) expect((await verify(challenge, '000000')).statusCode).toBe(400);
    const sixth = await verify(challenge, '000000');
    expect(sixth.statusCode).toBe(401);
    expect(sixth.json().code).toBe('challenge_expired');
    expect((await login(email)).statusCode).toBe(429);
  });

  it('one address may try ten codes a minute, whichever accounts they are for', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const { email } = await newUser('analyst');
      statuses.push((await verify(`bb_challenge=${email}`, '000000', '10.8.0.1')).statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('a pending sign-in expires', async () => {
    const { email, totpSecret, id } = await newUser('counsellor');
    const challenge = cookieNamed(await login(email), 'bb_challenge');
    await ctx.t.db.updateTable('sign_in_challenges').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', id).execute();
    const res = await verify(challenge, await freshCode(totpSecret!));
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('Innloggingen tok for lang tid eller ble avbrutt. Logg inn på nytt.');
  });
});

describe('an administrator resets a second factor', () => {
  it('ends the user\'s sessions, is audited, and the user must enrol again', async () => {
    const admin = await newUser('admin');
    const counsellor = await newUser('counsellor');
    expect((await get(contacts, counsellor.cookie)).statusCode).toBe(200);
    const list = await get('/api/users/second-factors', admin.cookie);
    expect(list.json().userIds).toContain(counsellor.id);

    const forbidden = await ctx.t.app.inject({ method: 'DELETE', url: `/api/users/${admin.id}/second-factor`, headers: { cookie: counsellor.cookie } });
    expect(forbidden.statusCode).toBe(403);
    const reset = await ctx.t.app.inject({ method: 'DELETE', url: `/api/users/${counsellor.id}/second-factor`, headers: { cookie: admin.cookie } });
    expect(reset.statusCode).toBe(204);

    expect((await get(contacts, counsellor.cookie)).statusCode).toBe(401);
    const audit = await ctx.t.db.selectFrom('audit_log').select(['actor_id', 'detail']).where('action', '=', 'user.second_factor_reset').where('entity_id', '=', counsellor.id).execute();
    expect(audit).toEqual([{ actor_id: admin.id, detail: { hadSecondFactor: true, passkeysRemoved: 0, sessionsEnded: true } }]);
    expect((await get('/api/users/second-factors', admin.cookie)).json().userIds).not.toContain(counsellor.id);
    const next = await login(counsellor.email);
    expect(next.json().step).toBe('enrol');

    const unknown = await ctx.t.app.inject({ method: 'DELETE', url: '/api/users/00000000-0000-4000-8000-000000000000/second-factor', headers: { cookie: admin.cookie } });
    expect(unknown.statusCode).toBe(404);
    const bad = await ctx.t.app.inject({ method: 'DELETE', url: '/api/users/not-an-id/second-factor', headers: { cookie: admin.cookie } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('id');
  });
});
