import type { Db } from '../../db/connection.js';
import { notFound } from '../../server/errors.js';
import { type Actor, caseFilter } from '../auth/policy.js';
import { writeAudit } from '../audit/service.js';
import { getCase } from './service.js';
import type { CaseResponse } from '../../shared/schemas/cases.js';

/** Everything a case holds about the person, for an access request (GDPR art. 15; issue 9 point 8). */
export interface CaseExport {
  exportedAt: string;
  helplineName: Record<string, string>;
  case: Omit<CaseResponse, 'contactIds' | 'consent' | 'consentWithdrawnOn' | 'person' | 'referrals' | 'activities' | 'protection' | 'mailItems' | 'ownerId' | 'version'>;
  /** Every consent recorded, withdrawn ones too: what was agreed, and when it ended. */
  consents: { form: string; givenOn: string; covers: string[]; withdrawnOn: string | null }[];
  person: CaseResponse['person'];
  /** That a protected address exists and the mail agreement; never the address (decision 0032). */
  protection: { level: string; mailAgreementOn: string | null; mailInitiatedBy: string | null; addressStored: boolean } | null;
  activities: CaseResponse['activities'];
  referrals: CaseResponse['referrals'];
  mailItems: CaseResponse['mailItems'];
  /** The helpline contacts the case grew from, with what the counsellor wrote. */
  contacts: { startedAt: string; channel: string; summary: string | null }[];
}

/**
 * Assembles the export of one case, for a coordinator of its helpline (`case.export`). Audited as
 * its own action, so the access log shows that the case left the system and who took it. The
 * protected address and contact details are not in it: an export travels (by mail, to a lawyer),
 * and the person's safety depends on where that address goes.
 */
export async function exportCase(db: Db, actor: Actor, id: string, keyFile: string): Promise<CaseExport> {
  const allowed = await db.selectFrom('cases').innerJoin('helplines', 'helplines.id', 'cases.helpline_id').select(['cases.id', 'helplines.name'])
    .where('cases.id', '=', id).where(caseFilter(actor, 'case.export')).executeTakeFirst();
  if (!allowed) throw notFound();
  const c = await getCase(db, actor, id, keyFile);
  const [consents, contacts] = await Promise.all([
    db.selectFrom('case_consents').select(['form', 'given_on', 'covers', 'withdrawn_on']).where('case_id', '=', id).orderBy('recorded_at').execute(),
    db.selectFrom('case_contacts').innerJoin('contacts', 'contacts.id', 'case_contacts.contact_id').select(['contacts.started_at', 'contacts.channel', 'contacts.summary'])
      .where('case_contacts.case_id', '=', id).orderBy('contacts.started_at').execute(),
  ]);
  await writeAudit(db, { actorId: actor.id, action: 'case.export', entity: 'case', entityId: id, detail: { contacts: contacts.length } });
  const { contactIds: _c, consent: _k, consentWithdrawnOn: _w, person, referrals, activities, protection, mailItems, ownerId: _o, version: _v, ...facts } = c;
  return {
    exportedAt: new Date().toISOString(),
    helplineName: allowed.name,
    case: facts,
    consents: consents.map((k) => ({ form: k.form, givenOn: k.given_on, covers: k.covers, withdrawnOn: k.withdrawn_on })),
    person,
    protection: protection ? { level: protection.level, mailAgreementOn: protection.mailAgreementOn, mailInitiatedBy: protection.mailInitiatedBy, addressStored: protection.hasAddress } : null,
    activities,
    referrals,
    mailItems,
    contacts: contacts.map((k) => ({ startedAt: new Date(k.started_at).toISOString(), channel: k.channel, summary: k.summary })),
  };
}

