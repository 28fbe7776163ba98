import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';
import { decryptField, encryptWith, nextKeyFile, readKeyFile, retiredKeyFile, writeNewKey, type FieldKey } from './field-encryption.js';
import { ENCRYPTED_COLUMNS } from './encrypted-columns.js';

export interface Rotation {
  from: string;
  to: string;
  reencrypted: number;
  /** Where the old key now is: to be moved offline with the backups it can still read. */
  retiredFile: string;
}

/** Re-encrypts, in one transaction, every value not yet under `to`; returns how many. */
async function reencryptAll(db: Db, keyFile: string, to: FieldKey): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let n = 0;
    for (const { table, key, column } of ENCRYPTED_COLUMNS) {
      const { rows } = await sql<{ k: string; v: string }>`
        SELECT ${sql.ref(key)}::text AS k, ${sql.ref(column)} AS v FROM ${sql.table(table)}
        WHERE ${sql.ref(column)} IS NOT NULL AND split_part(${sql.ref(column)}, ':', 2) <> ${to.id}
        FOR UPDATE`.execute(trx);
      for (const row of rows) {
        const value = encryptWith(to, decryptField(keyFile, row.v));
        await sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = ${value} WHERE ${sql.ref(key)}::text = ${row.k}`.execute(trx);
      }
      n += rows.length;
    }
    return n;
  });
}

function fsyncDir(dir: string) {
  const fd = fs.openSync(dir, 'r');
  try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
}

/**
 * Rotates the field-encryption key (issue 9 point 5, decision 0032). In an order where a crash at
 * any point loses nothing: the new key is written beside the current one first (`<file>.next`);
 * every value is re-encrypted under it in one transaction (a value can be read with either key
 * meanwhile, as each carries its key's id); then the old key is kept as `<file>.retired-<id>` and
 * the new one takes its place by a rename. Running it again after a crash finishes the job with
 * the same new key. Values another node wrote under the old key during the rotation are moved in a
 * second pass.
 */
export async function rotateFieldKey(db: Db, keyFile: string): Promise<Rotation> {
  const from = readKeyFile(keyFile);
  if (!from) throw new Error(`BROBYGGER_KEY_FILE (${keyFile}) does not exist: there is no key to rotate`);
  const next = nextKeyFile(keyFile);
  if (!readKeyFile(next)) writeNewKey(next);
  const to = readKeyFile(next)!;
  let reencrypted = await reencryptAll(db, keyFile, to);
  const retiredFile = retiredKeyFile(keyFile, from.id);
  if (!fs.existsSync(retiredFile)) {
    fs.copyFileSync(keyFile, retiredFile, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(retiredFile, 0o600);
  }
  fs.renameSync(next, keyFile);
  fsyncDir(path.dirname(keyFile));
  reencrypted += await reencryptAll(db, keyFile, to);
  return { from: from.id, to: to.id, reencrypted, retiredFile };
}
