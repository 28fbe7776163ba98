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
  const users = await db.selectFrom('users').selectAll().orderBy('email').execute();
  const links = await db.selectFrom('user_helplines').selectAll().execute();
  return users.map((u) => ({ ...u, helplineIds: links.filter((l) => l.user_id === u.id).map((l) => l.helpline_id) }));
}

export function updateLocale(db: Db, userId: string, locale: string) {
  return db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}

export function existingHelplineIds(db: Db | Transaction<Database>, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as { id: string }[]);
  return db.selectFrom('helplines').select('id').where('id', 'in', ids).execute();
}
