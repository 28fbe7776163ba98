import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// Referrals (henvisninger, issue 9 point 4; seed 002, 5.4): the agency a person is referred to
// while the case goes on, why, whether we go with them, and later what came of it. A referral to
// an agency type the consent in force does not cover carries a coordinator's written reason
// (decision 0031, addendum). Read as the case's timeline: by case, newest first.
const statements = [
  `CREATE TABLE case_referrals (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    agency_type text NOT NULL,
    agency_name text CHECK (char_length(agency_name) <= 120),
    reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 500),
    referred_on date NOT NULL,
    accompanied boolean NOT NULL DEFAULT false,
    override_reason text CHECK (char_length(override_reason) <= 500),
    outcome text CHECK (char_length(outcome) <= 500),
    outcome_on date,
    created_by uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1,
    CHECK ((outcome IS NULL) = (outcome_on IS NULL))
  )`,
  'CREATE INDEX case_referrals_case_idx ON case_referrals (case_id, referred_on DESC, id DESC)',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TABLE case_referrals').execute(db);
}
