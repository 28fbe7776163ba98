import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { useTestApp, PASSWORD, RK } from '../../test/app.js';
import { cookieNamed, freshCode } from '../../test/second-factor.js';
import { SoftwareAuthenticator } from '../../test/passkey-authenticator.js';
import { userManageCommands } from '../../cli/user-manage.js';

const ctx = useTestApp();
// The test app's PUBLIC_URL is the default http://127.0.0.1:3000: passkeys belong to `localhost`,
// its loopback alias, because browsers take no IP address as a relying party.
const RP_ID = 'localhost';
const ORIGIN = 'http://localhost:3000';
const contacts = `/api/contacts?helplineId=${RK}`;

// Each request from its own address: the sign-in routes are limited per address.
let address = 0;
const nextAddress = () => `10.11.${(++address >> 8) & 255}.${address & 255}`;
const call = (method: 'GET' | 'POST' | 'DELETE', url: string, cookie?: string, payload?: object) =>
  ctx.t.app.inject({ method, url, headers: cookie ? { cookie } : {}, payload, remoteAddress: nextAddress() });
const login = (email: string) => call('POST', '/api/auth/login', undefined, { email, password: PASSWORD });

/** Adds a passkey in a session, as the account page does: options, the authenticator, the answer. */
async function addPasskey(cookie: string, name = 'Jobb-PC', authenticator = new SoftwareAuthenticator(RP_ID, ORIGIN)) {
  const options = await call('POST', '/api/auth/passkeys/registration-options', cookie);
  expect(options.statusCode, options.body).toBe(200);
  const res = await call('POST', '/api/auth/passkeys', cookie, { passkeyName: name, passkey: authenticator.register(options.json()) });
  return { res, authenticator, options: options.json() };
}

/** Password, then the passkey: returns the answer of the second step and the pending sign-in's cookie. */
async function signInWithPasskey(email: string, authenticator: SoftwareAuthenticator, sign = (o: { challenge: string }) => authenticator.signIn(o)) {
  const first = await login(email);
  expect(first.statusCode).toBe(202);
  const challenge = cookieNamed(first, 'bb_challenge');
  const options = await call('POST', '/api/auth/passkey-sign-in/options', challenge);
  expect(options.statusCode, options.body).toBe(200);
  const res = await call('POST', '/api/auth/passkey-sign-in', challenge, { passkey: sign(options.json()) });
  return { res, challenge, options: options.json() as { challenge: string } };
}

const passkeysOf = async (cookie: string) => (await call('GET', '/api/auth/passkeys', cookie)).json().passkeys as { id: string; name: string; createdAt: string; lastUsedAt: string | null }[];
const session = (res: LightMyRequestResponse) => cookieNamed(res, 'bb_session');

describe('adding a passkey', () => {
  it('a signed-in counsellor registers a named passkey; it is listed with when it was added, and audited', async () => {
    const me = await ctx.t.as('counsellor');
    expect(await passkeysOf(me.cookie)).toEqual([]);
    const { res, options } = await addPasskey(me.cookie, 'Jobb-PC');
    // The options ask for a user-verified passkey on this site, for this user.
    expect(options.rp).toEqual({ name: 'Brobygger', id: 'localhost' });
    expect(options.user.name).toBe(me.email);
    expect(options.authenticatorSelection.userVerification).toBe('required');
    expect(options.attestation).toBe('none');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Jobb-PC', lastUsedAt: null });
    expect(Date.now() - Date.parse(res.json().createdAt)).toBeLessThan(60_000);
    expect((await passkeysOf(me.cookie)).map((p) => p.name)).toEqual(['Jobb-PC']);
    const audit = await ctx.t.db.selectFrom('audit_log').select(['actor_id', 'detail']).where('action', '=', 'user.passkey_add').where('entity_id', '=', me.id).execute();
    expect(audit).toEqual([{ actor_id: me.id, detail: { passkeyId: res.json().id } }]);
  });

  it('refuses an answer to a spent challenge, from another site, or without one; nothing is stored', async () => {
    const me = await ctx.t.as('analyst', []);
    const { res, authenticator } = await addPasskey(me.cookie);
    expect(res.statusCode).toBe(201);
    // The same answer again: its challenge was used.
    const options = await call('POST', '/api/auth/passkeys/registration-options', me.cookie);
    const replay = await call('POST', '/api/auth/passkeys', me.cookie, { passkeyName: 'Igjen', passkey: new SoftwareAuthenticator(RP_ID, ORIGIN).register({ challenge: 'AAAAAAAAAAAAAAAAAAAAAA' }) });
    expect(replay.statusCode).toBe(400);
    expect(replay.json()).toMatchObject({ code: 'passkey_failed', field: 'passkey', message: 'Feltet «Passnøkkel» kunne ikke bekreftes. Prøv igjen, eller bruk en kode fra appen.' });
    // That wrong answer spent the challenge too: a right one after it finds none.
    const late = await call('POST', '/api/auth/passkeys', me.cookie, { passkeyName: 'Sent', passkey: new SoftwareAuthenticator(RP_ID, ORIGIN).register(options.json()) });
    expect(late.statusCode).toBe(400);
    // A page on another site asking the authenticator for this challenge.
    const fresh = await call('POST', '/api/auth/passkeys/registration-options', me.cookie);
    const phished = await call('POST', '/api/auth/passkeys', me.cookie, { passkeyName: 'Falsk', passkey: new SoftwareAuthenticator(RP_ID, ORIGIN).register(fresh.json(), { origin: 'https://brobygger.example.com' }) });
    expect(phished.statusCode).toBe(400);
    // The same authenticator twice.
    const again = await addPasskey(me.cookie, 'Samme', authenticator);
    expect(again.res.statusCode).toBe(409);
    expect((await passkeysOf(me.cookie)).map((p) => p.name)).toEqual(['Jobb-PC']);
    // A name is required, and named in the error.
    const unnamed = await call('POST', '/api/auth/passkeys', me.cookie, { passkeyName: ' ', passkey: new SoftwareAuthenticator(RP_ID, ORIGIN).register({ challenge: 'x' }) });
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().field).toBe('passkeyName');
    expect(unnamed.json().message).toContain('«Navn på passnøkkelen»');
  });

  it('needs a session', async () => {
    expect((await call('POST', '/api/auth/passkeys/registration-options')).statusCode).toBe(401);
    expect((await call('GET', '/api/auth/passkeys')).statusCode).toBe(401);
  });
});

describe('signing in with a passkey', () => {
  it('after the password, the passkey instead of a code opens a session that reads contacts', async () => {
    const me = await ctx.t.as('counsellor');
    const { authenticator } = await addPasskey(me.cookie, 'Telefon');
    const first = await login(me.email);
    expect(first.statusCode).toBe(202);
    expect(first.json()).toEqual({ step: 'verify', expiresInSeconds: 300, passkey: true });
    expect(first.cookies.find((c) => c.name === 'bb_session')).toBeUndefined();
    const challenge = cookieNamed(first, 'bb_challenge');
    const options = await call('POST', '/api/auth/passkey-sign-in/options', challenge);
    expect(options.json()).toMatchObject({ rpId: 'localhost', userVerification: 'required', allowCredentials: [{ id: authenticator.id, type: 'public-key', transports: ['internal'] }] });
    expect(options.headers['cache-control']).toBe('no-store');
    const ok = await call('POST', '/api/auth/passkey-sign-in', challenge, { passkey: authenticator.signIn(options.json()) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().email).toBe(me.email);
    expect((await call('GET', contacts, session(ok))).statusCode).toBe(200);
    expect((await passkeysOf(session(ok)))[0].lastUsedAt).not.toBeNull();
    // The pending sign-in is spent.
    expect((await call('POST', '/api/auth/passkey-sign-in/options', challenge)).statusCode).toBe(401);
    // The code from the app still works as well.
    const byCode = await login(me.email);
    const code = await call('POST', '/api/auth/second-factor/verify', cookieNamed(byCode, 'bb_challenge'), { code: await freshCode(me.totpSecret!) });
    expect(code.statusCode).toBe(200);
  });

  it('refuses a wrong challenge, a replayed answer, an unverified user and a counter that does not move', async () => {
    const me = await ctx.t.as('counsellor');
    const { authenticator } = await addPasskey(me.cookie);
    const wrong = await signInWithPasskey(me.email, authenticator, () => authenticator.signIn({ challenge: 'bm90LXRoZS1zZXJ2ZXJzLWNoYWxsZW5nZQ' }));
    expect(wrong.res.statusCode).toBe(400);
    expect(wrong.res.json()).toMatchObject({ code: 'passkey_failed', field: 'passkey' });

    const ok = await signInWithPasskey(me.email, authenticator);
    expect(ok.res.statusCode).toBe(200);
    const accepted = authenticator.counter;
    const answer = authenticator.signIn(ok.options, { keepCounter: true });
    // The same signed answer on a new pending sign-in (with a new challenge of its own): refused.
    const next = await login(me.email);
    const nextChallenge = cookieNamed(next, 'bb_challenge');
    await call('POST', '/api/auth/passkey-sign-in/options', nextChallenge);
    const replayed = await call('POST', '/api/auth/passkey-sign-in', nextChallenge, { passkey: answer });
    expect(replayed.statusCode).toBe(400);
    // Its challenge went with that attempt: even a right answer now needs new options.
    const noOptions = await call('POST', '/api/auth/passkey-sign-in', nextChallenge, { passkey: authenticator.signIn({ challenge: 'AAAA' }) });
    expect(noOptions.statusCode).toBe(400);

    const unverified = await signInWithPasskey(me.email, authenticator, (o) => authenticator.signIn(o, { userVerified: false }));
    expect(unverified.res.statusCode).toBe(400);
    // A cloned authenticator shows a counter the server has already seen.
    authenticator.counter = accepted;
    const cloned = await signInWithPasskey(me.email, authenticator, (o) => authenticator.signIn(o, { keepCounter: true }));
    expect(cloned.res.statusCode).toBe(400);
    expect((await signInWithPasskey(me.email, authenticator)).res.statusCode).toBe(200);
  });

  it('refuses another user\'s passkey, and a challenge that has expired', async () => {
    const alice = await ctx.t.as('counsellor');
    const bob = await ctx.t.as('counsellor');
    await addPasskey(alice.cookie, 'Alice');
    const { authenticator: bobs } = await addPasskey(bob.cookie, 'Bob');
    const first = await login(alice.email);
    const challenge = cookieNamed(first, 'bb_challenge');
    const options = await call('POST', '/api/auth/passkey-sign-in/options', challenge);
    const res = await call('POST', '/api/auth/passkey-sign-in', challenge, { passkey: bobs.signIn(options.json()) });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('passkey_failed');

    const { authenticator: alices } = await addPasskey(alice.cookie, 'Alice 2');
    const late = await login(alice.email);
    const lateChallenge = cookieNamed(late, 'bb_challenge');
    const lateOptions = await call('POST', '/api/auth/passkey-sign-in/options', lateChallenge);
    await ctx.t.db.updateTable('passkey_challenges').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', alice.id).execute();
    expect((await call('POST', '/api/auth/passkey-sign-in', lateChallenge, { passkey: alices.signIn(lateOptions.json()) })).statusCode).toBe(400);
  });

  it('failed passkeys count like wrong codes: five end the pending sign-in and slow the account', async () => {
    const me = await ctx.t.as('counsellor');
    const { authenticator } = await addPasskey(me.cookie);
    const first = await login(me.email);
    const challenge = cookieNamed(first, 'bb_challenge');
    for (let i = 0; i < 5; i++) {
      const res = await call('POST', '/api/auth/passkey-sign-in', challenge, { passkey: authenticator.signIn({ challenge: 'AAAA' }) });
      expect(res.statusCode).toBe(400);
    }
    const sixth = await call('POST', '/api/auth/passkey-sign-in', challenge, { passkey: authenticator.signIn({ challenge: 'AAAA' }) });
    expect(sixth.statusCode).toBe(401);
    expect(sixth.json().code).toBe('challenge_expired');
    expect((await login(me.email)).statusCode).toBe(429);
  });

  it('a user whose only second factor is a passkey is asked for it, and a role that needs one is satisfied by it', async () => {
    const me = await ctx.t.as('analyst', []);
    const { authenticator } = await addPasskey(me.cookie, 'Nøkkel');
    const first = await login(me.email);
    expect(first.json()).toEqual({ step: 'verify', expiresInSeconds: 300, passkey: true });
    // The analyst becomes a counsellor: the passkey is her second factor, no app to set up.
    await ctx.t.db.updateTable('users').set({ role: 'counsellor' }).where('id', '=', me.id).execute();
    await ctx.t.db.insertInto('user_helplines').values({ user_id: me.id, helpline_id: RK }).execute();
    const { res } = await signInWithPasskey(me.email, authenticator);
    expect(res.statusCode).toBe(200);
    expect((await call('GET', contacts, session(res))).statusCode).toBe(200);
    // Her last passkey cannot go: the role must keep a second factor.
    const [only] = await passkeysOf(session(res));
    const refused = await call('DELETE', `/api/auth/passkeys/${only.id}`, session(res), { password: PASSWORD });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('last_second_factor');
  });
});

describe('removing a passkey', () => {
  it('needs the password or a current code, is audited, and the passkey no longer signs in', async () => {
    const me = await ctx.t.as('counsellor');
    const { res: added, authenticator } = await addPasskey(me.cookie, 'Gammel');
    const { res: second } = await addPasskey(me.cookie, 'Ny');
    const id = added.json().id as string;
    const bare = await call('DELETE', `/api/auth/passkeys/${id}`, me.cookie, {});
    expect(bare.statusCode).toBe(400);
    expect(bare.json().field).toBe('password');
    const wrong = await call('DELETE', `/api/auth/passkeys/${id}`, me.cookie, { password: 'not-my-password-at-all' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'wrong_password', field: 'password', message: 'Feltet «Passord» stemmer ikke.' });
    // Someone else's passkey: not found, whoever asks.
    const other = await ctx.t.as('counsellor');
    expect((await call('DELETE', `/api/auth/passkeys/${id}`, other.cookie, { password: PASSWORD })).statusCode).toBe(404);

    const removed = await call('DELETE', `/api/auth/passkeys/${id}`, me.cookie, { password: PASSWORD });
    expect(removed.statusCode).toBe(204);
    expect((await passkeysOf(me.cookie)).map((p) => p.name)).toEqual(['Ny']);
    const byCode = await call('DELETE', `/api/auth/passkeys/${second.json().id}`, me.cookie, { code: await freshCode(me.totpSecret!) });
    expect(byCode.statusCode).toBe(204);
    const audit = await ctx.t.db.selectFrom('audit_log').select(['detail']).where('action', '=', 'user.passkey_remove').where('entity_id', '=', me.id).orderBy('id').execute();
    expect(audit.map((a) => a.detail)).toEqual([{ passkeyId: id, confirmedWith: 'password' }, { passkeyId: second.json().id, confirmedWith: 'totp' }]);

    // The sign-in no longer offers a passkey, and the removed one is refused.
    const first = await login(me.email);
    expect(first.json()).toEqual({ step: 'verify', expiresInSeconds: 300 });
    const challenge = cookieNamed(first, 'bb_challenge');
    expect((await call('POST', '/api/auth/passkey-sign-in/options', challenge)).statusCode).toBe(409);
    expect((await call('POST', '/api/auth/passkey-sign-in', challenge, { passkey: authenticator.signIn({ challenge: 'AAAA' }) })).statusCode).toBe(400);
  });
});

describe('an administrator resets a second factor', () => {
  it('removes the passkeys too, audited, and the counsellor must set up a second factor again', async () => {
    const admin = await ctx.t.as('admin', []);
    const me = await ctx.t.as('counsellor');
    const { authenticator } = await addPasskey(me.cookie, 'En');
    await addPasskey(me.cookie, 'To');
    const reset = await call('DELETE', `/api/users/${me.id}/second-factor`, admin.cookie);
    expect(reset.statusCode).toBe(204);
    const audit = await ctx.t.db.selectFrom('audit_log').select(['actor_id', 'detail']).where('action', '=', 'user.second_factor_reset').where('entity_id', '=', me.id).execute();
    expect(audit).toEqual([{ actor_id: admin.id, detail: { hadSecondFactor: true, passkeysRemoved: 2, sessionsEnded: true } }]);
    const left = await ctx.t.db.selectFrom('passkeys').select('id').where('user_id', '=', me.id).execute();
    expect(left).toEqual([]);
    const first = await login(me.email);
    expect(first.json()).toEqual({ step: 'enrol', expiresInSeconds: 900 });
    const res = await call('POST', '/api/auth/passkey-sign-in', cookieNamed(first, 'bb_challenge'), { passkey: authenticator.signIn({ challenge: 'AAAA' }) });
    expect(res.statusCode).toBe(401);
  });

  it('a user with only passkeys is listed as having a second factor', async () => {
    const admin = await ctx.t.as('admin', []);
    const analyst = await ctx.t.as('analyst', []);
    expect((await call('GET', '/api/users/second-factors', admin.cookie)).json().userIds).not.toContain(analyst.id);
    await addPasskey(analyst.cookie);
    expect((await call('GET', '/api/users/second-factors', admin.cookie)).json().userIds).toContain(analyst.id);
  });

  it('`brobygger user reset-second-factor` does the same from the server\'s shell (an administrator who lost their own passkey)', async () => {
    const me = await ctx.t.as('admin', []);
    await addPasskey(me.cookie, 'Eneste');
    const lines: string[] = [];
    const code = await userManageCommands['reset-second-factor']({ db: ctx.t.db, config: ctx.t.app.config, stdin: '', print: (l) => lines.push(l) }, ['--email', me.email]);
    expect(code).toBe(0);
    expect(lines).toEqual([`${me.email}'s second factor (app, recovery codes and passkeys) is removed; their sessions have ended.`]);
    expect(await ctx.t.db.selectFrom('passkeys').select('id').where('user_id', '=', me.id).execute()).toEqual([]);
    const audit = await ctx.t.db.selectFrom('audit_log').select(['actor_id', 'detail']).where('action', '=', 'user.second_factor_reset').where('entity_id', '=', me.id).execute();
    expect(audit).toEqual([{ actor_id: null, detail: { hadSecondFactor: true, passkeysRemoved: 1, sessionsEnded: true } }]);
    expect((await login(me.email)).statusCode).toBe(200);
  });
});
