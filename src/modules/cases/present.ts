import { decryptField } from '../../server/crypto/field-encryption.js';
import type { CaseListItem, CaseResponse } from '../../shared/schemas/cases.js';
import type { CaseWithOwner, StoredPerson, StoredProtection } from './queries.js';

const iso = (d: Date | string) => new Date(d).toISOString();

/** A case as a list shows it: no free text. */
export function presentCaseListItem(row: CaseWithOwner): CaseListItem {
  return {
    id: row.id,
    helplineId: row.helpline_id,
    userGroup: row.user_group as CaseResponse['userGroup'],
    pseudonym: row.pseudonym,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    status: row.status as CaseResponse['status'],
    closeReason: row.close_reason as CaseResponse['closeReason'],
    timeLimit: row.time_limit,
    openedAt: iso(row.opened_at),
    closedAt: row.closed_at ? iso(row.closed_at) : null,
    updatedAt: iso(row.updated_at),
    version: row.version,
    anonymisedAt: row.anonymised_at ? iso(row.anonymised_at) : null,
  };
}

/** What a case page shows besides the case row. */
export interface CaseDetails {
  contactIds: string[];
  consent: { form: string; givenOn: string; covers: string[]; recordedAt: string } | null;
  consentWithdrawnOn: string | null;
  person: StoredPerson | null;
  /** Already in the response's shape (built by the statement). */
  referrals: unknown[];
  activities: unknown[];
  protection: StoredProtection | null;
  mailItems: unknown[];
  tasks: unknown[];
  contacts: unknown[];
}

/** What a new case shows besides its row: nothing recorded yet. */
export const NO_DETAILS = { consent: null, consentWithdrawnOn: null, person: null, referrals: [], activities: [], protection: null, mailItems: [], tasks: [], contacts: [] } satisfies Omit<CaseDetails, 'contactIds'>;

/** A case as its page shows it: the close outcome, linked contacts, consent, and the person (decrypted). */
export function presentCase(row: CaseWithOwner, d: CaseDetails, keyFile: string): CaseResponse {
  const p = d.person;
  return {
    ...presentCaseListItem(row),
    closeOutcome: row.close_outcome,
    contactIds: d.contactIds,
    consent: d.consent ? { ...d.consent, recordedAt: iso(d.consent.recordedAt) } as CaseResponse['consent'] : null,
    consentWithdrawnOn: d.consentWithdrawnOn,
    referrals: d.referrals as CaseResponse['referrals'],
    activities: d.activities as CaseResponse['activities'],
    protection: d.protection ? {
      level: d.protection.level as NonNullable<CaseResponse['protection']>['level'],
      hasAddress: d.protection.has_address,
      hasContactDetails: d.protection.has_contact,
      mailAgreementOn: d.protection.mail_agreement_on,
      mailInitiatedBy: d.protection.mail_initiated_by as NonNullable<CaseResponse['protection']>['mailInitiatedBy'],
      updatedAt: iso(d.protection.updated_at),
    } : null,
    mailItems: d.mailItems as CaseResponse['mailItems'],
    tasks: (d.tasks as (CaseResponse['tasks'][number])[]).map((t) => ({ ...t, doneAt: t.doneAt ? iso(t.doneAt) : null })),
    contacts: (d.contacts as CaseResponse['contacts']).map((c) => ({ ...c, startedAt: iso(c.startedAt) })),
    person: p ? {
      name: p.name_encrypted ? decryptField(keyFile, p.name_encrypted) : null,
      birthYear: p.birth_year,
      gender: p.gender as NonNullable<CaseResponse['person']>['gender'],
      languages: p.languages,
      reach: p.reach_encrypted ? decryptField(keyFile, p.reach_encrypted) : null,
      updatedAt: iso(p.updated_at),
    } : null,
  };
}
