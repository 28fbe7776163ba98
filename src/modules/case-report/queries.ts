import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';

/** Grouped counts of one service's follow-up in one year: all the report reads, never a case row. */
export interface CaseReportCounts {
  activities: { user_group: string; category: string; month: number; n: number }[];
  users: { user_group: string; n: number; new: number }[];
  ageGender: { band: string; gender: string; n: number }[];
  referrals: { user_group: string; n: number }[];
  mail: { user_group: string; n: number }[];
}

/**
 * A case counts as a user in a year when it was open at some point of it. Age and gender are
 * those of the person with consent in force during the year (kept on the case once anonymised:
 * decision 0033), age at the year's end. Five statements, all grouped, over the case indexes.
 */
export async function caseReportCounts(db: Db, helplineId: string, year: number): Promise<CaseReportCounts> {
  const start = `${year}-01-01`;
  const end = `${year + 1}-01-01`;
  const active = sql`c.helpline_id = ${helplineId} AND c.opened_at < ${end}::date AND (c.closed_at IS NULL OR c.closed_at >= ${start}::date)`;
  const [activities, users, ageGender, referrals, mail] = await Promise.all([
    sql<CaseReportCounts['activities'][number]>`
      SELECT c.user_group, a.category, date_part('month', a.happened_on)::int AS month, count(*)::int AS n
      FROM case_activities a JOIN cases c ON c.id = a.case_id
      WHERE c.helpline_id = ${helplineId} AND a.happened_on >= ${start}::date AND a.happened_on < ${end}::date
      GROUP BY 1, 2, 3`.execute(db),
    sql<CaseReportCounts['users'][number]>`
      SELECT c.user_group, count(*)::int AS n, count(*) FILTER (WHERE c.opened_at >= ${start}::date)::int AS new
      FROM cases c WHERE ${active} GROUP BY 1`.execute(db),
    sql<CaseReportCounts['ageGender'][number]>`
      SELECT CASE WHEN b IS NULL THEN 'not_stated' WHEN ${year} - b < 18 THEN 'under_18' WHEN ${year} - b <= 25 THEN '18_25'
                  WHEN ${year} - b <= 35 THEN '26_35' ELSE '36_plus' END AS band,
             coalesce(g, 'not_stated') AS gender, count(*)::int AS n
      FROM (SELECT coalesce(p.birth_year, c.anon_birth_year) AS b, coalesce(p.gender, c.anon_gender) AS g
            FROM cases c LEFT JOIN case_persons p ON p.case_id = c.id
            WHERE ${active} AND EXISTS (SELECT 1 FROM case_consents k WHERE k.case_id = c.id AND k.given_on < ${end}::date AND (k.withdrawn_on IS NULL OR k.withdrawn_on >= ${start}::date))) x
      GROUP BY 1, 2`.execute(db),
    sql<CaseReportCounts['referrals'][number]>`
      SELECT c.user_group, count(*)::int AS n FROM case_referrals r JOIN cases c ON c.id = r.case_id
      WHERE c.helpline_id = ${helplineId} AND r.referred_on >= ${start}::date AND r.referred_on < ${end}::date GROUP BY 1`.execute(db),
    sql<CaseReportCounts['mail'][number]>`
      SELECT c.user_group, count(*)::int AS n FROM case_mail_items m JOIN cases c ON c.id = m.case_id
      WHERE c.helpline_id = ${helplineId} AND m.received_on >= ${start}::date AND m.received_on < ${end}::date GROUP BY 1`.execute(db),
  ]);
  return { activities: activities.rows, users: users.rows, ageGender: ageGender.rows, referrals: referrals.rows, mail: mail.rows };
}
