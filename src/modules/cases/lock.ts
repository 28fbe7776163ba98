import type { Transaction } from 'kysely';
import type { Database } from '../../db/types.js';
import { AppError, notFound } from '../../server/errors.js';
import type { Action } from '../../shared/access.js';
import { type Actor, caseFilter } from '../auth/policy.js';

/**
 * The case row locked for a change, if the actor may do `action` on it; otherwise 404, the same
 * answer whether it does not exist or is not theirs (no difference shown). An anonymised case
 * takes no change: what was removed must not come back (decision 0033).
 */
export async function lockCase(trx: Transaction<Database>, actor: Actor, id: string, action: Action = 'case.update') {
  const row = await trx.selectFrom('cases').select(['id', 'status', 'helpline_id', 'owner_id', 'version', 'anonymised_at']).where('cases.id', '=', id).where(caseFilter(actor, action)).forUpdate().executeTakeFirst();
  if (!row) throw notFound();
  if (row.anonymised_at) throw new AppError(400, 'case_anonymised', 'status');
  return row;
}

/** The consent in force on a case, if any. */
export const consentInForce = (trx: Transaction<Database>, caseId: string) =>
  trx.selectFrom('case_consents').select(['id', 'given_on']).where('case_id', '=', caseId).where('withdrawn_at', 'is', null).executeTakeFirst();
