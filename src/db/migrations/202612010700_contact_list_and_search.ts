import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// Coordinators page through all contacts of their helplines, newest first, and search summaries
// in the helpline's language (decision 0018).
const statements = [
  // The language summaries are written in: it picks the full-text configuration that stems them.
  `ALTER TABLE helplines ADD COLUMN language text NOT NULL DEFAULT 'nb' CHECK (language IN ('nb','da'))`,
  // The list's order and key: (started_at, id) descending within a helpline, so a page is an
  // index range read, however deep, and filters on channel/kind/author are checked along it.
  'CREATE INDEX contacts_helpline_started_idx ON contacts (helpline_id, started_at DESC, id DESC)',
  // One expression index per language; a query names the same expression for the helpline's
  // language. Only rows with a summary: blanked summaries (retention) are NULL and never match.
  `CREATE INDEX contacts_summary_norwegian_idx ON contacts USING gin (to_tsvector('norwegian'::regconfig, summary)) WHERE summary IS NOT NULL`,
  `CREATE INDEX contacts_summary_danish_idx ON contacts USING gin (to_tsvector('danish'::regconfig, summary)) WHERE summary IS NOT NULL`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of [
    'DROP INDEX contacts_summary_danish_idx',
    'DROP INDEX contacts_summary_norwegian_idx',
    'DROP INDEX contacts_helpline_started_idx',
    'ALTER TABLE helplines DROP COLUMN language',
  ]) await sql.raw(statement).execute(db);
}
