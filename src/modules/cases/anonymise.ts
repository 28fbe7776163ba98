import type { Transaction } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Database } from '../../db/types.js';
import { AppError } from '../../server/errors.js';
import type { AnonymiseBody, CaseResponse } from '../../shared/schemas/cases.js';
import type { Actor } from '../auth/policy.js';
import { writeAudit } from '../audit/service.js';
import { getCase } from './service.js';
import { lockCase } from './lock.js';

/** What the report keeps of an anonymised case's text fields: nothing. */
export const ANONYMISED_PSEUDONYM = '–';

/**
 * Removes from a case everything that could identify the person, in the caller's transaction
 * (decision 0033): the person and the protected address (their birth year and gender move onto
 * the case, as the report counts them), every free text (notes, referral reasons, names of
 * offices, outcomes, mail senders, the close outcome), the links to contacts and those contacts'
 * summaries and edit history, the tasks. What the report counts stays: user group, dates, categories,
 * agency types, consent forms and dates. Returns what it removed, as numbers.
 */
export async function anonymiseCaseIn(trx: Transaction<Database>, caseId: string) {
  const person = await trx.selectFrom('case_persons').select(['birth_year', 'gender']).where('case_id', '=', caseId).executeTakeFirst();
  const links = await trx.deleteFrom('case_contacts').where('case_id', '=', caseId).returning('contact_id').execute();
  const contactIds = links.map((l) => l.contact_id);
  if (contactIds.length) {
    await trx.updateTable('contacts').set({ summary: null }).where('id', 'in', contactIds).where('summary', 'is not', null).execute();
    await trx.deleteFrom('contact_revisions').where('contact_id', 'in', contactIds).execute();
  }
  await trx.deleteFrom('case_persons').where('case_id', '=', caseId).execute();
  await trx.deleteFrom('case_protections').where('case_id', '=', caseId).execute();
  const notes = await trx.updateTable('case_activities').set({ note: null }).where('case_id', '=', caseId).where('note', 'is not', null).executeTakeFirst();
  await trx.updateTable('case_referrals').set({ reason: null, agency_name: null, override_reason: null, outcome: null }).where('case_id', '=', caseId).execute();
  await trx.updateTable('case_mail_items').set({ sender: null }).where('case_id', '=', caseId).execute();
  // A task's title is free text, and a task without one would break its row's rule: the tasks go.
  await trx.deleteFrom('case_tasks').where('case_id', '=', caseId).execute();
  await trx.updateTable('cases').set((eb) => ({
    pseudonym: ANONYMISED_PSEUDONYM, close_outcome: null, anonymised_at: new Date(), updated_at: new Date(), version: eb('version', '+', 1),
    anon_birth_year: person?.birth_year ?? null, anon_gender: person?.gender ?? null,
  })).where('id', '=', caseId).execute();
  return { contacts: contactIds.length, person: !!person, notes: Number(notes.numUpdatedRows) };
}

/**
 * Erasure on request (GDPR art. 17; issue 9 point 8): a coordinator anonymises a closed case, with
 * the request's reference or reason, audited. Closed first: a case still worked cannot lose its
 * person. A stale version is a 409.
 */
export async function anonymiseOnRequest(db: Db, actor: Actor, id: string, body: AnonymiseBody, keyFile: string): Promise<CaseResponse> {
  await db.transaction().execute(async (trx) => {
    const current = await lockCase(trx, actor, id, 'case.erase');
    if (current.version !== body.version) throw new AppError(409, 'conflict', 'version');
    if (current.status !== 'closed') throw new AppError(400, 'case_not_closed', 'status');
    const removed = await anonymiseCaseIn(trx, id);
    await writeAudit(trx, { actorId: actor.id, action: 'case.anonymise', entity: 'case', entityId: id, detail: { by: 'request', reason: body.reason, ...removed } });
  });
  return getCase(db, actor, id, keyFile);
}
