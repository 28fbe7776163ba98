import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Database } from '../../db/types.js';
import { PREPARED } from '../../db/prepared.js';

export function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase())).executeTakeFirst();
}

export function findSessionUser(db: Db, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.token_hash', 'sessions.last_seen_at', 'sessions.expires_at', 'sessions.second_factor', 'users.id', 'users.email', 'users.role', 'users.locale', 'users.display_name', 'users.disabled_at'])
    // The user's helplines in the same round trip: this runs on every request.
    .select(sql<string[]>`coalesce((SELECT array_agg(uh.helpline_id ORDER BY uh.helpline_id) FROM user_helplines uh WHERE uh.user_id = users.id), '{}')`.as('helpline_ids'))
    .where('sessions.token_hash', '=', tokenHash)
    .modifyEnd(sql.raw(PREPARED))
    .executeTakeFirst();
}

export async function userHelplineIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_helplines').select('helpline_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.helpline_id);
}

/** A new session is a sign-in: administrators see its time in the user list. */
export async function insertSession(db: Db, tokenHash: string, userId: string, expiresAt: Date, secondFactor = false) {
  await db.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt, second_factor: secondFactor }).execute();
  await db.updateTable('users').set({ last_login_at: new Date() }).where('id', '=', userId).execute();
}

export function touchSession(db: Db, tokenHash: string, at: Date) {
  // Never backwards: another node may have written a later request already.
  return db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).where('last_seen_at', '<', at).execute();
}

export function deleteSession(db: Db, tokenHash: string) {
  return db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export function deleteUserSessions(db: Db | Transaction<Database>, userId: string) {
  return db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** How a key is slowed: free failures, then a wait of `firstSeconds` doubling per failure, at most `maxSeconds`. */
export interface SlowDown {
  free: number;
  firstSeconds: number;
  maxSeconds: number;
}

// Sign-in slow-down (login-throttle.ts): the wait after n failures, in seconds, in SQL.
const delaySql = (s: SlowDown) =>
  sql`CASE WHEN login_failures.failures < ${s.free} THEN 0 ELSE LEAST(${s.firstSeconds} * power(2, login_failures.failures - ${s.free}), ${s.maxSeconds}) END`;

/**
 * Counts an attempt against a key before the password is checked, in one statement, so parallel
 * attempts cannot all pass one open gate. False (nothing counted) while the key must still wait.
 */
export async function claimLoginAttempt(db: Db, key: string, slowDown: SlowDown, now: Date, forgetBefore: Date): Promise<boolean> {
  const { rows } = await sql<{ failures: number }>`
    INSERT INTO login_failures (key, failures, last_failed_at) VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN login_failures.last_failed_at < ${forgetBefore} THEN 1 ELSE login_failures.failures + 1 END,
      last_failed_at = ${now}
    WHERE login_failures.last_failed_at < ${forgetBefore}
       OR login_failures.last_failed_at + make_interval(secs => ${delaySql(slowDown)}) <= ${now}
    RETURNING failures`.execute(db);
  return rows.length > 0;
}

/** Milliseconds until a key may try again. */
export async function loginWaitMs(db: Db, key: string, slowDown: SlowDown, now: Date): Promise<number> {
  const { rows } = await sql<{ until: Date }>`
    SELECT login_failures.last_failed_at + make_interval(secs => ${delaySql(slowDown)}) AS until
    FROM login_failures WHERE key = ${key}`.execute(db);
  return rows.length ? new Date(rows[0].until).getTime() - now.getTime() : 0;
}

/** Takes back an attempt counted by claimLoginAttempt (it succeeded, or was never made). */
export async function releaseLoginAttempt(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_failures').where('key', '=', key).where('failures', '<=', 1).execute();
  await db.updateTable('login_failures').set((eb) => ({ failures: eb('failures', '-', 1) })).where('key', '=', key).where('failures', '>', 1).execute();
}

export async function clearLoginFailures(db: Db, keys: string[]): Promise<void> {
  if (keys.length) await db.deleteFrom('login_failures').where('key', 'in', keys).execute();
}

/** Failures nobody needs to remember any more (the longest wait is far shorter). */
export async function forgetLoginFailures(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('login_failures').where('last_failed_at', '<', before).execute();
}

/** Whether a device token was given to the user who has this e-mail. */
export async function isDeviceOfEmail(db: Db, tokenHash: string, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('login_devices')
    .innerJoin('users', 'users.id', 'login_devices.user_id')
    .select('login_devices.token_hash')
    .where('login_devices.token_hash', '=', tokenHash)
    .where((eb) => eb(eb.fn('lower', ['users.email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
  return row !== undefined;
}

export function insertLoginDevice(db: Db, tokenHash: string, userId: string) {
  return db.insertInto('login_devices').values({ token_hash: tokenHash, user_id: userId }).execute();
}

/** Device cookies expire in the browser after a year; their rows go then too. */
export async function forgetLoginDevices(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('login_devices').where('created_at', '<', before).execute();
}
