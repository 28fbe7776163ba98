import type { Db } from '../../db/connection.js';
import { AppError, notFound } from '../../server/errors.js';
import { ROLE_ACTIONS } from '../../shared/access.js';
import { ROLES, type Role } from '../../shared/enums.js';
import type { CaseAccessEntry, HandOverBody } from '../../shared/schemas/cases.js';
import { type Actor, caseFilter } from '../auth/policy.js';
import { writeAudit } from '../audit/service.js';
import { lockCase } from './lock.js';

const CASE_ROLES = ROLES.filter((role: Role) => ROLE_ACTIONS[role].includes('case.update'));

/**
 * Hands a case over to a colleague (issue 9, point 6): its owner, or a coordinator of its helpline,
 * gives it to an active user on the same helpline who works cases. A stale version is a 409. The
 * answer has no body: a former owner who is no coordinator may no longer read the case.
 */
export async function handOver(db: Db, actor: Actor, id: string, body: HandOverBody): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await lockCase(trx, actor, id);
    if (current.version !== body.version) throw new AppError(409, 'conflict', 'version');
    if (current.owner_id === body.ownerId) throw new AppError(400, 'invalid_value', 'ownerId');
    const owner = await trx.selectFrom('users').innerJoin('user_helplines', 'user_helplines.user_id', 'users.id').select('users.id')
      .where('users.id', '=', body.ownerId).where('users.disabled_at', 'is', null)
      .where('users.role', 'in', CASE_ROLES).where('user_helplines.helpline_id', '=', current.helpline_id)
      .executeTakeFirst();
    if (!owner) throw new AppError(400, 'invalid_value', 'ownerId');
    await trx.updateTable('cases').set({ owner_id: body.ownerId, updated_at: new Date(), version: current.version + 1 }).where('id', '=', id).execute();
    await writeAudit(trx, { actorId: actor.id, action: 'case.hand_over', entity: 'case', entityId: id, detail: { from: current.owner_id, to: body.ownerId } });
  });
}

/**
 * Who the case may be handed to: active users of its helpline who work cases, but its owner;
 * names only, for the owner or a coordinator (the same condition as a hand-over).
 */
export async function handOverCandidates(db: Db, actor: Actor, id: string): Promise<{ id: string; displayName: string }[]> {
  const found = await db.selectFrom('cases').select(['helpline_id', 'owner_id']).where('cases.id', '=', id).where(caseFilter(actor, 'case.update')).executeTakeFirst();
  if (!found) throw notFound();
  const rows = await db.selectFrom('users').innerJoin('user_helplines', 'user_helplines.user_id', 'users.id').select(['users.id', 'users.display_name'])
    .where('user_helplines.helpline_id', '=', found.helpline_id).where('users.disabled_at', 'is', null)
    .where('users.role', 'in', CASE_ROLES).where('users.id', '<>', found.owner_id)
    .orderBy('users.display_name').limit(500).execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}

/**
 * A case's access log (quality of issue 9: coordinators can read it): every audit entry about the
 * case, newest first, with who and when; at most the last 500. Reading it is audited too.
 */
export async function caseAccessLog(db: Db, actor: Actor, id: string): Promise<CaseAccessEntry[]> {
  const found = await db.selectFrom('cases').select('id').where('cases.id', '=', id).where(caseFilter(actor, 'case.audit')).executeTakeFirst();
  if (!found) throw notFound();
  const rows = await db.transaction().execute(async (trx) => {
    await writeAudit(trx, { actorId: actor.id, action: 'case.audit_read', entity: 'case', entityId: id });
    return trx.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.actor_id')
      .select(['audit_log.at', 'audit_log.action', 'users.display_name'])
      .where('audit_log.entity', '=', 'case').where('audit_log.entity_id', '=', id)
      .orderBy('audit_log.id', 'desc').limit(500).execute();
  });
  return rows.map((r) => ({ at: new Date(r.at).toISOString(), actorName: r.display_name, action: r.action }));
}
