import type { Db } from '../../db/connection.js';
import { AppError } from '../../server/errors.js';
import { decryptField, encryptField } from '../../server/crypto/field-encryption.js';
import type { CaseResponse, ProtectionBody, RevealBody, RevealedProtection } from '../../shared/schemas/cases.js';
import type { Actor } from '../auth/policy.js';
import { writeAudit } from '../audit/service.js';
import { getCase } from './service.js';
import { latestDate } from './dates.js';
import { consentInForce, lockCase } from './lock.js';

/** A stored encrypted value after a change: left out keeps it, null removes it, text replaces it. */
const nextValue = (keyFile: string, given: string | null | undefined, stored: string | null | undefined) =>
  given === undefined ? stored ?? null : given === null ? null : encryptField(keyFile, given);

/**
 * Marks the person as living with sperret adresse (kode 6 or 7) and records their address, how to
 * reach them and the mail agreement (issue 9, point 5; decision 0032). Needs a consent in force,
 * as every identifying field does. The audit row names the level and which fields were given,
 * never their values.
 */
export async function saveProtection(db: Db, actor: Actor, id: string, body: ProtectionBody, keyFile: string): Promise<CaseResponse> {
  if ((body.mailAgreementOn === null) !== (body.mailInitiatedBy === null)) {
    throw new AppError(400, 'required', body.mailAgreementOn === null ? 'mailAgreementOn' : 'mailInitiatedBy');
  }
  if (body.mailAgreementOn !== null && body.mailAgreementOn > latestDate()) throw new AppError(400, 'invalid_value', 'mailAgreementOn');
  await db.transaction().execute(async (trx) => {
    await lockCase(trx, actor, id);
    if (!(await consentInForce(trx, id))) throw new AppError(400, 'consent_required', 'consent');
    const stored = await trx.selectFrom('case_protections').select(['address_encrypted', 'contact_encrypted']).where('case_id', '=', id).executeTakeFirst();
    const values = {
      level: body.level,
      address_encrypted: nextValue(keyFile, body.address, stored?.address_encrypted),
      contact_encrypted: nextValue(keyFile, body.contactDetails, stored?.contact_encrypted),
      mail_agreement_on: body.mailAgreementOn,
      mail_initiated_by: body.mailInitiatedBy,
      updated_by: actor.id,
      updated_at: new Date(),
    };
    await trx.insertInto('case_protections').values({ case_id: id, ...values }).onConflict((oc) => oc.column('case_id').doUpdateSet(values)).execute();
    const changed = (['address', 'contactDetails'] as const).filter((k) => body[k] !== undefined);
    await writeAudit(trx, { actorId: actor.id, action: 'case.protection', entity: 'case', entityId: id, detail: { level: body.level, changed, mailAgreement: body.mailAgreementOn !== null } });
  });
  return getCase(db, actor, id, keyFile);
}

/** Ends the protection (the address block was lifted, or the person moved on): the address and contact details are deleted. */
export async function endProtection(db: Db, actor: Actor, id: string, keyFile: string): Promise<CaseResponse> {
  await db.transaction().execute(async (trx) => {
    await lockCase(trx, actor, id);
    const removed = await trx.deleteFrom('case_protections').where('case_id', '=', id).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw new AppError(400, 'no_protection', 'protection');
    await writeAudit(trx, { actorId: actor.id, action: 'case.protection_ended', entity: 'case', entityId: id });
  });
  return getCase(db, actor, id, keyFile);
}

/**
 * The protected address and contact details, for the case's owner or a coordinator of its
 * helpline (the policy's `case.protected`), once they have said why. The reason and the read go
 * into the audit log in the same transaction as the read; the values themselves go nowhere else.
 */
export async function revealProtection(db: Db, actor: Actor, id: string, body: RevealBody, keyFile: string): Promise<RevealedProtection> {
  const stored = await db.transaction().execute(async (trx) => {
    await lockCase(trx, actor, id, 'case.protected');
    const row = await trx.selectFrom('case_protections').select(['level', 'address_encrypted', 'contact_encrypted']).where('case_id', '=', id).executeTakeFirst();
    if (!row) throw new AppError(400, 'no_protection', 'protection');
    await writeAudit(trx, { actorId: actor.id, action: 'case.protected_read', entity: 'case', entityId: id, detail: { reason: body.reason } });
    return row;
  });
  return {
    level: stored.level as RevealedProtection['level'],
    address: stored.address_encrypted ? decryptField(keyFile, stored.address_encrypted) : null,
    contactDetails: stored.contact_encrypted ? decryptField(keyFile, stored.contact_encrypted) : null,
  };
}
