import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// Consent (samtykkeskjema, seed 002 5.1) and the person a case follows up (issue 9, point 2;
// decision 0031). A person row exists only while the case has a consent in force: recording
// identifying data needs one, and withdrawing it deletes the row in the same transaction. The
// name and how to reach the person safely are encrypted with the field key (BROBYGGER_KEY_FILE);
// birth year, gender and languages stay readable, as the report counts age and gender of users
// with consent (002, 5.1).
const statements = [
  `CREATE TABLE case_consents (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    form text NOT NULL CHECK (form IN ('signed', 'verbal')),
    given_on date NOT NULL,
    covers text[] NOT NULL CHECK (cardinality(covers) BETWEEN 1 AND 20),
    recorded_by uuid NOT NULL REFERENCES users(id),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    withdrawn_on date,
    withdrawn_by uuid REFERENCES users(id),
    withdrawn_at timestamptz,
    CHECK ((withdrawn_on IS NULL) = (withdrawn_at IS NULL))
  )`,
  // One consent in force per case; withdrawn ones stay as the record of what was agreed when.
  'CREATE UNIQUE INDEX case_consents_in_force_idx ON case_consents (case_id) WHERE withdrawn_at IS NULL',
  'CREATE INDEX case_consents_case_idx ON case_consents (case_id, recorded_at)',
  `CREATE TABLE case_persons (
    case_id uuid PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    name_encrypted text,
    birth_year integer CHECK (birth_year BETWEEN 1900 AND 2100),
    gender text CHECK (gender IN ('female', 'male', 'other', 'not_stated')),
    languages text[] NOT NULL DEFAULT '{}',
    reach_encrypted text,
    updated_by uuid NOT NULL REFERENCES users(id),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TABLE case_persons').execute(db);
  await sql.raw('DROP TABLE case_consents').execute(db);
}
