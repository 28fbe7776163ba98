import crypto from 'node:crypto';
import { hash, verify, Algorithm } from '@node-rs/argon2';
import type { Transaction } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Database } from '../../db/types.js';
import type { AppConfig } from '../../config.js';
import { AppError } from '../../server/errors.js';
import type { Role, Locale } from '../../shared/enums.js';
import type { UserRow } from '../../db/types.js';
import { secondFactorRequired, type Actor } from './policy.js';
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
  /** When this session ends (epoch ms) unless used again, and at the latest; set when read from a session. */
  endsAt?: { idle: number; absolute: number };
}

/**
 * The first step of sign-in: the password. Returns the user row; throws 401 for a wrong e-mail or
 * password (the route's login gate slows repeated failures). Opens no session (see openSession).
 */
export async function checkPassword(db: Db, email: string, password: string) {
  const user = await q.findUserByEmail(db, email);
  if (!user || user.disabled_at) {
    await verify(await DUMMY_HASH_PROMISE, password).catch(() => false);
    throw new AppError(401, 'invalid_credentials');
  }
  // No account is ever locked: attempts are slowed per e-mail, address and device (login-throttle.ts).
  const ok = await verify(user.password_hash, password).catch(() => false);
  if (!ok) throw new AppError(401, 'invalid_credentials');
  return user;
}

/** Opens a session for a user who has passed every step sign-in asks of them. */
export async function openSession(db: Db, config: AppConfig, user: UserRow, secondFactor: boolean): Promise<{ token: string; user: SessionUser }> {
  const token = newToken();
  await q.insertSession(db, sha256(token), user.id, new Date(Date.now() + config.sessionAbsoluteMs), secondFactor);
  const helplineIds = await q.userHelplineIds(db, user.id);
  return {
    token,
    user: { id: user.id, role: user.role as Role, helplineIds, email: user.email, displayName: user.display_name, locale: user.locale as Locale },
  };
}

/** Password-only sign-in, for users whose role needs no second factor and who have none (first setup). */
export async function login(db: Db, config: AppConfig, email: string, password: string): Promise<{ token: string; user: SessionUser }> {
  return openSession(db, config, await checkPassword(db, email, password), false);
}

// A session read from the database is trusted for this long on this node: a counsellor's burst
// of requests costs one lookup. Logout on this node forgets it at once; elsewhere within 2 s.
const SESSION_CACHE_MS = 2000;
const sessionCache = new Map<string, { at: number; user: SessionUser; seenWritten: number; absoluteEnd: number }>();

/**
 * How stale a session's stored last-seen time may get: it is written at most this often, from
 * every request, cached or not (at most once a minute, and often enough for a short idle limit).
 */
export function lastSeenWriteEveryMs(idleMs: number): number {
  return Math.min(60_000, Math.floor(idleMs / 4));
}

/**
 * When a session counts as idle: its stored last-seen time may lag its last request by up to one
 * write interval, so the limit allows for it. A session in use is never ended; one left alone
 * ends between the idle limit and that limit plus the interval.
 */
export function idleLimitMs(idleMs: number): number {
  return idleMs + lastSeenWriteEveryMs(idleMs);
}

/** Resolves a session token; expired (idle or absolute) sessions are deleted and yield null. */
export async function resolveSession(db: Db, config: AppConfig, token: string): Promise<SessionUser | null> {
  const tokenHash = sha256(token);
  const now = Date.now();
  const hit = sessionCache.get(tokenHash);
  if (hit && now - hit.at < SESSION_CACHE_MS) {
    // A request served from the cache is activity too: the idle clock must hear of it.
    if (now - hit.seenWritten > lastSeenWriteEveryMs(config.sessionIdleMs)) {
      hit.seenWritten = now;
      await q.touchSession(db, tokenHash, new Date(now));
    }
    return { ...hit.user, endsAt: endsAt(config, hit.seenWritten, hit.absoluteEnd) };
  }
  const found = await lookupSession(db, config, tokenHash, now);
  if (sessionCache.size > 10_000) sessionCache.clear();
  if (found) sessionCache.set(tokenHash, { at: now, ...found });
  else sessionCache.delete(tokenHash);
  return found ? { ...found.user, endsAt: endsAt(config, found.seenWritten, found.absoluteEnd) } : null;
}

async function lookupSession(db: Db, config: AppConfig, tokenHash: string, now: number): Promise<{ user: SessionUser; seenWritten: number; absoluteEnd: number } | null> {
  const row = await q.findSessionUser(db, tokenHash);
  if (!row) return null;
  const lastSeen = row.last_seen_at.getTime();
  const idleExpired = now - lastSeen > idleLimitMs(config.sessionIdleMs);
  const absoluteEnd = new Date(row.expires_at).getTime();
  // A role that reads contacts needs a session opened with a second factor, whatever opened this
  // one (a session from before two-factor sign-in, or a role changed since).
  const missingSecondFactor = !row.second_factor && secondFactorRequired(row.role as Role);
  if (idleExpired || absoluteEnd < now || row.disabled_at || missingSecondFactor) {
    await q.deleteSession(db, tokenHash);
    return null;
  }
  let seenWritten = lastSeen;
  if (now - lastSeen > lastSeenWriteEveryMs(config.sessionIdleMs)) {
    await q.touchSession(db, tokenHash, new Date(now));
    seenWritten = now;
  }
  const user: SessionUser = { id: row.id, role: row.role as Role, helplineIds: row.helpline_ids, email: row.email, displayName: row.display_name, locale: row.locale as Locale };
  return { user, seenWritten, absoluteEnd };
}

/**
 * What the web app is told about the end (decision 0019 with hardening's idle rule): the stored
 * last-seen time plus the plain idle limit. The server ends the session only at the stored time
 * plus idleLimitMs, so a warning counted from this comes early enough, never too late; the web
 * app asks the server only after that later limit has passed (web/src/modules/auth/session-expiry.ts).
 */
function endsAt(config: AppConfig, seenWritten: number, absoluteEnd: number): NonNullable<SessionUser['endsAt']> {
  return { idle: Math.min(seenWritten + config.sessionIdleMs, absoluteEnd), absolute: absoluteEnd };
}

/** "Stay signed in": restarts the idle timer now, whenever it was last written. */
export async function extendSession(db: Db, token: string): Promise<void> {
  await q.touchSession(db, sha256(token), new Date());
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

/** Drops this node's cached copy of a session, after the user changed something it holds. */
export function forgetSession(token: string): void {
  sessionCache.delete(sha256(token));
}

/** Drops this node's cached sessions of a user whose sessions were just ended in the database. */
export function forgetUserSessions(userId: string): void {
  for (const [key, hit] of sessionCache) if (hit.user.id === userId) sessionCache.delete(key);
}

/** Drops every session this node has cached: after a restore replaced the sessions table. */
export function forgetAllSessions(): void {
  sessionCache.clear();
}

export function logout(db: Db, token: string) {
  sessionCache.delete(sha256(token));
  return q.deleteSession(db, sha256(token));
}
