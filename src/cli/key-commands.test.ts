import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { encryptField, readKeyFile } from '../server/crypto/field-encryption.js';
import { brobygger } from '../test/processes.js';
import { PROCESS_TEST_MS } from '../test/wait.js';

// Issue 9 point 5, from the command line: `key rotate`, and a start that refuses
// when encrypted values exist and their key file does not.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-key-cli-'));
const keyFile = path.join(dataDir, 'keys', 'field.key');
const env = { BROBYGGER_KEY_FILE: keyFile };
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe.skipIf(!!process.env.TEST_DATABASE_URL)('the field-encryption key from the command line', () => {
  it('rotates, says where the old key went, and a start without the key refuses and says why', async () => {
    const { db } = await openDb({ dataDir });
    try {
      await migrateToLatest(db);
      const user = await db.insertInto('users').values({ email: 'k@example.org', display_name: 'K', role: 'caseworker', password_hash: 'x', locale: 'nb' }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('second_factors').values({ user_id: user.id, totp_secret: encryptField(keyFile, 'JBSWY3DPEHPK3PXP') }).execute();
    } finally {
      await db.destroy();
    }
    const first = readKeyFile(keyFile)!.id;

    const rotated = await brobygger(dataDir, ['key', 'rotate'], '', undefined, env);
    expect(rotated.code, rotated.out).toBe(0);
    const second = readKeyFile(keyFile)!.id;
    expect(second).not.toBe(first);
    expect(rotated.out).toContain(`Key rotated from ${first} to ${second}: 1 value(s) re-encrypted`);
    expect(rotated.out).toContain(`${keyFile}.retired-${first}`);

    fs.renameSync(keyFile, `${keyFile}.elsewhere`);
    const start = await brobygger(dataDir, ['start'], '', undefined, env);
    expect(start.code).not.toBe(0);
    expect(start.out).toContain(`1 encrypted value(s) in the database need key ${second}`);
    expect(start.out).toContain('does not exist');
    // It made no new key in the missing one's place.
    expect(fs.existsSync(keyFile)).toBe(false);
  }, PROCESS_TEST_MS);
});
