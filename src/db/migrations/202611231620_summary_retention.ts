import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// A contact's free-text summary is personal data; the rest of the row is anonymous and keeps the
// statistics. Each helpline says how many months a summary is kept (data/helplines/*.json); the
// retention job blanks older summaries and deletes their edit history (which holds copies).
const statements = [
  'ALTER TABLE helplines ADD COLUMN summary_retention_months integer CHECK (summary_retention_months BETWEEN 1 AND 120)',
  // The job finds contacts past the limit that still have a summary without scanning the rest.
  'CREATE INDEX contacts_summary_kept_idx ON contacts (helpline_id, started_at) WHERE summary IS NOT NULL',
  'CREATE INDEX sessions_expires_idx ON sessions (expires_at)',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const s of ['DROP INDEX sessions_expires_idx', 'DROP INDEX contacts_summary_kept_idx', 'ALTER TABLE helplines DROP COLUMN summary_retention_months']) {
    await sql.raw(s).execute(db);
  }
}
