import type { Db } from '../../db/connection.js';
import { keyById, readKeyFile } from './field-encryption.js';
import { storedKeyIds } from './encrypted-columns.js';

/** A start that would leave encrypted values unreadable: the message says what to do. */
export class MissingFieldKeyError extends Error {}

/**
 * Refuses to go on when the database holds encrypted values (a second factor, a person's name, a
 * protected address) whose key is not there: a missing BROBYGGER_KEY_FILE would otherwise be
 * replaced by a new key on first use, and every value under the old one lost for good.
 */
export async function assertFieldKeys(db: Db, keyFile: string): Promise<void> {
  const ids = await storedKeyIds(db);
  const missing = [...ids].filter(([id]) => !keyById(keyFile, id));
  if (!missing.length) return;
  const values = missing.reduce((n, [, count]) => n + count, 0);
  const current = readKeyFile(keyFile);
  throw new MissingFieldKeyError(
    `${values} encrypted value(s) in the database need key ${missing.map(([id]) => id).join(', ')}, but ` +
    (current ? `BROBYGGER_KEY_FILE (${keyFile}) holds key ${current.id}` : `BROBYGGER_KEY_FILE (${keyFile}) does not exist`) +
    '. Restore the key file from where it is kept (docs/operations.md, "Field-encryption key"). Brobygger does not start without it: a new key would leave those values unreadable.',
  );
}
