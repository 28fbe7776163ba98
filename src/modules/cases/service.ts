import type { Db } from '../../db/connection.js';
import { AppError, notFound } from '../../server/errors.js';
import { ROLE_ACTIONS } from '../../shared/access.js';
import { ROLES, type Role } from '../../shared/enums.js';
import { DUE_DAYS, type CaseListQuery, type CaseListResponse, type CaseOpenBody, type CaseResponse, type CaseStatusBody } from '../../shared/schemas/cases.js';
import { type Actor, canUseHelpline, contactFilter, seesServiceCases } from '../auth/policy.js';
import { writeAudit } from '../audit/service.js';
import { lockCase } from './lock.js';
import { decodePageKey, encodePageKey } from '../contacts/list-service.js';
import { listCasesAudited, readCaseAudited, type CaseWithOwner } from './queries.js';
import { NO_DETAILS, presentCase, presentCaseListItem } from './present.js';

/** Roles that may own a case: those granted to open one. */
const OWNER_ROLES = ROLES.filter((role: Role) => ROLE_ACTIONS[role].includes('case.open'));

/** The owner of a new case: the actor, or (coordinators only) an active colleague on the helpline who works cases. */
async function ownerOf(db: Db, actor: Actor, helplineId: string, ownerId: string | undefined): Promise<string> {
  if (ownerId === undefined || ownerId === actor.id) return actor.id;
  if (!seesServiceCases(actor)) throw new AppError(400, 'invalid_value', 'ownerId');
  const owner = await db.selectFrom('users').innerJoin('user_helplines', 'user_helplines.user_id', 'users.id')
    .select('users.id')
    .where('users.id', '=', ownerId).where('users.disabled_at', 'is', null)
    .where('users.role', 'in', OWNER_ROLES).where('user_helplines.helpline_id', '=', helplineId)
    .executeTakeFirst();
  if (!owner) throw new AppError(400, 'invalid_value', 'ownerId');
  return owner.id;
}

/**
 * Opens a follow-up case, from contacts the actor may read on the case's helpline (linked, not
 * copied) or for a person transferred directly (no contacts). All or nothing: the case, its links
 * and its audit record commit together.
 */
export async function openCase(db: Db, actor: Actor, body: CaseOpenBody, keyFile: string): Promise<CaseResponse> {
  if (!canUseHelpline(actor, body.helplineId)) throw new AppError(400, 'invalid_value', 'helplineId');
  // In the order a read gives them (all linked at once, so by id).
  const contactIds = [...new Set(body.contactIds)].sort();
  const readable = contactIds.length
    ? await db.selectFrom('contacts').select(['id', 'started_at', 'channel'])
      .where('id', 'in', contactIds).where('helpline_id', '=', body.helplineId).where(contactFilter(actor, 'contact.read'))
      .orderBy('started_at').orderBy('id').execute()
    : [];
  // Unknown, another helpline's, or not the actor's to read: the same answer, which says nothing about which.
  if (readable.length !== contactIds.length) throw new AppError(400, 'invalid_value', 'contactIds');
  const ownerId = await ownerOf(db, actor, body.helplineId, body.ownerId);
  const row = await db.transaction().execute(async (trx) => {
    const opened = await trx.insertInto('cases').values({
      helpline_id: body.helplineId, user_group: body.userGroup, pseudonym: body.pseudonym,
      owner_id: ownerId, time_limit: body.timeLimit, created_by: actor.id,
    }).returningAll().executeTakeFirstOrThrow();
    if (contactIds.length) {
      await trx.insertInto('case_contacts').values(contactIds.map((contactId) => ({ case_id: opened.id, contact_id: contactId, linked_by: actor.id }))).execute();
    }
    await writeAudit(trx, { actorId: actor.id, action: 'case.open', entity: 'case', entityId: opened.id, detail: { userGroup: body.userGroup, contacts: contactIds.length, ownerId } });
    return opened;
  });
  const owner = await db.selectFrom('users').select('display_name').where('id', '=', ownerId).executeTakeFirst();
  return presentCase({ ...row, owner_name: owner?.display_name ?? null }, { contactIds, ...NO_DETAILS, contacts: readable.map((c) => ({ id: c.id, startedAt: c.started_at, channel: c.channel })) }, keyFile);
}

/** One case, audited; 404 when it does not exist or is not the actor's to read (no difference shown). */
export async function getCase(db: Db, actor: Actor, id: string, keyFile: string): Promise<CaseResponse> {
  const row = await readCaseAudited(db, actor, id);
  if (!row) throw notFound();
  const { contact_ids: contactIds, consent, consent_withdrawn_on: consentWithdrawnOn, person, referrals, activities, protection, mail_items: mailItems, tasks, contacts, ...rest } = row;
  return presentCase(rest as CaseWithOwner, { contactIds, consent, consentWithdrawnOn, person, referrals, activities, protection, mailItems, tasks, contacts }, keyFile);
}

/** The helplines a list covers: the one asked for (if the actor works on it) or all of theirs. */
function helplinesInScope(actor: Actor, helplineId: string | undefined): string[] {
  if (helplineId === undefined) return actor.helplineIds;
  if (!canUseHelpline(actor, helplineId)) throw new AppError(400, 'invalid_value', 'helplineId');
  return [helplineId];
}

/**
 * A page of cases, newest opened first: `mine` the cases the actor owns, `service` every case of
 * their helplines (coordinators only: a caseworker's colleagues' cases are not theirs to browse).
 */
export async function listCases(db: Db, actor: Actor, query: CaseListQuery): Promise<CaseListResponse> {
  if (query.scope === 'service' && !seesServiceCases(actor)) throw new AppError(403, 'forbidden', 'scope');
  const helplineIds = helplinesInScope(actor, query.helplineId);
  const ownerId = query.scope === 'mine' ? actor.id : query.ownerId;
  const after = query.cursor ? decodePageKey(query.cursor) : undefined;
  const filters = (['scope', 'helplineId', 'status', 'userGroup', 'ownerId', 'due', 'cursor'] as const).filter((k) => query[k] !== undefined);
  const rows = await listCasesAudited(db, actor, { helplineIds, ownerId, status: query.status, userGroup: query.userGroup, dueWithinDays: query.due ? DUE_DAYS : undefined, after, limit: query.limit }, { helplineIds, filters });
  const total = Number(rows[0]?.total ?? 0);
  const page = rows.filter((r) => r.id !== null).slice(0, query.limit) as CaseWithOwner[];
  const last = page[page.length - 1];
  return {
    total,
    items: page.map(presentCaseListItem),
    nextCursor: rows.length > query.limit && last ? encodePageKey({ startedAt: new Date(last.opened_at), id: last.id }) : null,
  };
}

/**
 * Opens, pauses or closes a case. Closing needs a reason (and may say what came of it); reopening
 * or pausing clears them. A stale version is a 409, as for contacts.
 */
export async function changeCaseStatus(db: Db, actor: Actor, id: string, body: CaseStatusBody, keyFile: string): Promise<CaseResponse> {
  const closing = body.status === 'closed';
  if (closing && body.closeReason === null) throw new AppError(400, 'required', 'closeReason');
  if (!closing && body.closeReason !== null) throw new AppError(400, 'invalid_value', 'closeReason');
  if (!closing && body.closeOutcome !== null) throw new AppError(400, 'invalid_value', 'closeOutcome');
  await db.transaction().execute(async (trx) => {
    const current = await lockCase(trx, actor, id);
    if (current.version !== body.version) throw new AppError(409, 'conflict', 'version');
    if (current.status === body.status && !closing) throw new AppError(400, 'invalid_value', 'status');
    if (current.status === 'closed' && closing) throw new AppError(400, 'invalid_value', 'status');
    await trx.updateTable('cases').set({
      status: body.status,
      close_reason: closing ? body.closeReason : null,
      close_outcome: closing ? body.closeOutcome || null : null,
      closed_at: closing ? new Date() : null,
      updated_at: new Date(),
      version: current.version + 1,
    }).where('id', '=', id).execute();
    await writeAudit(trx, { actorId: actor.id, action: 'case.update', entity: 'case', entityId: id, detail: { from: current.status, to: body.status, closeReason: body.closeReason } });
  });
  return getCase(db, actor, id, keyFile);
}
