import { describe, expect, it } from 'vitest';
import { useTestAppWithAdmin, PASSWORD } from '../../test/app.js';
import { sha256 } from '../auth/service.js';
import { signIn } from '../../test/second-factor.js';

const ctx = useTestAppWithAdmin();

const NEW_PASSWORD = 'a brand new passphrase 42';
const linkFor = (userId: string) => ctx.t.app.inject({ method: 'POST', url: `/api/users/${userId}/password-reset-link`, headers: { cookie: ctx.admin.cookie } });
const tokenOf = (url: string) => new URL(url).hash.replace('#token=', '');
const reset = (token: string, password = NEW_PASSWORD) => ctx.t.app.inject({ method: 'POST', url: '/api/password-reset', payload: { token, password } });
const login = (email: string, password: string) => ctx.t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

describe('one-time password link', () => {
  it('refuses an easy password with a message naming the field, and the link still works afterwards', async () => {
    const user = await ctx.t.as('counsellor');
    const { url } = (await linkFor(user.id)).json();
    const weak = await reset(tokenOf(url), 'passord12345');
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ field: 'password' });
    expect(weak.json().code).toMatch(/^weak_password/);
    expect(weak.json().message).toMatch(/^Feltet «.+» er for lett å gjette/);
    // Nothing changed: the old password still works, and the same link takes a good one.
    expect((await login(user.email, PASSWORD)).statusCode).toBe(202);
    expect((await reset(tokenOf(url))).statusCode).toBe(204);
  });

  it('lets the user set a new password once; the old password and old sessions stop working; audited', async () => {
    const user = await ctx.t.as('counsellor');
    const res = await linkFor(user.id);
    expect(res.statusCode).toBe(201);
    const { url, expiresAt } = res.json();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/reset-password#token=[\w-]{40,}$/);
    const hours = (new Date(expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    // Only the hash is stored.
    const stored = await ctx.t.db.selectFrom('password_reset_tokens').select('token_hash').where('user_id', '=', user.id).execute();
    expect(stored).toEqual([{ token_hash: sha256(tokenOf(url)) }]);

    expect((await reset(tokenOf(url))).statusCode).toBe(204);
    expect((await ctx.t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: user.cookie } })).statusCode).toBe(401);
    expect((await login(user.email, PASSWORD)).statusCode).toBe(401);
    // The new password opens the way to the second step (a counsellor's code, decision 0014).
    expect((await login(user.email, NEW_PASSWORD)).statusCode).toBe(202);
    const signedInAgain = await signIn(ctx.t.app, user.email, NEW_PASSWORD, user.totpSecret);
    expect((await ctx.t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: signedInAgain.cookie } })).statusCode).toBe(200);

    const again = await reset(tokenOf(url), 'yet another passphrase 7');
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'invalid_reset_token', field: 'token', message: 'Lenken for nytt passord er ugyldig, brukt eller utløpt. Be en administrator om en ny.' });

    const audit = await ctx.t.db.selectFrom('audit_log').select(['actor_id', 'action', 'detail']).where('entity_id', '=', user.id).where('action', 'like', 'user.password%').orderBy('id').execute();
    expect(audit.map((a) => [a.actor_id, a.action])).toEqual([[ctx.admin.id, 'user.password_reset_link'], [user.id, 'user.password_reset']]);
    expect(JSON.stringify(audit)).not.toContain(tokenOf(url));
  });

  it('two simultaneous uses of one link: one succeeds, the other is refused', async () => {
    const user = await ctx.t.as('volunteer');
    const token = tokenOf((await linkFor(user.id)).json().url);
    const results = await Promise.all([reset(token, 'first passphrase here 1'), reset(token, 'second passphrase here 2')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([204, 400]);
  });

  it('an expired link, or one replaced by a newer link, is refused', async () => {
    const user = await ctx.t.as('analyst');
    const first = tokenOf((await linkFor(user.id)).json().url);
    const second = tokenOf((await linkFor(user.id)).json().url);
    expect((await reset(first)).statusCode).toBe(400);
    await ctx.t.db.updateTable('password_reset_tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', user.id).execute();
    expect((await reset(second)).statusCode).toBe(400);
    expect((await login(user.email, PASSWORD)).statusCode).toBe(200);
  });

  it('the new password follows the same rules as any password, and a bad one spends no link', async () => {
    const user = await ctx.t.as('caseworker');
    const token = tokenOf((await linkFor(user.id)).json().url);
    const short = await ctx.t.app.inject({ method: 'POST', url: '/api/password-reset', headers: { 'accept-language': 'en' }, payload: { token, password: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ field: 'password', code: 'too_small' });
    expect((await reset(token)).statusCode).toBe(204);
  });

  it('a link for a user who does not exist is a 404', async () => {
    expect((await linkFor('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
