import {
  generateAuthenticationOptions, generateRegistrationOptions, verifyAuthenticationResponse, verifyRegistrationResponse,
  type AuthenticationResponseJSON, type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import type { Db } from '../../db/connection.js';
import type { AppConfig } from '../../config.js';
import { AppError, notFound } from '../../server/errors.js';
import { writeAudit } from '../audit/service.js';
import { relyingParty } from './relying-party.js';
import * as q from './queries.js';

/** How long the browser has to ask the authenticator (and the user to touch it or unlock it). */
export const PASSKEY_CHALLENGE_SECONDS = 120;
/** A user may keep a few (a laptop, a phone, a security key in the drawer); not an unbounded list. */
export const MAX_PASSKEYS = 10;

const failed = () => new AppError(400, 'passkey_failed', 'passkey');

function transportsOf(stored: string): string[] | undefined {
  return stored ? stored.split(',') : undefined;
}

export function presentPasskey(row: Awaited<ReturnType<typeof q.listPasskeys>>[number]) {
  return { id: row.id, name: row.name, createdAt: new Date(row.created_at).toISOString(), lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null };
}

export async function listPasskeys(db: Db, userId: string) {
  return (await q.listPasskeys(db, userId)).map(presentPasskey);
}

/** True when the user has a passkey: the password step then asks for a second step. */
export async function hasPasskey(db: Db, userId: string): Promise<boolean> {
  return (await q.countPasskeys(db, userId)) > 0;
}

function rpOrRefuse(config: AppConfig) {
  const rp = relyingParty(config);
  // PUBLIC_URL is an IP address other than loopback: no browser would accept a passkey for it.
  if (rp.origins.length === 0) throw new AppError(409, 'passkeys_unavailable');
  return rp;
}

/** Step 1 of adding a passkey, inside a session: what the browser hands the authenticator. */
export async function registrationOptions(db: Db, config: AppConfig, user: { id: string; email: string; displayName: string }, sessionHash: string) {
  const rp = rpOrRefuse(config);
  const existing = await q.listPasskeys(db, user.id);
  if (existing.length >= MAX_PASSKEYS) throw new AppError(409, 'passkey_limit', undefined, { max: MAX_PASSKEYS });
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: user.email,
    userDisplayName: user.displayName,
    // The same handle for every passkey of a user, so an authenticator keeps one of them, not many.
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credential_id, transports: transportsOf(p.transports) })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
    timeout: PASSKEY_CHALLENGE_SECONDS * 1000,
  });
  await q.saveChallenge(db, { boundTo: sessionHash, purpose: 'register', userId: user.id, challenge: options.challenge, expiresAt: new Date(Date.now() + PASSKEY_CHALLENGE_SECONDS * 1000) });
  return { ...options };
}

/** Takes the one challenge bound to this session or pending sign-in; refused when gone, another user's or expired. */
async function challengeFor(db: Db, boundTo: string, purpose: 'register' | 'sign_in', userId: string): Promise<string> {
  const row = await q.takeChallenge(db, boundTo, purpose);
  if (!row || row.user_id !== userId || new Date(row.expires_at).getTime() < Date.now()) throw failed();
  return row.challenge;
}

/** Step 2 of adding a passkey: the authenticator's answer is checked, its public key stored, audited. */
export async function registerPasskey(db: Db, config: AppConfig, userId: string, sessionHash: string, name: string, response: RegistrationResponseJSON) {
  const rp = rpOrRefuse(config);
  const expectedChallenge = await challengeFor(db, sessionHash, 'register', userId);
  const verification = await verifyRegistrationResponse({
    response, expectedChallenge, expectedOrigin: rp.origins, expectedRPID: rp.rpID, requireUserVerification: true,
  }).catch(() => null);
  if (!verification?.verified) throw failed();
  const { credential } = verification.registrationInfo;
  return db.transaction().execute(async (trx) => {
    const row = await q.insertPasskey(trx, {
      userId, credentialId: credential.id, publicKey: isoBase64URL.fromBuffer(credential.publicKey), signCount: credential.counter, transports: credential.transports ?? [], name,
    });
    // The same authenticator registered twice (the browser's exclude list is advisory).
    if (!row) throw new AppError(409, 'passkey_exists', 'passkey');
    // The name is the user's own words: it stays out of the audit trail.
    await writeAudit(trx, { actorId: userId, action: 'user.passkey_add', entity: 'user', entityId: userId, detail: { passkeyId: row.id } });
    return presentPasskey(row);
  });
}

/** Sign-in, after the password: a challenge for the pending sign-in, allowing this user's passkeys only. */
export async function signInOptions(db: Db, config: AppConfig, userId: string, pendingHash: string) {
  const rp = rpOrRefuse(config);
  const passkeys = await q.listPasskeys(db, userId);
  if (passkeys.length === 0) throw new AppError(409, 'no_passkey');
  const options = await generateAuthenticationOptions({
    rpID: rp.rpID,
    allowCredentials: passkeys.map((p) => ({ id: p.credential_id, transports: transportsOf(p.transports) })),
    userVerification: 'required',
    timeout: PASSKEY_CHALLENGE_SECONDS * 1000,
  });
  await q.saveChallenge(db, { boundTo: pendingHash, purpose: 'sign_in', userId, challenge: options.challenge, expiresAt: new Date(Date.now() + PASSKEY_CHALLENGE_SECONDS * 1000) });
  return { ...options };
}

/**
 * The second step with a passkey: the assertion must sign this pending sign-in's challenge, with
 * one of this user's passkeys, user verified, its counter moving forward. 400 `passkey_failed` otherwise.
 */
export async function verifyPasskeySignIn(db: Db, config: AppConfig, userId: string, pendingHash: string, response: AuthenticationResponseJSON): Promise<void> {
  const rp = rpOrRefuse(config);
  const expectedChallenge = await challengeFor(db, pendingHash, 'sign_in', userId);
  const passkey = await q.findUserPasskey(db, userId, response.id);
  if (!passkey) throw failed();
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge,
    expectedOrigin: rp.origins,
    expectedRPID: rp.rpID,
    credential: { id: passkey.credential_id, publicKey: isoBase64URL.toBuffer(passkey.public_key), counter: Number(passkey.sign_count), transports: transportsOf(passkey.transports) },
    requireUserVerification: true,
  }).catch(() => null);
  if (!verification?.verified) throw failed();
  if (!(await q.recordUse(db, passkey.id, verification.authenticationInfo.newCounter))) throw failed();
}

/** The user removes one of their passkeys (the caller has checked the password or a code). */
export async function removePasskey(db: Db, userId: string, passkeyId: string, confirmedWith: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await q.deletePasskey(trx, userId, passkeyId))) throw notFound();
    await writeAudit(trx, { actorId: userId, action: 'user.passkey_remove', entity: 'user', entityId: userId, detail: { passkeyId, confirmedWith } });
  });
}
