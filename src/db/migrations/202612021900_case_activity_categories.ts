import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// Activity categories per service (issue 9 point 3): the helpline file may name which of seed
// 002's categories its follow-up uses, in its order; NULL means all of them.
const statements = ['ALTER TABLE helplines ADD COLUMN case_activity_categories text[]'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('ALTER TABLE helplines DROP COLUMN case_activity_categories').execute(db);
}
