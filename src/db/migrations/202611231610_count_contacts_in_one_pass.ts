import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// The count triggers (202611231500, 202611231530) made eight rows of every contact with a LATERAL
// VALUES list and grouped them, computing `extract(year|month …)` (numeric arithmetic) for each of
// the eight. Over 100 000 imported contacts that took 1.1–1.3 s of the server's time; grouping
// sets do the same counting in one pass over the rows (0.5 s), and theme rows compute their year
// and month once (0.5 s → 0.2 s). Same keys, same counts: existing rows stay valid.
const key = 'helpline_id, year, month, kind, dimension, k1, k2';

// dimension → its key columns (k1, k2) in the contact.
const contactDimensions: [string, string | null, string | null][] = [
  ['channel', 'channel', null], ['who', 'who_id', null], ['age_gender', 'age_group_id', 'gender_id'], ['country', 'country', null],
  ['body_type', 'body_type_id', null], ['follow_up', 'follow_up', null], ['source', 'source', null],
];

const contactCounts = (rows: string, sign: string) => `
  INSERT INTO contact_count_deltas (${key}, n)
  SELECT helpline_id, year, month, kind,
    CASE ${contactDimensions.map(([d, k1]) => `WHEN grouping(${k1}) = 0 THEN '${d}'`).join(' ')} ELSE 'total' END,
    CASE ${contactDimensions.map(([, k1]) => `WHEN grouping(${k1}) = 0 THEN ${k1}::text`).join(' ')} END,
    CASE ${contactDimensions.filter(([, , k2]) => k2).map(([, , k2]) => `WHEN grouping(${k2}) = 0 THEN ${k2}::text`).join(' ')} END,
    ${sign}count(*)::int
  FROM (SELECT helpline_id, kind, channel, who_id, age_group_id, gender_id, country, body_type_id, source,
               date_part('year', local_date)::int AS year, date_part('month', local_date)::int AS month,
               'follow_up_case' = ANY(outcomes) AS follow_up
        FROM ${rows}) r
  GROUP BY helpline_id, year, month, kind,
    GROUPING SETS ((), ${contactDimensions.map(([, k1, k2]) => `(${[k1, k2].filter(Boolean).join(', ')})`).join(', ')});`;

const themeCounts = (rows: string, sign: string) => `
  INSERT INTO contact_count_deltas (${key}, n)
  SELECT r.helpline_id, r.year, r.month, r.kind, d.dimension, d.k1, d.k2, ${sign}count(*)::int
  FROM (SELECT helpline_id, kind, theme_id, subtheme_ids, date_part('year', local_date)::int AS year, date_part('month', local_date)::int AS month
        FROM ${rows} OFFSET 0) r, -- OFFSET 0: year and month once per row, not once per counted key
    LATERAL (SELECT 'theme', r.theme_id::text, NULL::text UNION ALL SELECT 'subtheme', s::text, r.theme_id::text FROM unnest(r.subtheme_ids) AS s)
      AS d(dimension, k1, k2)
  GROUP BY 1, 2, 3, 4, 5, 6, 7;`;

const apply = (fn: string, counts: (rows: string, sign: string) => string) => `CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE','DELETE') THEN ${counts('old_rows', '-')}
    END IF;
    IF TG_OP IN ('UPDATE','INSERT') THEN ${counts('new_rows', '')}
    END IF;
    RETURN NULL;
  END $$`;

const statements = [apply('contact_counts_apply', contactCounts), apply('contact_theme_counts_apply', themeCounts)];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('202611231610 cannot be undone (202611231530 holds the earlier functions)');
}
