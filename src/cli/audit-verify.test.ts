import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../db/connection.js';
import { freshDb } from '../test/db.js';
import { PASSWORD, RK } from '../test/app.js';
import { brobygger as runCli, startServerProcess, type ServerProcess } from '../test/processes.js';
import { PROCESS_TEST_MS } from '../test/wait.js';

/**
 * `brobygger audit verify` as an operator runs it: a real process on a real database (a PGlite data
 * directory, or PostgreSQL when TEST_DATABASE_URL is set), directly and through a running server.
 */
const onPostgres = !!process.env.TEST_DATABASE_URL;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-audit-verify-'));
let pgUrl: string | undefined;
let pgDb: Db | undefined;
let dropPg: (() => Promise<void>) | undefined;
let server: ServerProcess | undefined;

beforeAll(async () => {
  if (onPostgres) ({ url: pgUrl, db: pgDb, drop: dropPg } = await freshDb());
});
afterAll(async () => {
  await server?.kill();
  await dropPg?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Runs `brobygger ARGS` to its end, on this test's data directory or PostgreSQL database. */
const brobygger = (args: string[], stdin = '') => runCli(dataDir, args, stdin, undefined, pgUrl ? { DATABASE_URL: pgUrl } : {});

/** Changes the stored log past its append-only trigger, as a database superuser could, while no brobygger process has it open. */
async function tamper(statement: ReturnType<typeof sql>) {
  const db = pgDb ?? (await openDb({ dataDir })).db;
  try {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(db);
    await statement.execute(db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`.execute(db);
  } finally {
    if (!pgDb) await db.destroy();
  }
}

// Processes that migrate a database on a busy 2-core machine: room to spare.
const SLOW = { timeout: PROCESS_TEST_MS };

describe('brobygger audit verify', () => {
  it('without a server: exit 0 and the count on an intact chain; exit 1 naming the changed entry', SLOW, async () => {
    // Three audited actions, in order: 1 and 2 user.create, 3 user.update.
    expect((await brobygger(['user', 'create', '--email', 'admin@example.org', '--role', 'admin'], `${PASSWORD}\n`)).code).toBe(0);
    expect((await brobygger(['user', 'create', '--email', 'kari@example.org', '--role', 'counsellor', '--helpline', RK], `${PASSWORD}\n`)).code).toBe(0);
    expect((await brobygger(['user', 'set-role', '--email', 'kari@example.org', '--role', 'coordinator'])).code).toBe(0);

    expect(await brobygger(['audit', 'verify'])).toEqual({ code: 0, out: 'Audit log intact: 3 entries verified.\n' });

    // Kari's creation (entry 2) rewritten as something else.
    await tamper(sql`UPDATE audit_log SET action = 'user.reactivate' WHERE chain_seq = 2`);
    expect(await brobygger(['audit', 'verify'])).toEqual({ code: 1, out: 'Audit log broken at entry 2 (of 3 sealed entries).\n' });
  });

  // On PostgreSQL the CLI connects to the server itself; the embedded database is reached through
  // the server that holds its data directory.
  it.skipIf(onPostgres)('through a running server: the same answer and exit code', SLOW, async () => {
    // No initial directory: the entries counted are the three commands' own.
    server = await startServerProcess(dataDir, undefined, { DIRECTORY_INITIAL_CONTENT: 'none' });
    expect(await brobygger(['audit', 'verify'])).toEqual({ code: 1, out: 'Audit log broken at entry 2 (of 3 sealed entries).\n' });
    // It was the server that answered: the directory is its alone.
    expect((await brobygger(['start'])).out).toContain(`in use by process ${server.child.pid}`);
  });
});
