import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { testApp, type TestApp, RK } from '../test/app.js';
import { registeredRoutes } from './plugins/access.js';
import { accessPlugin } from './plugins/access.js';
import { dbPlugin } from './plugins/db.js';
import cookie from '@fastify/cookie';
import { loadConfig } from '../config.js';

let t: TestApp;
let routes: { method: string; url: string; access: string }[];
beforeAll(async () => {
  t = await testApp();
  const seen = new Set<string>();
  routes = registeredRoutes
    .filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api/'))
    .filter((r) => !seen.has(`${r.method} ${r.url}`) && seen.add(`${r.method} ${r.url}`))
    .map((r) => ({ ...r, access: String(r.access) }));
});
afterAll(async () => { await t.close(); });

const concrete = (url: string) => url.replace(/:(\w+)/g, (_, name: string) => (name === 'helplineId' ? RK : crypto.randomUUID()));

describe('every route declares its permission', () => {
  it('the app refuses to start with a route that declares none', async () => {
    const app = Fastify();
    await app.register(dbPlugin, { db: t.db, config: loadConfig({}) });
    await app.register(cookie);
    await app.register(accessPlugin);
    await expect(
      app.register(async (child) => {
        child.get('/api/forgotten', async () => 'oops');
      }).ready(),
    ).rejects.toThrow(/declares no access/);
  });

  it('all API routes have one, and only the login (with its second step), logout, setup, password reset, API description and the directory\'s read-only HSDS API and search, the rights guide and the checklists are public', () => {
    expect(routes.length).toBeGreaterThan(10);
    for (const r of routes) expect(r.access, `${r.method} ${r.url}`).not.toBe('undefined');
    expect(routes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`).sort()).toEqual(
      ['GET /api/openapi.json', 'POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/setup', 'POST /api/password-reset',
        // The second step of sign-in: each checks the pending sign-in's cookie (or a session) itself.
        'POST /api/auth/second-factor/verify', 'POST /api/auth/second-factor/enrolment', 'POST /api/auth/second-factor/enrolment/confirm',
        // The same second step with a passkey (decision 0020).
        'POST /api/auth/passkey-sign-in/options', 'POST /api/auth/passkey-sign-in',
        // The service directory's HSDS 3.0 API: read-only, rate-limited, for anyone (issue 10, decision 0034).
        'GET /api/hsds/', 'GET /api/hsds/services', 'GET /api/hsds/services/:id', 'GET /api/hsds/organizations', 'GET /api/hsds/organizations/:id',
        'GET /api/hsds/service_at_locations', 'GET /api/hsds/service_at_locations/:id', 'GET /api/hsds/taxonomies', 'GET /api/hsds/taxonomies/:id',
        'GET /api/hsds/taxonomy_terms', 'GET /api/hsds/taxonomy_terms/:id',
        // Its search and the filters it offers, for the public "find help" page (issue 10 point 3).
        'GET /api/directory/search', 'GET /api/directory/filters',
        // The rights guide: reference text from a public handbook (issue 10 point 4).
        'GET /api/rights', 'GET /api/rights/answer', 'GET /api/rights/statuses/:status',
        // The handbook's checklists, to read (ticking them on a case is case data).
        'GET /api/checklists', 'GET /api/checklists/:checklistId'].sort(),
    );
  });

  it('the public second-step routes answer 401 without a pending sign-in or a session', async () => {
    for (const url of ['/api/auth/second-factor/verify', '/api/auth/second-factor/enrolment', '/api/auth/second-factor/enrolment/confirm', '/api/auth/passkey-sign-in/options']) {
      const res = await t.app.inject({ method: 'POST', url, payload: { code: '123456' }, remoteAddress: '10.6.0.1' });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().code, url).toBe('challenge_expired');
    }
  });

  it('without a session every non-public route answers 401', async () => {
    for (const r of routes.filter((x) => x.access !== 'public')) {
      const res = await t.app.inject({ method: r.method as 'GET', url: concrete(r.url), payload: r.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });
  // Which role gets what on each route is checked against the README's table in access-matrix.test.ts.
});

describe('imports', () => {
  it('every import route, with its batches, progress and undo, is for those who may import (administrators)', () => {
    expect(routes.filter((r) => r.url.startsWith('/api/imports')).map((r) => `${r.method} ${r.url} ${r.access}`).sort()).toEqual([
      'GET /api/imports/batches contact.import', 'GET /api/imports/jobs/:jobId contact.import', 'GET /api/imports/template contact.import',
      'POST /api/imports contact.import', 'POST /api/imports/batches/:batchId/undo contact.import',
    ]);
  });
});

describe('OpenAPI', () => {
  it('describes every API endpoint', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    const documented = new Set<string>();
    for (const [path, ops] of Object.entries<Record<string, unknown>>(spec.paths)) for (const m of Object.keys(ops)) documented.add(`${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    for (const r of routes.filter((x) => x.url !== '/api/openapi.json')) expect(documented, `${r.method} ${r.url}`).toContain(`${r.method} ${r.url}`);
  });
});

describe('contact list routes', () => {
  it('the list and its counsellor choices need contact.read', () => {
    const access = (url: string) => routes.find((r) => r.method === 'GET' && r.url === url)?.access;
    expect(access('/api/contacts')).toBe('contact.read');
    expect(access('/api/contacts/authors')).toBe('contact.read');
  });
});

describe('passkey routes', () => {
  it('a signed-in user manages their own passkeys; only the second step of sign-in is public', () => {
    expect(routes.filter((r) => r.url.includes('passkey')).map((r) => `${r.method} ${r.url} ${r.access}`).sort()).toEqual([
      'DELETE /api/auth/passkeys/:id authenticated', 'GET /api/auth/passkeys authenticated',
      'POST /api/auth/passkey-sign-in public', 'POST /api/auth/passkey-sign-in/options public',
      'POST /api/auth/passkeys authenticated', 'POST /api/auth/passkeys/registration-options authenticated',
    ]);
  });
});
