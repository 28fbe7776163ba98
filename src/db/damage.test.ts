import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareDb } from '../server/start.js';
import { DamagedDatabaseError } from './integrity-files.js';
import { brobygger } from '../test/processes.js';
import { PROCESS_TEST_MS } from '../test/wait.js';

/**
 * A damaged embedded data directory is found and reported with its path and what to do, never
 * served: the two damages seen in the field, made here on purpose.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-damage-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A data directory with 3 000 contacts on many pages, cleanly closed; the contacts table's file. */
async function dataDirWithContacts(name: string): Promise<{ dataDir: string; contactsFile: string }> {
  const dataDir = path.join(root, name);
  const { db } = await prepareDb({ dataDir });
  await sql`INSERT INTO contacts (helpline_id, channel, kind, started_at, local_date, source, summary)
    SELECT 'rode-kors-telefonen', 'telephone', 'first_contact', timestamptz '2025-05-05 10:00+02' + i * interval '1 minute',
      date '2025-05-05', 'form', repeat('Samtale om kontroll i familien. ', 6) FROM generate_series(1, 3000) AS i`.execute(db);
  const { rows } = await sql<{ file: string }>`SELECT pg_relation_filepath('contacts') AS file`.execute(db);
  await sql`CHECKPOINT`.execute(db);
  await db.destroy();
  return { dataDir, contactsFile: path.join(dataDir, 'pglite', rows[0].file) };
}

describe.skipIf(!!process.env.TEST_DATABASE_URL)('a damaged embedded database', () => {
  it('a truncated table file is found at start and by `brobygger check`, with its path', { timeout: PROCESS_TEST_MS }, async () => {
    const { dataDir, contactsFile } = await dataDirWithContacts('truncated');
    expect(fs.statSync(contactsFile).size).toBeGreaterThan(8192 * 10);
    fs.truncateSync(contactsFile, 8192); // one page of many left

    const refused = await prepareDb({ dataDir }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(DamagedDatabaseError);
    const message = (refused as Error).message;
    expect(message).toContain(`The database in ${dataDir}/pglite is damaged and is not served`);
    expect(message).toContain(`table contacts (file ${path.relative(path.join(dataDir, 'pglite'), contactsFile)})`);
    expect(message).toContain('restore the latest backup');

    const check = await brobygger(dataDir, ['check']);
    expect(check.code).toBe(2);
    expect(check.out).toContain(`The database in ${dataDir}/pglite is damaged`);
    // The server does not start on it: no green /healthz for a part of the contacts.
    const start = await brobygger(dataDir, ['start']);
    expect(start.code).toBe(2);
    expect(start.out).not.toContain('Brobygger is running');
    expect(start.out).toContain('table contacts');
  });

  it('an emptied pg_wal is found before the database is opened', { timeout: PROCESS_TEST_MS }, async () => {
    const { dataDir } = await dataDirWithContacts('no-wal');
    const walDir = path.join(dataDir, 'pglite', 'pg_wal');
    for (const f of fs.readdirSync(walDir)) fs.rmSync(path.join(walDir, f), { recursive: true, force: true });

    const refused = await prepareDb({ dataDir }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(DamagedDatabaseError);
    expect((refused as Error).message).toContain(`${walDir} holds no write-ahead log`);

    const check = await brobygger(dataDir, ['check']);
    expect(check.code).toBe(2);
    expect(check.out).toContain(`The database in ${dataDir}/pglite is damaged`);
    expect(check.out).toContain('brobygger restore FILE');
  });
});
