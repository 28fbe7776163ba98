import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';

/** One grouped count, in the shape the report builder reads; `set` names the grouping. */
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

export interface ThemeCount {
  kind: string;
  theme_id: number;
  subtheme_id: number | null;
  n: number;
}

interface DimensionRow {
  kind: string;
  dimension: string;
  k1: string | null;
  k2: string | null;
  month: number | null;
  n: number;
}

type Part = DimensionRow & { part: 'counts' | 'deltas' | null; generation: string };

/** Folded counts a node summed, with the fold generation they were summed at (per database). */
const foldedSums = new WeakMap<Db, Map<string, { generation: string; rows: DimensionRow[] }>>();

/** Each (kind, dimension, keys, month) once, counts added up, those that add up to nothing left out. */
function addUp(rows: DimensionRow[]): DimensionRow[] {
  const sums = new Map<string, DimensionRow>();
  for (const r of rows) {
    const key = JSON.stringify([r.kind, r.dimension, r.k1, r.k2, r.month]);
    const seen = sums.get(key);
    if (seen) seen.n += r.n;
    else sums.set(key, { kind: r.kind, dimension: r.dimension, k1: r.k1, k2: r.k2, month: r.month, n: r.n });
  }
  return [...sums.values()].filter((r) => r.n !== 0);
}

/**
 * Every count of one helpline and year: folded counts plus the deltas not folded yet, so a report
 * includes a contact the moment it is committed. Months are kept only for the totals.
 *
 * Summing the folded counts of a year of 1 M contacts takes the database about 40 ms, and under a
 * full shift every dashboard view did it (issue 8). So a node keeps the sums with the fold
 * generation they were read at; while no fold has happened since, it reads only the deltas. The
 * generation and the deltas come from one statement, one snapshot: a fold between them cannot
 * make a count go missing or count twice.
 */
async function dimensionRows(db: Db, helplineId: string, year: number, dimensions?: string[]): Promise<DimensionRow[]> {
  const only = dimensions ? sql`AND dimension IN (${sql.join(dimensions)})` : sql``;
  const grouped = (table: string) => sql`
    SELECT kind, dimension, k1, k2, CASE WHEN dimension = 'total' THEN month END AS month, sum(n)::int AS n
    FROM ${sql.table(table)} WHERE helpline_id = ${helplineId} AND year = ${year} ${only}
    GROUP BY 1, 2, 3, 4, 5`;
  const perDb = foldedSums.get(db) ?? new Map<string, { generation: string; rows: DimensionRow[] }>();
  foldedSums.set(db, perDb);
  const cacheKey = JSON.stringify([helplineId, year, dimensions ?? null]);
  const kept = perDb.get(cacheKey);
  if (kept) {
    const { rows } = await sql<Part>`
      SELECT f.generation::text AS generation, 'deltas' AS part, d.* FROM contact_count_folds f
      LEFT JOIN LATERAL (${grouped('contact_count_deltas')}) d ON true`.execute(db);
    if (rows[0]?.generation === kept.generation) return addUp([...kept.rows, ...rows.filter((r) => r.kind !== null)]);
  }
  const { rows } = await sql<Part>`
    SELECT f.generation::text AS generation, p.* FROM contact_count_folds f
    LEFT JOIN LATERAL (
      SELECT 'counts' AS part, c.* FROM (${grouped('contact_counts')}) c
      UNION ALL
      SELECT 'deltas' AS part, d.* FROM (${grouped('contact_count_deltas')}) d
    ) p ON true`.execute(db);
  const generation = rows[0]?.generation ?? '';
  const counts = rows.filter((r) => r.part === 'counts');
  perDb.set(cacheKey, { generation, rows: counts });
  return addUp(rows.filter((r) => r.part !== null));
}

const id = (v: string | null) => (v === null ? null : Number(v));
const empty = { month: null, channel: null, who_id: null, age_group_id: null, gender_id: null, country: null, body_type_id: null, follow_up: null };

function toRollup(r: DimensionRow): RollupCount[] {
  const base = { ...empty, kind: r.kind, n: r.n };
  switch (r.dimension) {
    case 'total':
      return [{ ...base, set: 'month', month: r.month }, { ...base, set: 'kind' }];
    case 'channel':
      return [{ ...base, set: 'channel', channel: r.k1 }];
    case 'who':
      return [{ ...base, set: 'who', who_id: id(r.k1) }];
    case 'age_gender':
      return [{ ...base, set: 'age_gender', age_group_id: id(r.k1), gender_id: id(r.k2) }];
    case 'country':
      return [{ ...base, set: 'country', country: r.k1 }];
    case 'body_type':
      return [{ ...base, set: 'body_type', body_type_id: id(r.k1) }];
    case 'follow_up':
      return [{ ...base, set: 'follow_up', follow_up: r.k1 === 'true' }];
    default:
      return [];
  }
}

export async function reportCounts(db: Db, helplineId: string, year: number): Promise<{ counts: RollupCount[]; themes: ThemeCount[]; demoContacts: number }> {
  const rows = await dimensionRows(db, helplineId, year);
  const themes = rows
    .filter((r) => r.dimension === 'theme' || r.dimension === 'subtheme')
    .map((r) => (r.dimension === 'theme'
      ? { kind: r.kind, theme_id: Number(r.k1), subtheme_id: null, n: r.n }
      : { kind: r.kind, theme_id: Number(r.k2), subtheme_id: Number(r.k1), n: r.n }));
  // Synthetic demo contacts, counted like any other dimension ('source').
  const demoContacts = rows.filter((r) => r.dimension === 'source' && r.k1 === 'demo').reduce((sum, r) => sum + r.n, 0);
  return { counts: rows.flatMap(toRollup), themes, demoContacts };
}

export async function kindTotals(db: Db, helplineId: string, year: number): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  for (const r of await dimensionRows(db, helplineId, year, ['total'])) totals[r.kind] = (totals[r.kind] ?? 0) + r.n;
  return totals;
}

/**
 * Counts by kind of one helpline from 1 January to `until` (inclusive) of that year: whole months
 * from the folded counts, the last, partial month from the contacts themselves (a range on the
 * (helpline_id, local_date) index).
 */
export async function kindTotalsUntil(db: Db, helplineId: string, until: string): Promise<Record<string, number>> {
  const [year, month] = until.split('-').map(Number);
  const totals: Record<string, number> = {};
  const { rows } = await sql<{ kind: string; n: number }>`
    SELECT kind, sum(n)::int AS n FROM (
      SELECT kind, n FROM contact_counts WHERE helpline_id = ${helplineId} AND year = ${year} AND month < ${month} AND dimension = 'total'
      UNION ALL
      SELECT kind, n FROM contact_count_deltas WHERE helpline_id = ${helplineId} AND year = ${year} AND month < ${month} AND dimension = 'total'
      UNION ALL
      SELECT kind, count(*)::int FROM contacts
      WHERE helpline_id = ${helplineId} AND local_date BETWEEN ${`${until.slice(0, 7)}-01`}::date AND ${until}::date
        -- An import still loading (or being undone) is not counted anywhere yet (decision 0011).
        AND (import_batch_id IS NULL OR import_batch_id NOT IN (SELECT id FROM import_batches WHERE state <> 'published'))
      GROUP BY kind
    ) t GROUP BY kind`.execute(db);
  for (const r of rows) totals[r.kind] = r.n;
  return totals;
}
