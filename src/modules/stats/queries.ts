import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';
import { PREPARED } from '../../db/prepared.js';

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
/** The full read under way per database and key: dashboards that find the sums stale wait for it instead of each starting their own. */
const fullReads = new WeakMap<Db, Map<string, Promise<unknown>>>();

/** Each (kind, dimension, keys, month) once, counts added up, those that add up to nothing left out. */
function addUp(rows: DimensionRow[]): DimensionRow[] {
  const sums = new Map<string, DimensionRow>();
  for (const r of rows) {
    // Keys and kinds are codes and numbers, never containing a tab.
    const key = `${r.kind}\t${r.dimension}\t${r.k1 ?? '\u0000'}\t${r.k2 ?? '\u0000'}\t${r.month ?? ''}`;
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
 *
 * After a fold, every dashboard view that arrived while the first re-read ran started its own
 * 18 ms re-read (105 of them in 20 s at 200 counsellors, bench). Now they wait for the one under
 * way and then read the deltas themselves, so each still sees every contact committed before it
 * asked.
 *
 * `db` is the node's handle (what the kept sums belong to); `on` runs the statements, e.g. one
 * connection a request took for all its statements.
 */
async function dimensionRows(db: Db, on: Db, helplineId: string, year: number, dimensions?: string[], waited = false): Promise<DimensionRow[]> {
  // Day counts serve only the comparison with last year (kindTotalsUntil), not the report's tables.
  const only = dimensions ? sql`AND dimension IN (${sql.join(dimensions)})` : sql`AND dimension <> 'day'`;
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
      LEFT JOIN LATERAL (${grouped('contact_count_deltas')}) d ON true ${sql.raw(PREPARED)}`.execute(on);
    if (rows[0]?.generation === kept.generation) return addUp([...kept.rows, ...rows.filter((r) => r.kind !== null)]);
  }
  const flights = fullReads.get(db) ?? new Map<string, Promise<unknown>>();
  fullReads.set(db, flights);
  const underWay = flights.get(cacheKey);
  if (underWay && !waited) {
    await underWay.catch(() => undefined);
    return dimensionRows(db, on, helplineId, year, dimensions, true);
  }
  const read = (async () => {
    const { rows } = await sql<Part>`
      SELECT f.generation::text AS generation, p.* FROM contact_count_folds f
      LEFT JOIN LATERAL (
        SELECT 'counts' AS part, c.* FROM (${grouped('contact_counts')}) c
        UNION ALL
        SELECT 'deltas' AS part, d.* FROM (${grouped('contact_count_deltas')}) d
      ) p ON true`.execute(on);
    // Kept before anyone waiting hears of it, so they find the sums fresh.
    perDb.set(cacheKey, { generation: rows[0]?.generation ?? '', rows: rows.filter((r) => r.part === 'counts') });
    return rows;
  })();
  if (!underWay) flights.set(cacheKey, read);
  const rows = await read.finally(() => {
    if (flights.get(cacheKey) === read) flights.delete(cacheKey);
  });
  return addUp(rows.filter((r) => r.part !== null));
}

const id = (v: string | null) => (v === null ? null : Number(v));

/**
 * One count in the report builder's shape. Every field is written out in one order so all counts
 * share one object shape: spreading a template per count was a twentieth of a busy node's time.
 */
function rollup(set: RollupCount['set'], r: DimensionRow, keys: Partial<Omit<RollupCount, 'set' | 'kind' | 'n'>>): RollupCount {
  return {
    set, kind: r.kind, month: keys.month ?? null, channel: keys.channel ?? null, who_id: keys.who_id ?? null,
    age_group_id: keys.age_group_id ?? null, gender_id: keys.gender_id ?? null, country: keys.country ?? null,
    body_type_id: keys.body_type_id ?? null, follow_up: keys.follow_up ?? null, n: r.n,
  };
}

function toRollup(r: DimensionRow, out: RollupCount[]): void {
  switch (r.dimension) {
    case 'total':
      out.push(rollup('month', r, { month: r.month }), rollup('kind', r, {}));
      return;
    case 'channel':
      out.push(rollup('channel', r, { channel: r.k1 }));
      return;
    case 'who':
      out.push(rollup('who', r, { who_id: id(r.k1) }));
      return;
    case 'age_gender':
      out.push(rollup('age_gender', r, { age_group_id: id(r.k1), gender_id: id(r.k2) }));
      return;
    case 'country':
      out.push(rollup('country', r, { country: r.k1 }));
      return;
    case 'body_type':
      out.push(rollup('body_type', r, { body_type_id: id(r.k1) }));
      return;
    case 'follow_up':
      out.push(rollup('follow_up', r, { follow_up: r.k1 === 'true' }));
      return;
    default:
  }
}

export async function reportCounts(db: Db, helplineId: string, year: number, on: Db = db): Promise<{ counts: RollupCount[]; themes: ThemeCount[]; demoContacts: number }> {
  const rows = await dimensionRows(db, on, helplineId, year);
  const themes = rows
    .filter((r) => r.dimension === 'theme' || r.dimension === 'subtheme')
    .map((r) => (r.dimension === 'theme'
      ? { kind: r.kind, theme_id: Number(r.k1), subtheme_id: null, n: r.n }
      : { kind: r.kind, theme_id: Number(r.k2), subtheme_id: Number(r.k1), n: r.n }));
  // Synthetic demo contacts, counted like any other dimension ('source').
  const demoContacts = rows.filter((r) => r.dimension === 'source' && r.k1 === 'demo').reduce((sum, r) => sum + r.n, 0);
  const counts: RollupCount[] = [];
  for (const r of rows) toRollup(r, counts);
  return { counts, themes, demoContacts };
}

export async function kindTotals(db: Db, helplineId: string, year: number, on: Db = db): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  for (const r of await dimensionRows(db, on, helplineId, year, ['total'])) totals[r.kind] = (totals[r.kind] ?? 0) + r.n;
  return totals;
}

/**
 * Counts by kind of one helpline from 1 January to `until` (inclusive) of that year, from the
 * counts alone: whole months by month, the last part-month by day (dimension 'day', migration
 * 202612011400). Reading the contacts of that part-month instead cost up to a month of rows on
 * every dashboard view.
 */
export async function kindTotalsUntil(db: Db, helplineId: string, until: string): Promise<Record<string, number>> {
  const [year, month, day] = until.split('-').map(Number);
  const totals: Record<string, number> = {};
  // The CASE keeps the cast to rows of the day dimension: SQL does not promise to test
  // `dimension = 'day'` first, and other dimensions' k1 (a country code) are no numbers.
  const within = sql`helpline_id = ${helplineId} AND year = ${year}
    AND ((month < ${month} AND dimension = 'total') OR (month = ${month} AND dimension = 'day' AND CASE WHEN dimension = 'day' THEN k1::int END <= ${day}))`;
  const { rows } = await sql<{ kind: string; n: number }>`
    SELECT kind, sum(n)::int AS n FROM (
      SELECT kind, n FROM contact_counts WHERE ${within}
      UNION ALL
      SELECT kind, n FROM contact_count_deltas WHERE ${within}
    ) t GROUP BY kind ${sql.raw(PREPARED)}`.execute(db);
  for (const r of rows) totals[r.kind] = r.n;
  return totals;
}
