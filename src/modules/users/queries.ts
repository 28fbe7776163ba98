import type { Transaction } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Database } from '../../db/types.js';

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertUser(trx: Transaction<Database>, values: { email: string; display_name: string; password_hash: string; role: string; locale: string }) {
  return trx.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow();
}

export function setHelplines(trx: Transaction<Database>, userId: string, helplineIds: string[]) {
  if (!helplineIds.length) return Promise.resolve();
  return trx.insertInto('user_helplines').values(helplineIds.map((helpline_id) => ({ user_id: userId, helpline_id }))).execute();
}

export function emailExists(db: Db | Transaction<Database>, email: string) {
  return db.selectFrom('users').select('id').where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase())).executeTakeFirst();
}

export async function listUsers(db: Db) {
  const users = await db.selectFrom('users').select(['id', 'email', 'display_name', 'role', 'locale', 'disabled_at', 'last_login_at']).orderBy('email').execute();
  const links = await db.selectFrom('user_helplines').selectAll().orderBy('helpline_id').execute();
  return users.map((u) => ({ ...u, helplineIds: links.filter((l) => l.user_id === u.id).map((l) => l.helpline_id) }));
}

export function updateLocale(db: Db, userId: string, locale: string) {
  return db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}

export function existingHelplineIds(db: Db | Transaction<Database>, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as { id: string }[]);
  return db.selectFrom('helplines').select('id').where('id', 'in', ids).execute();
}

export function findUser(db: Db | Transaction<Database>, id: string) {
  return db.selectFrom('users').select(['id', 'email', 'role', 'disabled_at']).where('id', '=', id).executeTakeFirst();
}

/**
 * The active administrators other than `exceptId`, locked until the transaction ends: two
 * administrators demoting each other at once cannot both see the other as the one left.
 */
export async function otherActiveAdmins(trx: Transaction<Database>, exceptId: string): Promise<number> {
  const rows = await trx
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .where('id', '!=', exceptId)
    .forUpdate()
    .execute();
  return rows.length;
}

export function updateRole(trx: Transaction<Database>, userId: string, role: string) {
  return trx.updateTable('users').set({ role }).where('id', '=', userId).execute();
}

export async function replaceHelplines(trx: Transaction<Database>, userId: string, helplineIds: string[]) {
  await trx.deleteFrom('user_helplines').where('user_id', '=', userId).execute();
  await setHelplines(trx, userId, helplineIds);
}

export function setDisabled(trx: Transaction<Database>, userId: string, disabledAt: Date | null) {
  return trx.updateTable('users').set({ disabled_at: disabledAt }).where('id', '=', userId).execute();
}

export async function replaceResetToken(trx: Transaction<Database>, values: { token_hash: string; user_id: string; created_by: string | null; expires_at: Date }) {
  // The user's older link goes, and so does every expired one: links are few, this keeps them so.
  await trx.deleteFrom('password_reset_tokens').where((eb) => eb.or([eb('user_id', '=', values.user_id), eb('expires_at', '<', new Date())])).execute();
  await trx.insertInto('password_reset_tokens').values(values).execute();
}

/** Takes a reset token out of the table: of two simultaneous uses, only one gets the row. */
export function takeResetToken(trx: Transaction<Database>, tokenHash: string) {
  return trx.deleteFrom('password_reset_tokens').where('token_hash', '=', tokenHash).returning(['user_id', 'expires_at']).executeTakeFirst();
}

export function setPassword(trx: Transaction<Database>, userId: string, passwordHash: string) {
  return trx.updateTable('users').set({ password_hash: passwordHash, failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}
