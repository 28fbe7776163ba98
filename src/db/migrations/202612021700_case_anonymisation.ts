import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// Erasure on request and retention of follow-up cases (issue 9 point 8; decision 0033). A case is
// anonymised, not deleted, so the year's report keeps counting it: what could identify the person
// goes (the person, the protected address, every free text, the links to contacts), what the
// report counts stays (user group, dates, activity categories, referral agency types). Birth year
// and gender of a person with consent move onto the case row, as the report counts the age and
// gender of users with consent (seed 002, 5.1); with no name, pseudonym or text beside them they
// are a count's key, not a person. A service may anonymise its closed cases after N months.
const statements = [
  `ALTER TABLE cases ADD COLUMN anonymised_at timestamptz,
    ADD COLUMN anon_birth_year integer CHECK (anon_birth_year BETWEEN 1900 AND 2100),
    ADD COLUMN anon_gender text CHECK (anon_gender IN ('female', 'male', 'other', 'not_stated'))`,
  'ALTER TABLE case_referrals ALTER COLUMN reason DROP NOT NULL',
  'ALTER TABLE helplines ADD COLUMN case_anonymise_after_months integer CHECK (case_anonymise_after_months BETWEEN 1 AND 240)',
  // The retention job's read: a service's closed cases not yet anonymised, oldest closed first.
  `CREATE INDEX cases_to_anonymise_idx ON cases (helpline_id, closed_at) WHERE status = 'closed' AND anonymised_at IS NULL`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP INDEX cases_to_anonymise_idx').execute(db);
  await sql.raw('ALTER TABLE helplines DROP COLUMN case_anonymise_after_months').execute(db);
  await sql.raw('ALTER TABLE cases DROP COLUMN anonymised_at, DROP COLUMN anon_birth_year, DROP COLUMN anon_gender').execute(db);
}
