import crypto from 'node:crypto';
import { hash, verify, Algorithm } from '@node-rs/argon2';
import type { Db } from '../../db/connection.js';
import type { AppConfig } from '../../config.js';
import { AppError } from '../../server/errors.js';
import type { Role, Locale } from '../../shared/enums.js';
import type { Actor } from './policy.js';
import * as q from './queries.js';

// Used when the e-mail is unknown, so a wrong e-mail costs as long as a wrong password.
const DUMMY_HASH_PROMISE = hashPassword('not-a-real-password-000');

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: Algorithm.Argon2id });
}

export function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}

export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export interface SessionUser extends Actor {
  email: string;
  displayName: string;
  locale: Locale;
}

export async function login(db: Db, config: AppConfig, email: string, password: string): Promise<{ token: string; user: SessionUser }> {
  const user = await q.findUserByEmail(db, email);
  if (!user || user.disabled_at) {
    await verify(await DUMMY_HASH_PROMISE, password).catch(() => false);
    throw new AppError(401, 'invalid_credentials');
  }
  // No account is ever locked: attempts are slowed per e-mail, address and device (login-throttle.ts).
  const ok = await verify(user.password_hash, password).catch(() => false);
  if (!ok) throw new AppError(401, 'invalid_credentials');
  const token = newToken();
  await q.insertSession(db, sha256(token), user.id, new Date(Date.now() + config.sessionAbsoluteMs));
  const helplineIds = await q.userHelplineIds(db, user.id);
  return {
    token,
    user: { id: user.id, role: user.role as Role, helplineIds, email: user.email, displayName: user.display_name, locale: user.locale as Locale },
  };
}

/** Resolves a session token; expired (idle or absolute) sessions are deleted and yield null. */
// A session read from the database is trusted for this long on this node: a counsellor's burst
// of requests costs one lookup. Logout on this node forgets it at once; elsewhere within 2 s.
const SESSION_CACHE_MS = 2000;
const sessionCache = new Map<string, { at: number; user: SessionUser }>();

export async function resolveSession(db: Db, config: AppConfig, token: string): Promise<SessionUser | null> {
  const tokenHash = sha256(token);
  const hit = sessionCache.get(tokenHash);
  if (hit && Date.now() - hit.at < SESSION_CACHE_MS) return hit.user;
  const user = await lookupSession(db, config, tokenHash);
  if (sessionCache.size > 10_000) sessionCache.clear();
  if (user) sessionCache.set(tokenHash, { at: Date.now(), user });
  else sessionCache.delete(tokenHash);
  return user;
}

async function lookupSession(db: Db, config: AppConfig, tokenHash: string): Promise<SessionUser | null> {
  const row = await q.findSessionUser(db, tokenHash);
  if (!row) return null;
  const now = Date.now();
  const idleExpired = row.last_seen_at.getTime() + config.sessionIdleMs < now;
  if (idleExpired || new Date(row.expires_at).getTime() < now || row.disabled_at) {
    await q.deleteSession(db, tokenHash);
    return null;
  }
  // Write last-seen at most once a minute: a session is read on every request.
  if (now - row.last_seen_at.getTime() > 60_000) await q.touchSession(db, tokenHash);
  return { id: row.id, role: row.role as Role, helplineIds: row.helpline_ids, email: row.email, displayName: row.display_name, locale: row.locale as Locale };
}

/** Drops this node's cached copy of a session, after the user changed something it holds. */
export function forgetSession(token: string): void {
  sessionCache.delete(sha256(token));
}

export function logout(db: Db, token: string) {
  sessionCache.delete(sha256(token));
  return q.deleteSession(db, sha256(token));
}
