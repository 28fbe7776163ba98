import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../db/connection.js';
import { freshDb } from '../test/db.js';
import { PASSWORD, RK } from '../test/app.js';
import { rehashAuditFrom, tamperAudit } from '../test/audit-tamper.js';
import { brobygger as runCli, startServerProcess, type ServerProcess } from '../test/processes.js';

/**
 * Audit anchors as an operator meets them (decision 0024): a real server writes them to its log
 * and to AUDIT_ANCHOR_FILE, also when it is stopped; `brobygger audit verify` checks the chain
 * against them, or against a copy collected from the log (`--anchors FILE`). PGlite data directory,
 * or PostgreSQL when TEST_DATABASE_URL is set.
 */
const onPostgres = !!process.env.TEST_DATABASE_URL;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-audit-anchors-'));
const dataDir = path.join(root, 'data');
const anchorsDir = path.join(root, 'anchors');
const anchorFile = path.join(anchorsDir, 'audit-anchors.jsonl');
let pgUrl: string | undefined;
let pgDb: Db | undefined;
let dropPg: (() => Promise<void>) | undefined;
let server: ServerProcess | undefined;

beforeAll(async () => {
  fs.mkdirSync(dataDir);
  fs.mkdirSync(anchorsDir);
  if (onPostgres) ({ url: pgUrl, db: pgDb, drop: dropPg } = await freshDb());
});
afterAll(async () => {
  await server?.kill();
  await dropPg?.();
  fs.rmSync(root, { recursive: true, force: true });
});

const dbEnv = () => (pgUrl ? { DATABASE_URL: pgUrl } : {});
const withAnchors = () => ({ ...dbEnv(), AUDIT_ANCHOR_FILE: anchorFile });
const brobygger = (args: string[], env: NodeJS.ProcessEnv, opts: { stdin?: string; cwd?: string } = {}) => runCli(dataDir, args, opts.stdin ?? '', opts.cwd, env);
const anchorsInFile = () => fs.readFileSync(anchorFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

/** Changes the stored log while no brobygger process has it open. */
async function onTheDatabase(change: (db: Db) => Promise<void>) {
  const db = pgDb ?? (await openDb({ dataDir })).db;
  try {
    await change(db);
  } finally {
    if (!pgDb) await db.destroy();
  }
}

async function until(what: string, condition: () => boolean, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Processes that migrate a database on a busy 2-core machine: room to spare.
const SLOW = { timeout: 300_000 };

describe('audit anchors, from a running server to brobygger audit verify', () => {
  it('refuses to start with AUDIT_ANCHOR_FILE inside DATA_DIR, or one it cannot write', SLOW, async () => {
    const res = await brobygger(['start'], { ...dbEnv(), AUDIT_ANCHOR_FILE: path.join(dataDir, 'anchors.jsonl') });
    expect(res.code).toBe(1);
    expect(res.out).toContain('Invalid configuration: AUDIT_ANCHOR_FILE must be outside DATA_DIR');
    expect(fs.existsSync(path.join(dataDir, 'anchors.jsonl'))).toBe(false);
    // Nor with one it cannot write: found at the start, not at the first anchor.
    const missing = path.join(root, 'no-such-dir', 'anchors.jsonl');
    const unwritable = await brobygger(['start'], { ...dbEnv(), AUDIT_ANCHOR_FILE: missing });
    expect(unwritable.code).toBe(1);
    expect(unwritable.out).toContain(`Invalid configuration: AUDIT_ANCHOR_FILE ${missing} cannot be written: ENOENT`);
  });

  it('the server anchors the head, also at shutdown; a re-hashed chain passes alone but not against the anchors', SLOW, async () => {
    // An hour between anchors: after the first, only the shutdown writes one.
    // No initial directory: the entries counted below are the operator's own, one per command.
    server = await startServerProcess(dataDir, 180_000, { ...withAnchors(), LOG_LEVEL: 'info', AUDIT_ANCHOR_INTERVAL_SECONDS: '3600', DIRECTORY_INITIAL_CONTENT: 'none' });
    const create = (email: string, role: string) => brobygger(['user', 'create', '--email', email, '--role', role, '--helpline', RK], withAnchors(), { stdin: `${PASSWORD}\n` });
    expect((await create('admin@example.org', 'admin')).code).toBe(0); // entry 1
    await until('the first anchor', () => fs.existsSync(anchorFile) && anchorsInFile().length > 0);
    expect(anchorsInFile().map((a) => a.seq)).toEqual(['1']);
    expect((await create('kari@example.org', 'counsellor')).code).toBe(0); // entry 2
    expect((await create('ola@example.org', 'counsellor')).code).toBe(0); // entry 3
    await server.stop();
    const anchors = anchorsInFile();
    expect(anchors.map((a) => a.seq)).toEqual(['1', '3']);
    // The server's log carries the same anchors: an operator can collect them from there.
    const fromLog = server.output().split('\n').filter((line) => line.includes('"auditAnchor"'));
    expect(fromLog.map((line) => JSON.parse(line).auditAnchor)).toEqual(anchors);
    fs.writeFileSync(path.join(anchorsDir, 'collected-from-log.txt'), `${server.output()}\n`);
    server = undefined;

    expect(await brobygger(['audit', 'verify'], withAnchors())).toEqual({ code: 0, out: 'Audit log intact: 3 entries verified.\nAnchors: 2 checked, all agree (up to entry 3).\n' });

    // A superuser makes Kari's creation (entry 2) something else and re-hashes entries 2 and 3.
    await onTheDatabase(async (db) => {
      await tamperAudit(db, sql`UPDATE audit_log SET action = 'user.reactivate' WHERE chain_seq = 2`);
      await rehashAuditFrom(db, 2);
    });
    // Without anchors the chain verifies: the limit decision 0024 addresses.
    expect(await brobygger(['audit', 'verify'], dbEnv())).toEqual({ code: 0, out: 'Audit log intact: 3 entries verified.\n' });
    const broken = `Audit log broken at entry 3 (of 3 sealed entries): entry 3 is changed or gone since it was anchored at ${anchors[1].at}; the change lies after entry 1, the last anchor that agrees.\n`;
    expect(await brobygger(['audit', 'verify'], withAnchors())).toEqual({ code: 1, out: broken });
    // The copy collected from the log, named relative to the caller's directory.
    expect(await brobygger(['audit', 'verify', '--anchors', 'collected-from-log.txt'], dbEnv(), { cwd: anchorsDir })).toEqual({ code: 1, out: broken });

    // The last entry deleted as well: the chain is whole but one short; the anchor of entry 3 names it.
    await onTheDatabase((db) => tamperAudit(db, sql`DELETE FROM audit_log WHERE chain_seq = 3`));
    expect(await brobygger(['audit', 'verify'], withAnchors())).toEqual({
      code: 1,
      out: `Audit log broken at entry 3 (of 2 sealed entries): entry 3 is changed or gone since it was anchored at ${anchors[1].at}; the change lies after entry 1, the last anchor that agrees.\n`,
    });
    expect(await brobygger(['audit', 'verify', '--anchors', path.join(anchorsDir, 'none.jsonl')], dbEnv())).toEqual({ code: 1, out: `Audit anchors: ${path.join(anchorsDir, 'none.jsonl')} cannot be read: ENOENT\n` });
  });
});
