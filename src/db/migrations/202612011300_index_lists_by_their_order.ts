import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// Every list is read in the order it shows, from an index in that order (decision 0027). "My
// contacts" (a counsellor's own, newest first) sorted by started_at while its only index was on
// (created_by, created_at): at 1 M contacts each page read the counsellor's whole history. The
// old index served nothing else; the new one also serves the foreign key from users.
const statements = [
  'CREATE INDEX contacts_created_by_started_idx ON contacts (created_by, started_at DESC, id DESC)',
  'DROP INDEX contacts_created_by_idx',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of [
    'CREATE INDEX contacts_created_by_idx ON contacts (created_by, created_at DESC)',
    'DROP INDEX contacts_created_by_started_idx',
  ]) await sql.raw(statement).execute(db);
}
