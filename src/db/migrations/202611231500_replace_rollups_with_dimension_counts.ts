import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// Replaces the wide rollups of 202611231410 (one row per combination of eleven columns: 190 000
// rows for a million contacts, and hot rows that writers queued on) with narrow counts: one row
// per helpline, year, month, kind, dimension and value. Triggers only append deltas; a job folds
// them into contact_counts (see docs/decisions/0004).
const key = 'helpline_id, year, month, kind, dimension, k1, k2';

// Which (dimension, k1, k2) rows one contact contributes.
const contactDims = `(VALUES ('total', NULL::text, NULL::text), ('channel', r.channel, NULL), ('who', r.who_id::text, NULL),
  ('age_gender', r.age_group_id::text, r.gender_id::text), ('country', r.country, NULL), ('body_type', r.body_type_id::text, NULL),
  ('follow_up', ('follow_up_case' = ANY(r.outcomes))::text, NULL)) AS d(dimension, k1, k2)`;
const themeDims = `(SELECT 'theme' AS dimension, r.theme_id::text AS k1, NULL::text AS k2
  UNION ALL SELECT 'subtheme', s::text, r.theme_id::text FROM unnest(r.subtheme_ids) AS s) AS d`;

const apply = (fn: string, dims: string) => `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE','DELETE') THEN
      INSERT INTO contact_count_deltas (${key}, n)
      SELECT r.helpline_id, extract(year FROM r.local_date)::int, extract(month FROM r.local_date)::int, r.kind, d.dimension, d.k1, d.k2, -count(*)::int
      FROM old_rows r, LATERAL ${dims} GROUP BY 1,2,3,4,5,6,7;
    END IF;
    IF TG_OP IN ('UPDATE','INSERT') THEN
      INSERT INTO contact_count_deltas (${key}, n)
      SELECT r.helpline_id, extract(year FROM r.local_date)::int, extract(month FROM r.local_date)::int, r.kind, d.dimension, d.k1, d.k2, count(*)::int
      FROM new_rows r, LATERAL ${dims} GROUP BY 1,2,3,4,5,6,7;
    END IF;
    RETURN NULL;
  END $$`;

const triggers = (table: string, fn: string) => [
  `CREATE TRIGGER ${table}_counts_ins AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
  `CREATE TRIGGER ${table}_counts_upd AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
  `CREATE TRIGGER ${table}_counts_del AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
];

const statements = [
  'DROP TRIGGER contact_rollup_ins ON contacts',
  'DROP TRIGGER contact_rollup_upd ON contacts',
  'DROP TRIGGER contact_rollup_del ON contacts',
  'DROP TRIGGER contact_theme_rollup_ins ON contact_themes',
  'DROP TRIGGER contact_theme_rollup_upd ON contact_themes',
  'DROP TRIGGER contact_theme_rollup_del ON contact_themes',
  'DROP FUNCTION contact_rollup_apply()',
  'DROP FUNCTION contact_theme_rollup_apply()',
  'DROP TABLE contact_rollup',
  'DROP TABLE contact_theme_rollup',
  `CREATE TABLE contact_counts (
    helpline_id text NOT NULL, year integer NOT NULL, month integer NOT NULL, kind text NOT NULL,
    dimension text NOT NULL, k1 text, k2 text, n integer NOT NULL
  )`,
  `CREATE UNIQUE INDEX contact_counts_key ON contact_counts (${key}) NULLS NOT DISTINCT`,
  // Append-only: writers never update a shared row, so they never wait for each other.
  `CREATE TABLE contact_count_deltas (
    helpline_id text NOT NULL, year integer NOT NULL, month integer NOT NULL, kind text NOT NULL,
    dimension text NOT NULL, k1 text, k2 text, n integer NOT NULL
  )`,
  'CREATE INDEX contact_count_deltas_year_idx ON contact_count_deltas (helpline_id, year)',
  apply('contact_counts_apply', contactDims),
  apply('contact_theme_counts_apply', themeDims),
  ...triggers('contacts', 'contact_counts_apply'),
  ...triggers('contact_themes', 'contact_theme_counts_apply'),
  // Backfill from what is already registered.
  `INSERT INTO contact_counts (${key}, n)
   SELECT r.helpline_id, extract(year FROM r.local_date)::int, extract(month FROM r.local_date)::int, r.kind, d.dimension, d.k1, d.k2, count(*)::int
   FROM contacts r, LATERAL ${contactDims} GROUP BY 1,2,3,4,5,6,7`,
  `INSERT INTO contact_counts (${key}, n)
   SELECT r.helpline_id, extract(year FROM r.local_date)::int, extract(month FROM r.local_date)::int, r.kind, d.dimension, d.k1, d.k2, count(*)::int
   FROM contact_themes r, LATERAL ${themeDims} GROUP BY 1,2,3,4,5,6,7`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('202611231500 cannot be undone: the wide rollups it replaced are not rebuilt');
}
