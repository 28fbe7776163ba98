import type { Transaction } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Database } from '../../db/types.js';

type Tx = Db | Transaction<Database>;

export function findSecondFactor(db: Tx, userId: string) {
  return db.selectFrom('second_factors').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export function confirmedUserIds(db: Db) {
  return db.selectFrom('second_factors').select('user_id').where('confirmed_at', 'is not', null).execute();
}

/** A new pending secret replaces any pending one; a confirmed one is never overwritten here. */
export function savePendingSecret(db: Db, userId: string, encryptedSecret: string) {
  return db
    .insertInto('second_factors')
    .values({ user_id: userId, totp_secret: encryptedSecret, confirmed_at: null })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ totp_secret: encryptedSecret, created_at: new Date(), last_used_step: 0 }).where('second_factors.confirmed_at', 'is', null))
    .execute();
}

export function confirmSecret(trx: Tx, userId: string, step: number) {
  return trx.updateTable('second_factors').set({ confirmed_at: new Date(), last_used_step: step }).where('user_id', '=', userId).where('confirmed_at', 'is', null).executeTakeFirst();
}

/** Takes a time step only if it is later than the last one used: of two requests with one code, one wins. */
export async function useStep(db: Db, userId: string, step: number): Promise<boolean> {
  const res = await db.updateTable('second_factors').set({ last_used_step: step }).where('user_id', '=', userId).where('confirmed_at', 'is not', null).where('last_used_step', '<', String(step)).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function replaceRecoveryCodes(trx: Tx, userId: string, hashes: string[]) {
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await trx.insertInto('recovery_codes').values(hashes.map((code_hash) => ({ user_id: userId, code_hash }))).execute();
}

/** Marks a recovery code used if it is the user's and unused; true when it was. */
export async function useRecoveryCode(db: Db, userId: string, codeHash: string): Promise<boolean> {
  const res = await db.updateTable('recovery_codes').set({ used_at: new Date() }).where('user_id', '=', userId).where('code_hash', '=', codeHash).where('used_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function unusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const row = await db.selectFrom('recovery_codes').select((eb) => eb.fn.countAll<string>().as('n')).where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Everything that lets a user past the second step, and every session: an administrator's reset. */
export async function removeSecondFactor(trx: Transaction<Database>, userId: string): Promise<boolean> {
  const removed = await trx.deleteFrom('second_factors').where('user_id', '=', userId).where('confirmed_at', 'is not', null).executeTakeFirst();
  await trx.deleteFrom('second_factors').where('user_id', '=', userId).execute();
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await trx.deleteFrom('sign_in_challenges').where('user_id', '=', userId).execute();
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  return Number(removed.numDeletedRows) > 0;
}

export function userExists(db: Tx, userId: string) {
  return db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
}

// The half-signed-in state between the password and the second step.

export async function insertChallenge(db: Db, values: { tokenHash: string; userId: string; purpose: 'verify' | 'enrol'; expiresAt: Date }) {
  // One pending sign-in per user, and expired ones go whenever a new one starts.
  await db.deleteFrom('sign_in_challenges').where((eb) => eb.or([eb('user_id', '=', values.userId), eb('expires_at', '<', new Date())])).execute();
  await db.insertInto('sign_in_challenges').values({ token_hash: values.tokenHash, user_id: values.userId, purpose: values.purpose, expires_at: values.expiresAt }).execute();
}

export function findChallenge(db: Db, tokenHash: string) {
  return db
    .selectFrom('sign_in_challenges')
    .innerJoin('users', 'users.id', 'sign_in_challenges.user_id')
    .select(['sign_in_challenges.token_hash', 'sign_in_challenges.purpose', 'sign_in_challenges.failures', 'sign_in_challenges.expires_at'])
    .selectAll('users')
    .where('sign_in_challenges.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function recordChallengeFailure(db: Db, tokenHash: string, maxFailures: number) {
  await db.updateTable('sign_in_challenges').set((eb) => ({ failures: eb('failures', '+', 1) })).where('token_hash', '=', tokenHash).execute();
  await db.deleteFrom('sign_in_challenges').where('token_hash', '=', tokenHash).where('failures', '>=', maxFailures).execute();
}

export function deleteChallenge(db: Db, tokenHash: string) {
  return db.deleteFrom('sign_in_challenges').where('token_hash', '=', tokenHash).execute();
}
