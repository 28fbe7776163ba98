import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// A contact's free-text summary is personal data; the rest of the row is anonymous and keeps the
// statistics. Each helpline says how many months a summary is kept (data/helplines/*.json); the
// retention job blanks older summaries and deletes their edit history (which holds copies).
const statements = [
  // No index for the job: it runs hourly and a scan of contacts costs it well under a second,
  // while an index would cost every registration and import.
  'ALTER TABLE helplines ADD COLUMN summary_retention_months integer CHECK (summary_retention_months BETWEEN 1 AND 120)',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('ALTER TABLE helplines DROP COLUMN summary_retention_months').execute(db);
}
