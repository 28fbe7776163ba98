import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';

/** One grouped count from the rollup; `set` names which grouping it belongs to. */
export interface RollupCount {
  set: 'kind' | 'month' | 'channel' | 'who' | 'age_gender' | 'country' | 'body_type' | 'follow_up';
  kind: string;
  month: number | null;
  channel: string | null;
  who_id: number | null;
  age_group_id: number | null;
  gender_id: number | null;
  country: string | null;
  body_type_id: number | null;
  follow_up: boolean | null;
  n: number;
}

// GROUPING() bit patterns (month, channel, who, age, gender, country, body, follow_up; 1 = rolled up).
const SETS: Record<number, RollupCount['set']> = {
  0b11111111: 'kind',
  0b01111111: 'month',
  0b10111111: 'channel',
  0b11011111: 'who',
  0b11100111: 'age_gender',
  0b11111011: 'country',
  0b11111101: 'body_type',
  0b11111110: 'follow_up',
};

/** Every count the report needs for one helpline and year, in one pass over the rollup table. */
export async function rollupCounts(db: Db, helplineId: string, year: number): Promise<RollupCount[]> {
  const { rows } = await sql<Omit<RollupCount, 'set'> & { g: number }>`
    SELECT kind, month, channel, who_id, age_group_id, gender_id, country, body_type_id, follow_up,
           GROUPING(month, channel, who_id, age_group_id, gender_id, country, body_type_id, follow_up) AS g,
           sum(n)::int AS n
    FROM contact_rollup
    WHERE helpline_id = ${helplineId} AND year = ${year}
    GROUP BY GROUPING SETS ((kind), (kind, month), (kind, channel), (kind, who_id), (kind, age_group_id, gender_id),
                            (kind, country), (kind, body_type_id), (kind, follow_up))
    HAVING sum(n) <> 0`.execute(db);
  return rows.map(({ g, ...r }) => ({ ...r, set: SETS[Number(g)] })).filter((r) => r.set);
}

export async function kindTotals(db: Db, helplineId: string, year: number): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('contact_rollup')
    .select(['kind', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('helpline_id', '=', helplineId)
    .where('year', '=', year)
    .groupBy('kind')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

export interface ThemeCount {
  kind: string;
  theme_id: number;
  subtheme_id: number | null;
  n: number;
}

export async function themeCounts(db: Db, helplineId: string, year: number): Promise<ThemeCount[]> {
  const rows = await db
    .selectFrom('contact_theme_rollup')
    .select(['kind', 'theme_id', 'subtheme_id', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('helpline_id', '=', helplineId)
    .where('year', '=', year)
    .groupBy(['kind', 'theme_id', 'subtheme_id'])
    .having((eb) => eb.fn.sum('n'), '<>', 0)
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
