import type { Db } from '../../db/connection.js';

/** A follow-up case of a reproduction data set (data/seed-002/oppfolging-2022.json). */
export interface DataSetCase {
  ref: string;
  userGroup: 'helpline' | 'housing_programme' | 'anonymous_regular';
  openedOn: string;
  consent: { form: 'signed' | 'verbal'; givenOn: string } | null;
  person: { birthYear: number; gender: string } | null;
  /** A mail agreement since this date (the person lives with sperret adresse). */
  mailAgreementOn: string | null;
  activities: { category: string; on: string }[];
  referrals: { agencyType: string; on: string }[];
  /** Items of mail; `activity`: its hand-over was registered as a mail agreement activity, as the app does. */
  mail: { receivedOn: string; handled: 'collected' | 'forwarded'; handledOn: string; activity: boolean }[];
}

export interface CaseDataSet {
  source: string;
  helplineId: string;
  year: number;
  cases: DataSetCase[];
}

/**
 * Loads a data set of follow-up cases, all or nothing, owned by `ownerId`: what the report is
 * checked against (src/modules/cases/report.test.ts). Only counts and dates: no names, no
 * addresses, no text. Not a user-facing import; the data sets are built by scripts/.
 */
export async function loadCaseDataSet(db: Db, data: CaseDataSet, ownerId: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    for (const c of data.cases) {
      const { id } = await trx.insertInto('cases').values({
        helpline_id: data.helplineId, user_group: c.userGroup, pseudonym: c.ref, owner_id: ownerId, created_by: ownerId,
        opened_at: new Date(`${c.openedOn}T09:00:00Z`),
      }).returning('id').executeTakeFirstOrThrow();
      if (c.consent) await trx.insertInto('case_consents').values({ case_id: id, form: c.consent.form, given_on: c.consent.givenOn, covers: ['nav', 'police', 'housing_programme'], recorded_by: ownerId }).execute();
      if (c.person) await trx.insertInto('case_persons').values({ case_id: id, birth_year: c.person.birthYear, gender: c.person.gender, languages: [], updated_by: ownerId }).execute();
      if (c.mailAgreementOn) await trx.insertInto('case_protections').values({ case_id: id, level: 'kode6', mail_agreement_on: c.mailAgreementOn, mail_initiated_by: 'housing_programme', updated_by: ownerId }).execute();
      const activities = [...c.activities, ...c.mail.filter((m) => m.activity).map((m) => ({ category: 'mail_agreement', on: m.handledOn }))];
      if (activities.length) await trx.insertInto('case_activities').values(activities.map((a) => ({ case_id: id, category: a.category, happened_on: a.on, created_by: ownerId }))).execute();
      if (c.referrals.length) await trx.insertInto('case_referrals').values(c.referrals.map((r) => ({ case_id: id, agency_type: r.agencyType, reason: null, referred_on: r.on, created_by: ownerId }))).execute();
      if (c.mail.length) await trx.insertInto('case_mail_items').values(c.mail.map((m) => ({ case_id: id, received_on: m.receivedOn, handled: m.handled, handled_on: m.handledOn, recorded_by: ownerId }))).execute();
    }
    return data.cases.length;
  });
}
