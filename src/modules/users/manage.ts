import type { Transaction } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Database } from '../../db/types.js';
import { AppError, notFound } from '../../server/errors.js';
import type { Role } from '../../shared/enums.js';
import { endUserSessions, forgetUserSessions } from '../auth/service.js';
import { writeAudit } from '../audit/service.js';
import * as q from './queries.js';

/**
 * Changing who a user is and what they may do. Every change is audited with ids and roles only;
 * a change that takes rights away ends the user's sessions at once (this node at once, other
 * nodes within their 2 s session cache — decision 0019), and the last active administrator can
 * be neither demoted nor deactivated, so the organisation cannot lock itself out.
 */

async function targetOf(trx: Transaction<Database>, userId: string) {
  const user = await q.findUser(trx, userId);
  if (!user) throw notFound();
  return user;
}

async function keepAnAdmin(trx: Transaction<Database>, user: { id: string; role: string; disabled_at: Date | null }) {
  if (user.role !== 'admin' || user.disabled_at) return;
  if ((await q.otherActiveAdmins(trx, user.id)) === 0) throw new AppError(409, 'last_admin');
}

async function checkHelplines(trx: Transaction<Database>, helplineIds: string[]) {
  const known = await q.existingHelplineIds(trx, helplineIds);
  if (helplineIds.some((id) => !known.some((k) => k.id === id))) throw new AppError(400, 'invalid_value', 'helplineIds');
}

export interface UserChange {
  role?: Role;
  helplineIds?: string[];
}

export async function updateUser(db: Db, actorId: string | null, userId: string, change: UserChange): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await targetOf(trx, userId);
    const detail: Record<string, unknown> = {};
    const newRole = change.role !== undefined && change.role !== user.role ? change.role : undefined;
    if (newRole) {
      await keepAnAdmin(trx, user);
      await q.updateRole(trx, userId, newRole);
      detail.role = { from: user.role, to: newRole };
    }
    if (change.helplineIds) {
      const helplineIds = [...new Set(change.helplineIds)];
      await checkHelplines(trx, helplineIds);
      await q.replaceHelplines(trx, userId, helplineIds);
      detail.helplineIds = helplineIds;
    }
    // A new role ends the user's sessions: they sign in again with exactly the new rights.
    if (newRole) await endUserSessions(trx, userId);
    await writeAudit(trx, { actorId, action: 'user.update', entity: 'user', entityId: userId, detail });
  });
  // Again after commit: a request on this node may have cached the old rows meanwhile.
  forgetUserSessions(userId);
}

export async function deactivateUser(db: Db, actorId: string | null, userId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await targetOf(trx, userId);
    if (user.disabled_at) return;
    await keepAnAdmin(trx, user);
    await q.setDisabled(trx, userId, new Date());
    await endUserSessions(trx, userId);
    await writeAudit(trx, { actorId, action: 'user.deactivate', entity: 'user', entityId: userId });
  });
  forgetUserSessions(userId);
}

export async function reactivateUser(db: Db, actorId: string | null, userId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await targetOf(trx, userId);
    if (!user.disabled_at) return;
    await q.setDisabled(trx, userId, null);
    await writeAudit(trx, { actorId, action: 'user.reactivate', entity: 'user', entityId: userId });
  });
}
