import type { Db } from '../../db/connection.js';
import type { AppConfig } from '../../config.js';
import type { UserRow } from '../../db/types.js';
import { AppError, notFound } from '../../server/errors.js';
import { decryptField, encryptField } from '../../server/crypto/field-encryption.js';
import { writeAudit } from '../audit/service.js';
import type { Role } from '../../shared/enums.js';
import { secondFactorRequired } from './policy.js';
import { forgetUserSessions, newToken, sha256 } from './service.js';
import { enrolmentPicture, newTotpSecret, totpStep } from './totp.js';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes.js';
import * as q from './second-factor-queries.js';
import * as passkeys from '../passkeys/queries.js';

/** How long the half-signed-in state lasts: enough to open an app, or to scan a QR code. */
export const CHALLENGE_MINUTES = { verify: 5, enrol: 15 } as const;
/** Wrong codes one pending sign-in may try; then the password is asked again. */
export const CHALLENGE_MAX_FAILURES = 5;

export type SecondStep = 'verify' | 'enrol';

/** After a right password: which second step, if any, stands between the user and a session. */
export async function secondStepFor(db: Db, user: Pick<UserRow, 'id' | 'role'>): Promise<SecondStep | null> {
  const factor = await q.findSecondFactor(db, user.id);
  // A passkey is a second factor of its own (docs/decisions/0020), with or without an app.
  if (factor?.confirmed_at || (await passkeys.countPasskeys(db, user.id)) > 0) return 'verify';
  return secondFactorRequired(user.role as Role) ? 'enrol' : null;
}

export async function openChallenge(db: Db, userId: string, purpose: SecondStep): Promise<{ token: string; maxAgeSeconds: number }> {
  const token = newToken();
  const maxAgeSeconds = CHALLENGE_MINUTES[purpose] * 60;
  await q.insertChallenge(db, { tokenHash: sha256(token), userId, purpose, expiresAt: new Date(Date.now() + maxAgeSeconds * 1000) });
  return { token, maxAgeSeconds };
}

/** The pending sign-in behind a challenge cookie, with its user; 401 when it is gone or expired. */
export async function resolveChallenge(db: Db, token: string | undefined, purpose: SecondStep) {
  const row = token ? await q.findChallenge(db, sha256(token)) : undefined;
  if (!row || row.purpose !== purpose || new Date(row.expires_at).getTime() < Date.now() || row.disabled_at) {
    throw new AppError(401, 'challenge_expired');
  }
  return row;
}

export function closeChallenge(db: Db, token: string) {
  return q.deleteChallenge(db, sha256(token));
}

export function failChallenge(db: Db, token: string) {
  return q.recordChallengeFailure(db, sha256(token), CHALLENGE_MAX_FAILURES);
}

function codeError(code: 'invalid_code' | 'code_used') {
  return new AppError(400, code, 'code');
}

/** Starts (or restarts) enrolment: a new secret, stored encrypted, shown once. */
export async function startEnrolment(db: Db, config: AppConfig, user: { id: string; email: string }) {
  const existing = await q.findSecondFactor(db, user.id);
  if (existing?.confirmed_at) throw new AppError(409, 'second_factor_exists');
  const secret = newTotpSecret();
  await q.savePendingSecret(db, user.id, encryptField(config.keyFile, secret));
  const { otpauthUrl, qrDataUrl } = await enrolmentPicture(secret, user.email);
  return { secret, otpauthUrl, qrDataUrl };
}

/** The first code from the app proves it holds the secret: the factor is on, recovery codes issued. */
export async function confirmEnrolment(db: Db, config: AppConfig, userId: string, code: string): Promise<string[]> {
  const pending = await q.findSecondFactor(db, userId);
  if (!pending || pending.confirmed_at) throw new AppError(409, pending ? 'second_factor_exists' : 'enrolment_not_started');
  const step = totpStep(decryptField(config.keyFile, pending.totp_secret), code.replace(/\s/g, ''));
  if (step === null) throw codeError('invalid_code');
  const codes = newRecoveryCodes();
  await db.transaction().execute(async (trx) => {
    const res = await q.confirmSecret(trx, userId, step);
    if (Number(res.numUpdatedRows) !== 1) throw new AppError(409, 'second_factor_exists');
    await q.replaceRecoveryCodes(trx, userId, codes.map(hashRecoveryCode));
    await writeAudit(trx, { actorId: userId, action: 'user.second_factor_enrol', entity: 'user', entityId: userId, detail: { method: 'totp', recoveryCodes: codes.length } });
  });
  return codes;
}

/**
 * The second step: a code from the app (each accepted once) or an unused recovery code.
 * Throws 400 naming the field `code` when neither matches.
 */
export async function verifySecondFactor(db: Db, config: AppConfig, userId: string, code: string): Promise<'totp' | 'recovery_code'> {
  const compact = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(compact)) {
    const factor = await q.findSecondFactor(db, userId);
    if (!factor?.confirmed_at) throw codeError('invalid_code');
    const step = totpStep(decryptField(config.keyFile, factor.totp_secret), compact);
    if (step === null) throw codeError('invalid_code');
    if (!(await q.useStep(db, userId, step))) throw codeError('code_used');
    return 'totp';
  }
  if (looksLikeRecoveryCode(compact) && (await q.useRecoveryCode(db, userId, hashRecoveryCode(compact)))) {
    await writeAudit(db, { actorId: userId, action: 'user.recovery_code_used', entity: 'user', entityId: userId, detail: { left: await q.unusedRecoveryCodes(db, userId) } });
    return 'recovery_code';
  }
  throw codeError('invalid_code');
}

export async function secondFactorStatus(db: Db, userId: string) {
  const factor = await q.findSecondFactor(db, userId);
  return { enrolled: !!factor?.confirmed_at, recoveryCodesLeft: factor?.confirmed_at ? await q.unusedRecoveryCodes(db, userId) : 0 };
}

/** Ids of the users who sign in with a second factor (the administrator's user list). */
export async function usersWithSecondFactor(db: Db): Promise<string[]> {
  const ids = [...(await q.confirmedUserIds(db)), ...(await passkeys.userIdsWithPasskeys(db))].map((r) => r.user_id);
  return [...new Set(ids)];
}

/**
 * An administrator's reset for a user who lost their phone and codes: the factor, the recovery
 * codes, the passkeys, pending sign-ins and every session go, in one audited transaction. A role that reads
 * contacts must enrol again at the next sign-in.
 */
export async function resetSecondFactor(db: Db, actorId: string | null, userId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await q.userExists(trx, userId))) throw notFound();
    const passkeysRemoved = await passkeys.deleteUserPasskeys(trx, userId);
    const hadSecondFactor = (await q.removeSecondFactor(trx, userId)) || passkeysRemoved > 0;
    await writeAudit(trx, { actorId, action: 'user.second_factor_reset', entity: 'user', entityId: userId, detail: { hadSecondFactor, passkeysRemoved, sessionsEnded: true } });
  });
  forgetUserSessions(userId);
}
