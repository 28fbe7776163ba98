import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// Reports say how many of a year's contacts are synthetic demo data. Counting them through the
// partial index of 202611231520 costs a scan of every demo row (170 ms for a million); counting
// them like every other dimension costs nothing. The contact count trigger gains a 'source'
// dimension, existing contacts are backfilled, and the index goes.
const key = 'helpline_id, year, month, kind, dimension, k1, k2';
const contactDims = `(VALUES ('total', NULL::text, NULL::text), ('channel', r.channel, NULL), ('who', r.who_id::text, NULL),
  ('age_gender', r.age_group_id::text, r.gender_id::text), ('country', r.country, NULL), ('body_type', r.body_type_id::text, NULL),
  ('follow_up', ('follow_up_case' = ANY(r.outcomes))::text, NULL), ('source', r.source, NULL)) AS d(dimension, k1, k2)`;

const statements = [
  `CREATE OR REPLACE FUNCTION contact_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE','DELETE') THEN
      INSERT INTO contact_count_deltas (${key}, n)
      SELECT r.helpline_id, extract(year FROM r.local_date)::int, extract(month FROM r.local_date)::int, r.kind, d.dimension, d.k1, d.k2, -count(*)::int
      FROM old_rows r, LATERAL ${contactDims} GROUP BY 1,2,3,4,5,6,7;
    END IF;
    IF TG_OP IN ('UPDATE','INSERT') THEN
      INSERT INTO contact_count_deltas (${key}, n)
      SELECT r.helpline_id, extract(year FROM r.local_date)::int, extract(month FROM r.local_date)::int, r.kind, d.dimension, d.k1, d.k2, count(*)::int
      FROM new_rows r, LATERAL ${contactDims} GROUP BY 1,2,3,4,5,6,7;
    END IF;
    RETURN NULL;
  END $$`,
  `INSERT INTO contact_counts (${key}, n)
   SELECT helpline_id, extract(year FROM local_date)::int, extract(month FROM local_date)::int, kind, 'source', source, NULL, count(*)::int
   FROM contacts GROUP BY 1,2,3,4,5,6,7`,
  'DROP INDEX contacts_demo_idx',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('202611231530 cannot be undone');
}
