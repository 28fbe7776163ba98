import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// A counter each fold of count deltas moves on (decision 0004, addendum of issue 8): a node keeps
// the folded counts it summed for a report and, while the counter stands still, reads only the
// deltas appended since. A fold every two seconds under load costs one full sum per two seconds
// instead of one per dashboard view (43 ms of the database server each at 1 M contacts).
const statements = [
  `CREATE TABLE contact_count_folds (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    generation bigint NOT NULL
  )`,
  'INSERT INTO contact_count_folds (generation) VALUES (0)',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TABLE contact_count_folds').execute(db);
}
