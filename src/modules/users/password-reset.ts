import type { Db } from '../../db/connection.js';
import type { AppConfig } from '../../config.js';
import { AppError, notFound } from '../../server/errors.js';
import { endUserSessions, forgetUserSessions, hashPassword, newToken, sha256 } from '../auth/service.js';
import { writeAudit } from '../audit/service.js';
import { assertStrongPassword } from '../auth/password-strength.js';
import * as q from './queries.js';

/** How long a password-reset link works: long enough to pass it on, short enough to go stale. */
export const RESET_LINK_HOURS = 24;

/**
 * An administrator makes a one-time link for a user to set a new password. Only the token's hash
 * is stored; a newer link replaces an older one. The token travels in the link's fragment (#),
 * which browsers send neither to the server nor in the Referer header.
 */
export async function issuePasswordResetLink(db: Db, config: AppConfig, actorId: string | null, userId: string) {
  const token = newToken();
  const expiresAt = new Date(Date.now() + RESET_LINK_HOURS * 3_600_000);
  await db.transaction().execute(async (trx) => {
    if (!(await q.findUser(trx, userId))) throw notFound();
    await q.replaceResetToken(trx, { token_hash: sha256(token), user_id: userId, created_by: actorId, expires_at: expiresAt });
    await writeAudit(trx, { actorId, action: 'user.password_reset_link', entity: 'user', entityId: userId, detail: { expiresAt: expiresAt.toISOString() } });
  });
  return { url: `${config.publicUrl}/reset-password#token=${token}`, expiresAt: expiresAt.toISOString() };
}

/** Sets the new password from a link: once, before it expires; every session of the user ends. */
export async function resetPassword(db: Db, token: string, password: string): Promise<void> {
  const userId = await db.transaction().execute(async (trx) => {
    const row = await q.takeResetToken(trx, sha256(token));
    if (!row || new Date(row.expires_at).getTime() < Date.now()) throw new AppError(400, 'invalid_reset_token', 'token');
    // The same rule as everywhere a password is chosen (decision 0018); a refusal rolls back, so
    // the link still works for a better password.
    const user = await trx.selectFrom('users').select(['email', 'display_name']).where('id', '=', row.user_id).executeTakeFirstOrThrow();
    assertStrongPassword(password, [user.email, user.display_name]);
    await q.setPassword(trx, row.user_id, await hashPassword(password));
    await endUserSessions(trx, row.user_id);
    await writeAudit(trx, { actorId: row.user_id, action: 'user.password_reset', entity: 'user', entityId: row.user_id });
    return row.user_id;
  });
  forgetUserSessions(userId);
}
