import type { CliCommand } from './command.js';
import { keyById, readKeyFile } from '../server/crypto/field-encryption.js';
import { forgetValuesUnder, storedKeyIds } from '../server/crypto/encrypted-columns.js';
import { rotateFieldKey } from '../server/crypto/rotate-key.js';

// The field-encryption key (BROBYGGER_KEY_FILE, decision 0032): which key the values need, and rotation.

/** Which key is current, and how many encrypted values each key id holds. */
export const keyStatus: CliCommand = async (ctx) => {
  const current = readKeyFile(ctx.config.keyFile);
  ctx.print(current ? `Current key: ${current.id} (${ctx.config.keyFile})` : `No key yet at ${ctx.config.keyFile}: one is made when the first value is encrypted.`);
  const ids = await storedKeyIds(ctx.db);
  if (!ids.size) ctx.print('Encrypted values: none.');
  for (const [id, n] of ids) ctx.print(`Encrypted values under key ${id}: ${n}${id === current?.id ? ' (current)' : ''}`);
  return 0;
};

export const keyRotate: CliCommand = async (ctx) => {
  const r = await rotateFieldKey(ctx.db, ctx.config.keyFile);
  ctx.print(`Key rotated from ${r.from} to ${r.to}: ${r.reencrypted} value(s) re-encrypted, ${ctx.config.keyFile} holds the new key.`);
  ctx.print(`The old key is kept as ${r.retiredFile}: backups made before now need it. Move it offline with them, and delete it when they expire.`);
  ctx.print('On PostgreSQL with several nodes: copy the new key file to every node now (they read it again when it changes).');
  return 0;
};

/**
 * When a key is lost for good (a backup restored without its key file): the values under it can
 * never be read again, and the start refuses while they exist. This removes them, with `--yes`:
 * users under it enrol their second factor again, persons' names and safe contact and protected
 * addresses are to be asked for again. Everything else stays. Audited, numbers only.
 */
export const keyForgetUnreadable: CliCommand = async (ctx, args) => {
  const lost = [...(await storedKeyIds(ctx.db)).keys()].filter((id) => !keyById(ctx.config.keyFile, id));
  if (!lost.length) {
    ctx.print('Every encrypted value can be read with the keys there are: nothing to forget.');
    return 0;
  }
  if (!args.includes('--yes')) {
    ctx.print(`Values under key ${lost.join(', ')} cannot be read with the keys there are. Restore that key file if you can; to remove those values for good, run again with --yes.`);
    return 1;
  }
  const removed = await forgetValuesUnder(ctx.db, lost);
  ctx.print(`Removed ${removed} value(s) under key ${lost.join(', ')}. Users without a second factor now enrol again when they sign in.`);
  return 0;
};
