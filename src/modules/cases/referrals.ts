import type { Db } from '../../db/connection.js';
import { AppError, notFound } from '../../server/errors.js';
import type { CaseResponse, ReferralBody, ReferralOutcomeBody } from '../../shared/schemas/cases.js';
import { type Actor, seesServiceCases } from '../auth/policy.js';
import { writeAudit } from '../audit/service.js';
import { getCase } from './service.js';
import { lockCase } from './lock.js';
import { latestDate } from './dates.js';


/**
 * Refers the person to an agency while the case goes on (issue 9, point 4). The consent in force
 * must cover the agency's type. If it does not, or there is none, a coordinator may refer anyway
 * with a written reason, kept on the referral and in the audit log. After the person withdrew
 * consent no referral is made on their behalf, override or not: they said no (decision 0031).
 * A closed case takes no new referral.
 */
export async function createReferral(db: Db, actor: Actor, caseId: string, body: ReferralBody, keyFile: string): Promise<CaseResponse> {
  if (body.referredOn > latestDate()) throw new AppError(400, 'invalid_value', 'referredOn');
  if (body.overrideReason !== null && !seesServiceCases(actor)) throw new AppError(400, 'invalid_value', 'overrideReason');
  await db.transaction().execute(async (trx) => {
    const found = await lockCase(trx, actor, caseId);
    if (found.status === 'closed') throw new AppError(400, 'case_closed', 'status');
    const consents = await trx.selectFrom('case_consents').select(['covers', 'withdrawn_at']).where('case_id', '=', caseId).execute();
    const inForce = consents.find((k) => k.withdrawn_at === null);
    const covered = !!inForce?.covers.includes(body.agencyType);
    if (!inForce && consents.length) throw new AppError(400, 'consent_withdrawn', 'agencyType');
    if (!covered && body.overrideReason === null) throw new AppError(400, 'consent_not_covering', 'agencyType');
    // An override where the consent covers the agency is no override: not kept.
    const overrideReason = covered ? null : body.overrideReason;
    // A service chosen from the directory must be there; its name stands in for an agency name not given.
    const service = body.directoryServiceId
      ? await trx.selectFrom('directory_records').select('doc').where('kind', '=', 'service').where('id', '=', body.directoryServiceId.toLowerCase()).executeTakeFirst()
      : undefined;
    if (body.directoryServiceId && !service) throw new AppError(400, 'invalid_value', 'directoryServiceId');
    const row = await trx.insertInto('case_referrals').values({
      case_id: caseId, agency_type: body.agencyType, agency_name: body.agencyName ?? (service ? String(service.doc.name) : null), reason: body.reason,
      referred_on: body.referredOn, accompanied: body.accompanied, override_reason: overrideReason, created_by: actor.id,
      directory_service_id: body.directoryServiceId?.toLowerCase() ?? null,
    }).returning('id').executeTakeFirstOrThrow();
    await writeAudit(trx, {
      actorId: actor.id, action: 'case.referral', entity: 'case', entityId: caseId,
      detail: { referralId: row.id, agencyType: body.agencyType, accompanied: body.accompanied, ...(service ? { directoryServiceId: body.directoryServiceId } : {}), ...(overrideReason ? { override: true, overrideReason } : {}) },
    });
  });
  return getCase(db, actor, caseId, keyFile);
}

/** What came of a referral, recorded later; a stale version is a 409. */
export async function recordReferralOutcome(db: Db, actor: Actor, caseId: string, referralId: string, body: ReferralOutcomeBody, keyFile: string): Promise<CaseResponse> {
  if (body.outcomeOn > latestDate()) throw new AppError(400, 'invalid_value', 'outcomeOn');
  await db.transaction().execute(async (trx) => {
    await lockCase(trx, actor, caseId);
    const referral = await trx.selectFrom('case_referrals').select(['id', 'version', 'referred_on']).where('id', '=', referralId).where('case_id', '=', caseId).executeTakeFirst();
    if (!referral) throw notFound();
    if (referral.version !== body.version) throw new AppError(409, 'conflict', 'version');
    if (body.outcomeOn < referral.referred_on) throw new AppError(400, 'invalid_value', 'outcomeOn');
    await trx.updateTable('case_referrals').set({ outcome: body.outcome, outcome_on: body.outcomeOn, updated_at: new Date(), version: referral.version + 1 }).where('id', '=', referralId).execute();
    await writeAudit(trx, { actorId: actor.id, action: 'case.referral_outcome', entity: 'case', entityId: caseId, detail: { referralId } });
  });
  return getCase(db, actor, caseId, keyFile);
}
