import type { Db } from '../../db/connection.js';
import { AppError, notFound } from '../../server/errors.js';
import type { CaseResponse, MailHandledBody, MailItemBody } from '../../shared/schemas/cases.js';
import type { Actor } from '../auth/policy.js';
import { writeAudit } from '../audit/service.js';
import { getCase } from './service.js';
import { latestDate } from './dates.js';
import { lockCase } from './lock.js';

/**
 * Registers an item of mail received under the case's mail agreement (seed 002, "Postavtaler"):
 * when it came and, if the envelope says, from whom. No address: the register is read by whoever
 * works the case, the address only after a stated reason.
 */
export async function recordMailItem(db: Db, actor: Actor, caseId: string, body: MailItemBody, keyFile: string): Promise<CaseResponse> {
  if (body.receivedOn > latestDate()) throw new AppError(400, 'invalid_value', 'receivedOn');
  await db.transaction().execute(async (trx) => {
    const found = await lockCase(trx, actor, caseId);
    if (found.status === 'closed') throw new AppError(400, 'case_closed', 'status');
    const agreement = await trx.selectFrom('case_protections').select('mail_agreement_on').where('case_id', '=', caseId).where('mail_agreement_on', 'is not', null).executeTakeFirst();
    if (!agreement) throw new AppError(400, 'no_mail_agreement', 'mailAgreementOn');
    const row = await trx.insertInto('case_mail_items').values({ case_id: caseId, received_on: body.receivedOn, sender: body.sender, recorded_by: actor.id }).returning('id').executeTakeFirstOrThrow();
    await writeAudit(trx, { actorId: actor.id, action: 'case.mail_received', entity: 'case', entityId: caseId, detail: { mailItemId: row.id } });
  });
  return getCase(db, actor, caseId, keyFile);
}

/**
 * Records that an item was collected by the person or forwarded to the agreed address. Handing
 * over mail is follow-up work the report counts (002's "Postavtale" row), so it also logs an
 * activity of that category on the same day, in the same transaction. A stale version is a 409.
 */
export async function recordMailHandled(db: Db, actor: Actor, caseId: string, itemId: string, body: MailHandledBody, keyFile: string): Promise<CaseResponse> {
  if (body.handledOn > latestDate()) throw new AppError(400, 'invalid_value', 'handledOn');
  await db.transaction().execute(async (trx) => {
    await lockCase(trx, actor, caseId);
    const item = await trx.selectFrom('case_mail_items').select(['id', 'version', 'received_on', 'handled']).where('id', '=', itemId).where('case_id', '=', caseId).executeTakeFirst();
    if (!item) throw notFound();
    if (item.version !== body.version) throw new AppError(409, 'conflict', 'version');
    if (item.handled !== 'waiting') throw new AppError(400, 'invalid_value', 'handled');
    if (body.handledOn < item.received_on) throw new AppError(400, 'invalid_value', 'handledOn');
    await trx.updateTable('case_mail_items').set({ handled: body.handled, handled_on: body.handledOn, version: item.version + 1 }).where('id', '=', itemId).execute();
    await trx.insertInto('case_activities').values({ case_id: caseId, category: 'mail_agreement', happened_on: body.handledOn, created_by: actor.id }).execute();
    await writeAudit(trx, { actorId: actor.id, action: 'case.mail_handled', entity: 'case', entityId: caseId, detail: { mailItemId: itemId, handled: body.handled } });
  });
  return getCase(db, actor, caseId, keyFile);
}
