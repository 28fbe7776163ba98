import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../test/app.js';

const ctx = useTestApp(RK);
// The test app's PUBLIC_URL is the default, http://127.0.0.1:3000.
const OWN = 'http://127.0.0.1:3000';
const CSV = 'date_time,channel,kind\n2022-03-05 10:30,telephone,first_contact\n';

/**
 * Sends a body of `declared` bytes to a real port, writing it in 64 KB pieces until the server
 * answers; resolves with the status and how many bytes had been sent when the answer came.
 */
function sendLarge(url: string, declared: number, chunked: boolean): Promise<{ status: number; sentBeforeAnswer: number }> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json' };
    if (!chunked) headers['content-length'] = String(declared);
    const req = http.request(url, { method: 'POST', headers });
    let sent = 0;
    let answered = false;
    const piece = Buffer.alloc(64 * 1024, 0x20);
    req.on('response', (res) => {
      answered = true;
      const sentBeforeAnswer = sent;
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, sentBeforeAnswer }));
      req.destroy();
    });
    req.on('error', (err) => (answered ? undefined : reject(err)));
    const pump = () => {
      while (!answered && sent < declared) {
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('request bodies', () => {
  it('an anonymous 48 MB body to logout is refused with 413 before it is read', async () => {
    const { app } = ctx.t;
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/api/auth/logout`;
    const declared = 48 * 1024 * 1024;

    const byLength = await sendLarge(url, declared, false);
    expect(byLength.status).toBe(413);
    expect(byLength.sentBeforeAnswer).toBeLessThan(declared / 4);

    // Without a Content-Length the server stops reading at the limit.
    const streamed = await sendLarge(url, declared, true);
    expect(streamed.status).toBe(413);
    expect(streamed.sentBeforeAnswer).toBeLessThan(declared / 4);

    // The import route takes large files, but only from someone allowed to import: an outsider
    // is refused before the body is read.
    const anonymousImport = await sendLarge(`http://127.0.0.1:${port}/api/imports?helplineId=${RK}&format=csv`, declared, false);
    expect(anonymousImport.status).toBe(401);
    expect(anonymousImport.sentBeforeAnswer).toBeLessThan(declared / 4);
  });

  it('says so in the user language', async () => {
    const res = await ctx.t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { 'content-type': 'application/json', 'accept-language': 'en' }, payload: `"${'x'.repeat(1_100_000)}"` });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'body_too_large', message: 'The request is too large.' });
  });

  it('the import route still takes files above 1 MB', async () => {
    const admin = await ctx.t.as('admin', []);
    const row = `2022-03-05 10:30,telephone,first_contact,${'Lang oppsummering. '.repeat(150)}\n`;
    const big = `date_time,channel,kind,summary\n${row.repeat(400)}`;
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const res = await ctx.t.app.inject({ method: 'POST', url: `/api/imports?helplineId=${RK}&format=csv`, headers: { cookie: admin.cookie, 'content-type': 'text/csv' }, payload: big });
    expect(res.statusCode).toBe(200);
    expect(res.json().imported).toBe(400);
  });
});

describe('state-changing requests from another site', () => {
  it('a cross-site import riding on the administrator cookie is refused with 403', async () => {
    const admin = await ctx.t.as('admin', []);
    const send = (headers: Record<string, string>) =>
      ctx.t.app.inject({ method: 'POST', url: `/api/imports?helplineId=${RK}&format=csv`, headers: { cookie: admin.cookie, 'content-type': 'text/csv', ...headers }, payload: CSV });
    const before = await ctx.t.db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();

    const evil = await send({ origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(evil.json()).toEqual({ code: 'cross_origin', message: 'Forespørselen kom fra en annen nettside og ble avvist. Åpne Brobygger fra sin egen adresse.' });
    // Same site, other port: cookies go along (SameSite ignores ports), the origin differs.
    expect((await send({ origin: 'http://127.0.0.1:8080' })).statusCode).toBe(403);
    // Browsers that hide the origin say "null".
    expect((await send({ origin: 'null' })).statusCode).toBe(403);
    // No Origin, but the browser says where the request came from.
    expect((await send({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await send({ 'sec-fetch-site': 'same-site' })).statusCode).toBe(403);
    const after = await ctx.t.db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);

    expect((await send({ origin: OWN })).statusCode).toBe(200);
    expect((await send({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
  });

  it('applies to every method that changes something, signed in or not', async () => {
    const c = await ctx.t.as('counsellor');
    const origin = 'https://evil.example';
    expect((await ctx.t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin }, payload: { email: 'x@example.org', password: 'x' } })).statusCode).toBe(403);
    expect((await ctx.t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { origin, cookie: c.cookie } })).statusCode).toBe(403);
    expect((await ctx.t.app.inject({ method: 'PUT', url: '/api/auth/me/locale', headers: { origin, cookie: c.cookie }, payload: { locale: 'en' } })).statusCode).toBe(403);
    // The session survived the forged logout.
    expect((await ctx.t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { origin, cookie: c.cookie } })).statusCode).toBe(200);
  });
});

describe('caching', () => {
  it('every API response says no-store, errors included', async () => {
    const c = await ctx.t.as('counsellor');
    const responses = [
      await ctx.t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: c.cookie } }),
      await ctx.t.app.inject({ method: 'GET', url: '/api/auth/me' }),
      await ctx.t.app.inject({ method: 'GET', url: '/api/helplines', headers: { cookie: c.cookie } }),
      await ctx.t.app.inject({ method: 'GET', url: '/api/contacts?limit=0', headers: { cookie: c.cookie } }),
      await ctx.t.app.inject({ method: 'GET', url: '/api/contacts/00000000-0000-4000-8000-000000000000', headers: { cookie: c.cookie } }),
      await ctx.t.app.inject({ method: 'GET', url: '/api/openapi.json' }),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([200, 401, 200, 400, 404, 200]);
    for (const r of responses) expect(r.headers['cache-control']).toBe('no-store');
  });
});

describe('NUL bytes', () => {
  it('in a JSON body, a query string or a path: 400 naming the field', async () => {
    const admin = await ctx.t.as('admin', []);
    const c = await ctx.t.as('counsellor');
    const body = await ctx.t.app.inject({
      method: 'POST', url: '/api/users', headers: { cookie: admin.cookie },
      payload: { email: 'nul@example.org', displayName: 'Kari\u0000', role: 'counsellor', password: 'correct horse battery staple' },
    });
    expect(body.statusCode).toBe(400);
    expect(body.json()).toEqual({ code: 'invalid_characters', field: 'displayName', message: 'Feltet «Navn» inneholder et tegn som ikke er tillatt (NUL).' });

    const login = await ctx.t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a\u0000@example.org', password: 'x' } });
    expect(login.statusCode).toBe(400);
    expect(login.json().field).toBe('email');

    const query = await ctx.t.app.inject({ method: 'GET', url: '/api/contacts?helplineId=rode%00', headers: { cookie: c.cookie } });
    expect(query.statusCode).toBe(400);
    expect(query.json()).toMatchObject({ code: 'invalid_characters', field: 'helplineId' });

    const fileName = await ctx.t.app.inject({ method: 'POST', url: `/api/imports?helplineId=${RK}&format=csv&fileName=a%00.csv`, headers: { cookie: admin.cookie, 'content-type': 'text/csv' }, payload: CSV });
    expect(fileName.statusCode).toBe(400);
    expect(fileName.json()).toMatchObject({ code: 'invalid_characters', field: 'fileName' });

    const path = await ctx.t.app.inject({ method: 'GET', url: '/api/helplines/rode%00/taxonomy', headers: { cookie: c.cookie } });
    expect(path.statusCode).toBe(400);
    expect(path.json()).toMatchObject({ code: 'invalid_characters', field: 'helplineId' });
  });
});
