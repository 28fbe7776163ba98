import crypto from 'node:crypto';
import { hash, verify, Algorithm } from '@node-rs/argon2';
import type { Transaction } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Database } from '../../db/types.js';
import type { AppConfig } from '../../config.js';
import { AppError } from '../../server/errors.js';
import type { Role, Locale } from '../../shared/enums.js';
import type { Actor } from './policy.js';
import * as q from './queries.js';

const MAX_FAILED_LOGINS = 5;
const LOCK_MINUTES = 15;
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
  /** When this session ends (epoch ms) unless used again, and at the latest; set when read from a session. */
  endsAt?: { idle: number; absolute: number };
}

export async function login(db: Db, config: AppConfig, email: string, password: string): Promise<{ token: string; user: SessionUser }> {
  const user = await q.findUserByEmail(db, email);
  if (!user || user.disabled_at) {
    await verify(await DUMMY_HASH_PROMISE, password).catch(() => false);
    throw new AppError(401, 'invalid_credentials');
  }
  if (user.locked_until && user.locked_until > new Date()) {
    const minutes = Math.ceil((user.locked_until.getTime() - Date.now()) / 60_000);
    throw new AppError(429, 'locked', undefined, { minutes });
  }
  const ok = await verify(user.password_hash, password).catch(() => false);
  if (!ok) {
    const failures = user.failed_logins + 1;
    const lockedUntil = failures >= MAX_FAILED_LOGINS ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null;
    await q.recordFailedLogin(db, user.id, lockedUntil);
    throw new AppError(401, 'invalid_credentials');
  }
  await q.clearFailedLogins(db, user.id);
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
  const absoluteEnd = new Date(row.expires_at).getTime();
  if (idleExpired || absoluteEnd < now || row.disabled_at) {
    await q.deleteSession(db, tokenHash);
    return null;
  }
  // Write last-seen at most once a minute (a session is read on every request), and at least ten
  // times per idle period, so a session in use never runs out however short the idle time is.
  let lastSeen = row.last_seen_at.getTime();
  if (now - lastSeen > Math.min(60_000, config.sessionIdleMs / 10)) {
    await q.touchSession(db, tokenHash);
    lastSeen = now;
  }
  return {
    id: row.id, role: row.role as Role, helplineIds: row.helpline_ids, email: row.email, displayName: row.display_name, locale: row.locale as Locale,
    endsAt: { idle: Math.min(lastSeen + config.sessionIdleMs, absoluteEnd), absolute: absoluteEnd },
  };
}

/** "Stay signed in": restarts the idle timer now, whenever it was last written. */
export async function extendSession(db: Db, token: string): Promise<void> {
  await q.touchSession(db, sha256(token));
  sessionCache.delete(sha256(token));
}

/**
 * Ends every session of a user (deactivated, role changed, password reset). This node forgets
 * them at once; other nodes within their 2 s cache (decision 0005) — the database rows are gone.
 */
export async function endUserSessions(db: Db | Transaction<Database>, userId: string): Promise<void> {
  await q.deleteUserSessions(db, userId);
  forgetUserSessions(userId);
}

/** Drops this node's cached sessions of a user, after something they hold (helplines) changed. */
export function forgetUserSessions(userId: string): void {
  for (const [hash, entry] of sessionCache) if (entry.user.id === userId) sessionCache.delete(hash);
}

/** Drops this node's cached copy of a session, after the user changed something it holds. */
export function forgetSession(token: string): void {
  sessionCache.delete(sha256(token));
}

export function logout(db: Db, token: string) {
  sessionCache.delete(sha256(token));
  return q.deleteSession(db, sha256(token));
}
