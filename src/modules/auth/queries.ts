import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Database } from '../../db/types.js';

export function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase())).executeTakeFirst();
}

export function findSessionUser(db: Db, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.token_hash', 'sessions.last_seen_at', 'sessions.expires_at', 'users.id', 'users.email', 'users.role', 'users.locale', 'users.display_name', 'users.disabled_at'])
    // The user's helplines in the same round trip: this runs on every request.
    .select(sql<string[]>`coalesce((SELECT array_agg(uh.helpline_id ORDER BY uh.helpline_id) FROM user_helplines uh WHERE uh.user_id = users.id), '{}')`.as('helpline_ids'))
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function userHelplineIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_helplines').select('helpline_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.helpline_id);
}

/** A new session is a sign-in: administrators see its time in the user list. */
export async function insertSession(db: Db, tokenHash: string, userId: string, expiresAt: Date) {
  await db.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt }).execute();
  await db.updateTable('users').set({ last_login_at: new Date() }).where('id', '=', userId).execute();
}

export function touchSession(db: Db, tokenHash: string) {
  return db.updateTable('sessions').set({ last_seen_at: new Date() }).where('token_hash', '=', tokenHash).execute();
}

export function deleteSession(db: Db, tokenHash: string) {
  return db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export function deleteUserSessions(db: Db | Transaction<Database>, userId: string) {
  return db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export function recordFailedLogin(db: Db, userId: string, lockedUntil: Date | null) {
  return db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1), locked_until: lockedUntil }))
    .where('id', '=', userId)
    .execute();
}

export function clearFailedLogins(db: Db, userId: string) {
  return db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}
