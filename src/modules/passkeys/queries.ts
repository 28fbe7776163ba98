import type { Transaction } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Database } from '../../db/types.js';

type Tx = Db | Transaction<Database>;

export function listPasskeys(db: Tx, userId: string) {
  return db.selectFrom('passkeys').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
}

export async function countPasskeys(db: Tx, userId: string): Promise<number> {
  const row = await db.selectFrom('passkeys').select((eb) => eb.fn.countAll<string>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findUserPasskey(db: Tx, userId: string, credentialId: string) {
  return db.selectFrom('passkeys').selectAll().where('user_id', '=', userId).where('credential_id', '=', credentialId).executeTakeFirst();
}

export function insertPasskey(db: Tx, values: { userId: string; credentialId: string; publicKey: string; signCount: number; transports: string[]; name: string }) {
  return db
    .insertInto('passkeys')
    .values({ user_id: values.userId, credential_id: values.credentialId, public_key: values.publicKey, sign_count: values.signCount, transports: values.transports.join(','), name: values.name })
    .onConflict((oc) => oc.column('credential_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/**
 * Records a use. The counter only moves forward: of two requests replaying one assertion, or a
 * cloned authenticator, only one can win (authenticators that keep no counter always send 0).
 */
export async function recordUse(db: Tx, id: string, newCount: number): Promise<boolean> {
  const res = await db
    .updateTable('passkeys')
    .set({ sign_count: newCount, last_used_at: new Date() })
    .where('id', '=', id)
    .where('sign_count', newCount === 0 ? '=' : '<', newCount === 0 ? '0' : String(newCount))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deletePasskey(db: Tx, userId: string, id: string): Promise<boolean> {
  const res = await db.deleteFrom('passkeys').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

export async function deleteUserPasskeys(db: Tx, userId: string): Promise<number> {
  await db.deleteFrom('passkey_challenges').where('user_id', '=', userId).execute();
  const res = await db.deleteFrom('passkeys').where('user_id', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows);
}

export function userIdsWithPasskeys(db: Tx) {
  return db.selectFrom('passkeys').select('user_id').distinct().execute();
}

/** A new challenge replaces any earlier one of the same session or pending sign-in. */
export async function saveChallenge(db: Db, values: { boundTo: string; purpose: 'register' | 'sign_in'; userId: string; challenge: string; expiresAt: Date }) {
  await db.deleteFrom('passkey_challenges').where('expires_at', '<', new Date()).execute();
  await db
    .insertInto('passkey_challenges')
    .values({ bound_to: values.boundTo, purpose: values.purpose, user_id: values.userId, challenge: values.challenge, expires_at: values.expiresAt })
    .onConflict((oc) => oc.columns(['bound_to', 'purpose']).doUpdateSet({ user_id: values.userId, challenge: values.challenge, expires_at: values.expiresAt }))
    .execute();
}

/** Takes the challenge out as it is read: whatever the answer, it is never checked twice. */
export function takeChallenge(db: Db, boundTo: string, purpose: 'register' | 'sign_in') {
  return db.deleteFrom('passkey_challenges').where('bound_to', '=', boundTo).where('purpose', '=', purpose).returning(['user_id', 'challenge', 'expires_at']).executeTakeFirst();
}
