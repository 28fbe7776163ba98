import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { testApp, useTestAppWithAdmin, PASSWORD, RK, KPH } from '../../test/app.js';
import { signIn } from '../../test/second-factor.js';
import { outlastSessionCache } from '../../test/wait.js';

const ctx = useTestAppWithAdmin();

const me = (cookie: string) => ctx.t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
const auditOf = (entityId: string) =>
  ctx.t.db.selectFrom('audit_log').select(['actor_id', 'action', 'detail']).where('entity', '=', 'user').where('entity_id', '=', entityId).orderBy('id').execute();

describe('user management routes are for administrators only', () => {
  it('every other role gets 403, and no session 401', async () => {
    const target = await ctx.t.as('counsellor');
    const routes = [
      { method: 'GET', url: '/api/users' },
      { method: 'PATCH', url: `/api/users/${target.id}`, payload: { role: 'coordinator' } },
      { method: 'POST', url: `/api/users/${target.id}/deactivate` },
      { method: 'POST', url: `/api/users/${target.id}/reactivate` },
      { method: 'POST', url: `/api/users/${target.id}/password-reset-link` },
    ] as const;
    for (const role of ['coordinator', 'caseworker', 'volunteer', 'analyst'] as const) {
      const { cookie } = await ctx.t.as(role);
      for (const r of routes) expect((await ctx.t.app.inject({ ...r, headers: { cookie } })).statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
    }
    // A counsellor may not even change themselves.
    for (const r of routes) expect((await ctx.t.app.inject({ ...r, headers: { cookie: target.cookie } })).statusCode, `self ${r.method} ${r.url}`).toBe(403);
    for (const r of routes) expect((await ctx.t.app.inject(r)).statusCode).toBe(401);
    // Nothing changed.
    expect((await me(target.cookie)).json().role).toBe('counsellor');
  });
});

describe('list', () => {
  it('shows role, helplines, status and the last sign-in', async () => {
    const before = Date.now();
    const user = await ctx.t.as('coordinator', [RK, KPH]);
    const list = (await ctx.t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: ctx.admin.cookie } })).json();
    const row = list.find((u: { id: string }) => u.id === user.id);
    expect(row).toMatchObject({ email: user.email, role: 'coordinator', helplineIds: [KPH, RK].sort(), disabled: false });
    expect(new Date(row.lastLoginAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const never = await ctx.t.db.insertInto('users').values({ email: 'never@example.org', password_hash: 'x', role: 'volunteer' }).returning('id').executeTakeFirstOrThrow();
    const again = (await ctx.t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: ctx.admin.cookie } })).json();
    expect(again.find((u: { id: string }) => u.id === never.id).lastLoginAt).toBeNull();
  });
});

describe('change role and helplines', () => {
  it('a new role takes effect at once: the user is signed out and signs in with the new rights; audited', async () => {
    const user = await ctx.t.as('counsellor');
    expect((await me(user.cookie)).statusCode).toBe(200); // now cached on this node
    const res = await ctx.t.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: { cookie: ctx.admin.cookie }, payload: { role: 'coordinator' } });
    expect(res.statusCode).toBe(204);
    expect((await me(user.cookie)).statusCode).toBe(401);
    // Signing in again (password and code): the new role and its rights.
    const again = await me((await signIn(ctx.t.app, user.email, PASSWORD, user.totpSecret)).cookie);
    expect(again.json().role).toBe('coordinator');
    expect(again.json().abilities).toContain('contact.export');
    expect(await auditOf(user.id)).toContainEqual({ actor_id: ctx.admin.id, action: 'user.update', detail: { role: { from: 'counsellor', to: 'coordinator' } } });
  });

  it('new helplines apply to the running session at once, audited with ids only', async () => {
    const user = await ctx.t.as('counsellor', [RK]);
    expect((await me(user.cookie)).json().helplineIds).toEqual([RK]);
    const res = await ctx.t.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: { cookie: ctx.admin.cookie }, payload: { helplineIds: [KPH] } });
    expect(res.statusCode).toBe(204);
    expect((await me(user.cookie)).json().helplineIds).toEqual([KPH]);
    expect(await auditOf(user.id)).toContainEqual({ actor_id: ctx.admin.id, action: 'user.update', detail: { helplineIds: [KPH] } });
  });

  it('refuses an unknown helpline or role, naming the field, and changes nothing', async () => {
    const user = await ctx.t.as('counsellor', [RK]);
    const bad = await ctx.t.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: { cookie: ctx.admin.cookie }, payload: { role: 'coordinator', helplineIds: ['no-such-line'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('helplineIds');
    expect(bad.json().message).toBe('Feltet «Hjelpelinjer» har en verdi som ikke er tillatt.');
    const role = await ctx.t.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: { cookie: ctx.admin.cookie }, payload: { role: 'superuser' } });
    expect(role.statusCode).toBe(400);
    expect(role.json().field).toBe('role');
    expect((await me(user.cookie)).json()).toMatchObject({ role: 'counsellor', helplineIds: [RK] });
    const missing = await ctx.t.app.inject({ method: 'PATCH', url: `/api/users/00000000-0000-4000-8000-000000000000`, headers: { cookie: ctx.admin.cookie }, payload: { role: 'analyst' } });
    expect(missing.statusCode).toBe(404);
  });
});

describe('deactivate and reactivate', () => {
  it('deactivation ends the sessions at once and refuses sign-in; reactivation lets the user sign in again; both audited', async () => {
    const user = await ctx.t.as('counsellor');
    expect((await me(user.cookie)).statusCode).toBe(200);
    expect((await ctx.t.app.inject({ method: 'POST', url: `/api/users/${user.id}/deactivate`, headers: { cookie: ctx.admin.cookie } })).statusCode).toBe(204);
    expect((await me(user.cookie)).statusCode).toBe(401);
    const refused = await ctx.t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: PASSWORD } });
    expect(refused.statusCode).toBe(401);
    const list = (await ctx.t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: ctx.admin.cookie } })).json();
    expect(list.find((u: { id: string }) => u.id === user.id).disabled).toBe(true);
    expect((await ctx.t.app.inject({ method: 'POST', url: `/api/users/${user.id}/reactivate`, headers: { cookie: ctx.admin.cookie } })).statusCode).toBe(204);
    const back = await signIn(ctx.t.app, user.email, PASSWORD, user.totpSecret);
    expect((await me(back.cookie)).statusCode).toBe(200);
    // (ctx.t.as enrolled the counsellor's second factor on the way: not what this test is about.)
    const actions = (await auditOf(user.id)).filter((a) => a.action !== 'user.second_factor_enrol').map((a) => [a.actor_id, a.action, a.detail]);
    expect(actions).toEqual([[null, 'user.create', { role: 'counsellor', helplineIds: [RK] }], [ctx.admin.id, 'user.deactivate', {}], [ctx.admin.id, 'user.reactivate', {}]]);
  });

  it('on another node the session ends within its 2 s cache', async () => {
    const user = await ctx.t.as('counsellor');
    const other = await buildApp({ db: ctx.t.db, config: ctx.t.app.config, logger: false });
    try {
      expect((await other.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: user.cookie } })).statusCode).toBe(200);
      await ctx.t.app.inject({ method: 'POST', url: `/api/users/${user.id}/deactivate`, headers: { cookie: ctx.admin.cookie } });
      await outlastSessionCache(); // a fixed wait: the 2 s bound is what this test shows
      expect((await other.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: user.cookie } })).statusCode).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('the last active administrator can be neither deactivated nor demoted', async () => {
    // A database of its own, so the other tests' administrators do not count.
    const own = await testApp();
    try {
      const a = await own.as('admin', []);
      const b = await own.as('admin', []);
      expect((await own.app.inject({ method: 'POST', url: `/api/users/${b.id}/deactivate`, headers: { cookie: a.cookie } })).statusCode).toBe(204);
      const self = await own.app.inject({ method: 'POST', url: `/api/users/${a.id}/deactivate`, headers: { cookie: a.cookie } });
      expect(self.statusCode).toBe(409);
      expect(self.json()).toMatchObject({ code: 'last_admin', message: 'Dette er den siste aktive administratoren. Gi en annen bruker rollen administrator først.' });
      const demote = await own.app.inject({ method: 'PATCH', url: `/api/users/${a.id}`, headers: { cookie: a.cookie }, payload: { role: 'analyst' } });
      expect(demote.statusCode).toBe(409);
      expect((await own.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: a.cookie } })).json().role).toBe('admin');
      // With b back, a may step down.
      expect((await own.app.inject({ method: 'POST', url: `/api/users/${b.id}/reactivate`, headers: { cookie: a.cookie } })).statusCode).toBe(204);
      expect((await own.app.inject({ method: 'PATCH', url: `/api/users/${a.id}`, headers: { cookie: a.cookie }, payload: { role: 'analyst' } })).statusCode).toBe(204);
    } finally {
      await own.close();
    }
  });
});

describe('creating users', () => {
  it('two simultaneous requests for one e-mail (in different case) give one 201 and one 409 naming the field', async () => {
    for (let i = 0; i < 3; i++) {
      const body = (email: string) => ({ email, displayName: 'Samtidig', role: 'counsellor', password: PASSWORD, helplineIds: [RK] });
      const [x, y] = await Promise.all([
        ctx.t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: ctx.admin.cookie }, payload: body(`same-${i}@example.org`) }),
        ctx.t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: ctx.admin.cookie }, payload: body(`Same-${i}@Example.org`) }),
      ]);
      expect([x.statusCode, y.statusCode].sort()).toEqual([201, 409]);
      const refused = x.statusCode === 409 ? x : y;
      expect(refused.json()).toMatchObject({ code: 'email_taken', field: 'email' });
      const rows = await ctx.t.db.selectFrom('users').select('id').where((eb) => eb(eb.fn('lower', ['email']), '=', `same-${i}@example.org`)).execute();
      expect(rows).toHaveLength(1);
    }
  });
});
