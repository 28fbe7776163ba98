import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { loadConfig } from '../config.js';
import type { Db } from '../db/connection.js';
import { freshDb } from '../test/db.js';
import { signIn as signInWithSecondFactor } from '../test/second-factor.js';
import { PASSWORD, RK } from '../test/app.js';
import { createUser } from '../modules/users/service.js';
import { buildApp } from './app.js';
import { serializeError } from './logging.js';

// Planted in every free-text field; a log line holding it would leak what a user typed.
const MARK = 'zqmarkerleak';

let app: FastifyInstance;
let db: Db;
let drop: () => Promise<void>;
const lines: string[] = [];
const config = loadConfig({ LOG_LEVEL: 'trace' });
const inject = (opts: InjectOptions) => app.inject({ ...opts, headers: { origin: config.publicUrl, ...opts.headers } });

beforeAll(async () => {
  const fresh = await freshDb();
  db = fresh.db;
  drop = fresh.drop;
  app = await buildApp({ db, config, logStream: { write: (line: string) => { lines.push(line); } } });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await drop();
});

async function signIn(role: 'coordinator' | 'admin', helplineIds: string[]) {
  const email = `${role}-log-${process.pid}@example.org`;
  await createUser(db, null, { email, displayName: role, role, locale: 'nb', password: PASSWORD, helplineIds });
  // Through the real sign-in, second step included (coordinators read contacts: they must have one).
  return (await signInWithSecondFactor(app, email, PASSWORD)).cookie;
}

const contact = (summary: string) => ({ helplineId: RK, channel: 'telephone', kind: 'first_contact', startedAt: '2022-03-14T10:15:00+01:00', summary });

describe('the log', () => {
  it('holds none of what users typed when the database refuses it, on either engine', async () => {
    const coordinator = await signIn('coordinator', [RK]);
    const admin = await signIn('admin', []);
    const saved = await inject({ method: 'POST', url: '/api/contacts', headers: { cookie: coordinator }, payload: contact('harmless') });
    expect(saved.statusCode).toBe(201);

    // The database itself refuses the marker: its errors then carry the row (PostgreSQL's
    // "Failing row contains …", COPY's line) and the parameters (PGlite).
    await sql.raw(`ALTER TABLE contacts ADD CONSTRAINT log_test_summary CHECK (summary NOT LIKE '%${MARK}%')`).execute(db);
    await sql.raw(`ALTER TABLE users ADD CONSTRAINT log_test_user CHECK (display_name NOT LIKE '%${MARK}%' AND email NOT LIKE '%${MARK}%')`).execute(db);

    const provoked = [
      await inject({ method: 'POST', url: '/api/contacts', headers: { cookie: coordinator }, payload: contact(`Ringer om ${MARK}`) }),
      await inject({ method: 'PUT', url: `/api/contacts/${saved.json().id}`, headers: { cookie: coordinator }, payload: { ...contact(`Endret ${MARK}`), version: 1 } }),
      await inject({
        method: 'POST', url: '/api/users', headers: { cookie: admin },
        payload: { email: `${MARK}@example.org`, displayName: `Kari ${MARK}`, role: 'counsellor', password: `${MARK} horse battery`, helplineIds: [RK] },
      }),
      await inject({
        method: 'POST', url: `/api/imports?helplineId=${RK}&format=csv&fileName=${MARK}.csv`, headers: { cookie: admin, 'content-type': 'text/csv' },
        payload: `date_time,channel,kind,summary\n2022-03-05 10:30,telephone,first_contact,Import ${MARK}\n`,
      }),
    ];
    // A query that fails with the e-mail as its parameter.
    await sql`ALTER TABLE users RENAME TO users_away`.execute(db);
    provoked.push(await inject({ method: 'POST', url: '/api/auth/login', payload: { email: `${MARK}@example.org`, password: `${MARK} secret` } }));
    await sql`ALTER TABLE users_away RENAME TO users`.execute(db);

    expect(provoked.map((r) => r.statusCode)).toEqual([500, 500, 500, 500, 500]);
    const errorLines = lines.filter((l) => l.includes('"level":50'));
    expect(errorLines.length).toBeGreaterThanOrEqual(5);
    // The error is still useful to whoever reads the log: which constraint of which table.
    expect(errorLines.join('\n')).toContain('log_test_summary');
    expect(lines.filter((l) => l.includes(MARK))).toEqual([]);
  });

  it('an error whose message quotes the value loses the value, on either engine', async () => {
    const err = await db.selectFrom('contacts').select('id').where('id', '=', MARK).execute().catch((e: unknown) => e);
    expect(String((err as Error).message)).toContain(MARK); // the engine does quote it
    const logged = JSON.stringify(serializeError(err));
    expect(logged).not.toContain(MARK);
    expect(logged).toContain('22P02'); // invalid_text_representation: still says what went wrong
  });

  it('writes one line per request with its route, status and time, and none for health checks', async () => {
    lines.length = 0;
    const res = await inject({ method: 'GET', url: '/api/auth/me?x=1' });
    expect(res.statusCode).toBe(401);
    const requestLines = lines.map((l) => JSON.parse(l)).filter((l) => l.req?.url === '/api/auth/me');
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({ msg: 'request', status: 401, req: { method: 'GET', url: '/api/auth/me' } });
    expect(typeof requestLines[0].ms).toBe('number');
    lines.length = 0;
    for (let i = 0; i < 5; i++) expect((await inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect(lines.filter((l) => l.includes('/healthz'))).toEqual([]);
  });

  it('logs requests without their query string', async () => {
    lines.length = 0;
    await inject({ method: 'GET', url: `/api/contacts?helplineId=${MARK}` });
    expect(lines.some((l) => l.includes('/api/contacts'))).toBe(true);
    expect(lines.filter((l) => l.includes(MARK))).toEqual([]);
  });
});
