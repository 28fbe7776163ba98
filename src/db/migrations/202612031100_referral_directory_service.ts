import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// A referral may name the directory service it went to (issue 10: casework referrals linked to
// directory services). No foreign key: a directory import replaces every record, and a referral
// made years ago keeps the id and the agency name it was made with.
const statements = ['ALTER TABLE case_referrals ADD COLUMN directory_service_id uuid'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('ALTER TABLE case_referrals DROP COLUMN directory_service_id').execute(db);
}
