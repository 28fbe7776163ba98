import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// The dashboard compares this year so far with the same days of last year. Whole months came from
// the counts, the last part-month from the contacts themselves: at 1 M contacts a year that read
// took 10 ms on the 1st of a month and grows with every day of it, on every dashboard view
// (issue 8). Contacts are now also counted per day of the month (dimension 'day', k1 the day), so
// the part-month is a few count rows too. The count triggers of 202612010200, with 'day' added.
const key = 'helpline_id, year, month, kind, dimension, k1, k2';

// dimension → its key columns (k1, k2) in the contact (as in 202612010200, and 'day').
const contactDimensions: [string, string | null, string | null][] = [
  ['channel', 'channel', null], ['who', 'who_id', null], ['age_gender', 'age_group_id', 'gender_id'], ['country', 'country', null],
  ['body_type', 'body_type_id', null], ['follow_up', 'follow_up', null], ['source', 'source', null], ['day', 'day', null],
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
               date_part('day', local_date)::int AS day,
               'follow_up_case' = ANY(outcomes) AS follow_up
        FROM ${rows}) r
  GROUP BY helpline_id, year, month, kind,
    GROUPING SETS ((), ${contactDimensions.map(([, k1, k2]) => `(${[k1, k2].filter(Boolean).join(', ')})`).join(', ')});`;

const both = (rows: string, sign: string) => `
      IF batch IS NULL THEN ${contactCounts(rows, sign, false)}
      ELSE ${contactCounts(rows, sign, true)}
      END IF;`;

const dayOf = `date_part('year', c.local_date)::int, date_part('month', c.local_date)::int, c.kind, 'day', date_part('day', c.local_date)::int::text, NULL`;

const statements = [
  `CREATE OR REPLACE FUNCTION contact_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE batch uuid := nullif(current_setting('brobygger.import_batch', true), '')::uuid;
  BEGIN
    IF TG_OP IN ('UPDATE','DELETE') THEN ${both('old_rows', '-')}
    END IF;
    IF TG_OP IN ('UPDATE','INSERT') THEN ${both('new_rows', '')}
    END IF;
    RETURN NULL;
  END $$`,
  // The contacts already stored, counted by day where their other counts are: the report's counts
  // for contacts of no batch or of a published one (or one being undone: its remaining contacts
  // are still in the report, and each deletion now takes its day off too), the batch's own counts
  // for a batch still loading.
  `INSERT INTO contact_counts (${key}, n)
   SELECT c.helpline_id, ${dayOf}, count(*)::int FROM contacts c
   LEFT JOIN import_batches b ON b.id = c.import_batch_id
   WHERE c.import_batch_id IS NULL OR b.state IN ('published', 'undoing')
   GROUP BY 1, 2, 3, 4, 5, 6, 7`,
  `INSERT INTO import_batch_counts (batch_id, ${key}, n)
   SELECT c.import_batch_id, c.helpline_id, ${dayOf}, count(*)::int FROM contacts c
   JOIN import_batches b ON b.id = c.import_batch_id AND b.state = 'loading'
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('202612011400 cannot be undone');
}
