import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// Imports load in short transactions (decision 0011): a batch's contacts are written while the
// batch is `loading`, hidden from every reader, and published in one short step. While a
// transaction has set `brobygger.import_batch`, the count triggers add to that batch's own counts
// (import_batch_counts) instead of the report's; publishing moves them over summed per key, so the
// report changes in one step however large the file. Undoing a batch deletes its contacts the
// same way and takes their counts off in one step at the end.
const key = 'helpline_id, year, month, kind, dimension, k1, k2';

// dimension → its key columns (k1, k2) in the contact (as in 202611231610).
const contactDimensions: [string, string | null, string | null][] = [
  ['channel', 'channel', null], ['who', 'who_id', null], ['age_gender', 'age_group_id', 'gender_id'], ['country', 'country', null],
  ['body_type', 'body_type_id', null], ['follow_up', 'follow_up', null], ['source', 'source', null],
];

/** Where counts go: the report's deltas, or the batch's own counts while `batch` is set. */
const into = (batch: boolean) => (batch ? `import_batch_counts (batch_id, ${key}, n)` : `contact_count_deltas (${key}, n)`);

const contactCounts = (rows: string, sign: string, batch: boolean) => `
  INSERT INTO ${into(batch)}
  SELECT ${batch ? 'batch, ' : ''}helpline_id, year, month, kind,
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

const themeCounts = (rows: string, sign: string, batch: boolean) => `
  INSERT INTO ${into(batch)}
  SELECT ${batch ? 'batch, ' : ''}r.helpline_id, r.year, r.month, r.kind, d.dimension, d.k1, d.k2, ${sign}count(*)::int
  FROM (SELECT helpline_id, kind, theme_id, subtheme_ids, date_part('year', local_date)::int AS year, date_part('month', local_date)::int AS month
        FROM ${rows} OFFSET 0) r,
    LATERAL (SELECT 'theme', r.theme_id::text, NULL::text UNION ALL SELECT 'subtheme', s::text, r.theme_id::text FROM unnest(r.subtheme_ids) AS s)
      AS d(dimension, k1, k2)
  GROUP BY ${batch ? '1, 2, 3, 4, 5, 6, 7, 8' : '1, 2, 3, 4, 5, 6, 7'};`;

type Counts = (rows: string, sign: string, batch: boolean) => string;
const both = (counts: Counts, rows: string, sign: string) => `
      IF batch IS NULL THEN ${counts(rows, sign, false)}
      ELSE ${counts(rows, sign, true)}
      END IF;`;

const apply = (fn: string, counts: Counts) => `CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE batch uuid := nullif(current_setting('brobygger.import_batch', true), '')::uuid;
  BEGIN
    IF TG_OP IN ('UPDATE','DELETE') THEN ${both(counts, 'old_rows', '-')}
    END IF;
    IF TG_OP IN ('UPDATE','INSERT') THEN ${both(counts, 'new_rows', '')}
    END IF;
    RETURN NULL;
  END $$`;

const statements = [
  `ALTER TABLE import_batches
     ADD COLUMN state text NOT NULL DEFAULT 'published' CHECK (state IN ('loading', 'published', 'undoing', 'undone')),
     ADD COLUMN file_sha256 text,
     ADD COLUMN heartbeat_at timestamptz NOT NULL DEFAULT now(),
     ADD COLUMN undone_by uuid REFERENCES users(id) ON DELETE SET NULL,
     ADD COLUMN undone_at timestamptz`,
  'CREATE INDEX import_batches_file_idx ON import_batches (helpline_id, file_sha256)',
  // Readers hide contacts of batches not published: a short list, looked up once per query.
  "CREATE INDEX import_batches_unpublished_idx ON import_batches (id) WHERE state <> 'published'",
  'CREATE INDEX contacts_import_batch_idx ON contacts (import_batch_id) WHERE import_batch_id IS NOT NULL',
  `CREATE TABLE import_batch_counts (
    batch_id uuid NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
    helpline_id text NOT NULL, year integer NOT NULL, month integer NOT NULL, kind text NOT NULL,
    dimension text NOT NULL, k1 text, k2 text, n integer NOT NULL
  )`,
  'CREATE INDEX import_batch_counts_batch_idx ON import_batch_counts (batch_id)',
  // The language of a helpline's own texts (the import template's example row).
  "ALTER TABLE helplines ADD COLUMN language text NOT NULL DEFAULT 'nb' CHECK (language IN ('nb', 'da'))",
  apply('contact_counts_apply', contactCounts),
  apply('contact_theme_counts_apply', themeCounts),
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('202612010200 cannot be undone');
}
