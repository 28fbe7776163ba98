import type { Db } from '../../db/connection.js';
import { AppError } from '../../server/errors.js';
import { encryptField } from '../../server/crypto/field-encryption.js';
import type { CaseResponse, ConsentBody, ConsentWithdrawBody, PersonBody } from '../../shared/schemas/cases.js';
import type { Actor } from '../auth/policy.js';
import { writeAudit } from '../audit/service.js';
import { getCase } from './service.js';
import { latestDate } from './dates.js';
import { consentInForce, lockCase } from './lock.js';

/**
 * Records the person's consent (samtykkeskjema, seed 002 5.1), or replaces the one in force (a new
 * form with other agencies, say). Audited with its form and coverage.
 */
export async function recordConsent(db: Db, actor: Actor, id: string, body: ConsentBody, keyFile: string): Promise<CaseResponse> {
  if (body.givenOn > latestDate()) throw new AppError(400, 'invalid_value', 'givenOn');
  await db.transaction().execute(async (trx) => {
    await lockCase(trx, actor, id);
    const current = await consentInForce(trx, id);
    const values = { form: body.form, given_on: body.givenOn, covers: body.covers, recorded_by: actor.id, recorded_at: new Date() };
    if (current) await trx.updateTable('case_consents').set(values).where('id', '=', current.id).execute();
    else await trx.insertInto('case_consents').values({ case_id: id, ...values }).execute();
    await writeAudit(trx, { actorId: actor.id, action: 'case.consent', entity: 'case', entityId: id, detail: { form: body.form, covers: body.covers, replaced: !!current } });
  });
  return getCase(db, actor, id, keyFile);
}

/**
 * Withdraws the consent in force: from then on no identifying data about the person is kept (the
 * person row and any protected address are deleted in the same transaction) and no new referral may be made under it. The
 * withdrawn consent stays, as the record of what was agreed and when it ended.
 */
export async function withdrawConsent(db: Db, actor: Actor, id: string, body: ConsentWithdrawBody, keyFile: string): Promise<CaseResponse> {
  if (body.withdrawnOn > latestDate()) throw new AppError(400, 'invalid_value', 'withdrawnOn');
  await db.transaction().execute(async (trx) => {
    await lockCase(trx, actor, id);
    const current = await consentInForce(trx, id);
    if (!current) throw new AppError(400, 'no_consent', 'consent');
    if (body.withdrawnOn < current.given_on) throw new AppError(400, 'invalid_value', 'withdrawnOn');
    await trx.updateTable('case_consents').set({ withdrawn_on: body.withdrawnOn, withdrawn_by: actor.id, withdrawn_at: new Date() }).where('id', '=', current.id).execute();
    const removed = await trx.deleteFrom('case_persons').where('case_id', '=', id).executeTakeFirst();
    // The protected address and the mail agreement go too: both identify the person.
    const protection = await trx.deleteFrom('case_protections').where('case_id', '=', id).executeTakeFirst();
    await writeAudit(trx, { actorId: actor.id, action: 'case.consent_withdrawn', entity: 'case', entityId: id, detail: { personRemoved: Number(removed.numDeletedRows) > 0, protectionRemoved: Number(protection.numDeletedRows) > 0 } });
  });
  return getCase(db, actor, id, keyFile);
}

/**
 * Records what consent allows about the person: name, birth year, gender, languages, how to reach
 * them safely. Without a consent in force nothing is saved. Name and reach are encrypted at rest;
 * the audit row names the fields given, never their values.
 */
export async function savePerson(db: Db, actor: Actor, id: string, body: PersonBody, keyFile: string): Promise<CaseResponse> {
  await db.transaction().execute(async (trx) => {
    await lockCase(trx, actor, id);
    if (!(await consentInForce(trx, id))) throw new AppError(400, 'consent_required', 'consent');
    const values = {
      name_encrypted: body.name === null ? null : encryptField(keyFile, body.name),
      birth_year: body.birthYear,
      gender: body.gender,
      languages: body.languages,
      reach_encrypted: body.reach === null ? null : encryptField(keyFile, body.reach),
      updated_by: actor.id,
      updated_at: new Date(),
    };
    await trx.insertInto('case_persons').values({ case_id: id, ...values }).onConflict((oc) => oc.column('case_id').doUpdateSet(values)).execute();
    const given = (Object.keys(body) as (keyof PersonBody)[]).filter((k) => body[k] !== null && !(Array.isArray(body[k]) && (body[k] as unknown[]).length === 0));
    await writeAudit(trx, { actorId: actor.id, action: 'case.person', entity: 'case', entityId: id, detail: { fields: given } });
  });
  return getCase(db, actor, id, keyFile);
}
