import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// Two-factor sign-in (docs/decisions/0014): a TOTP secret per user (encrypted by the app before it
// gets here), one-time recovery codes stored only as hashes, and the short-lived "password was
// right, second step pending" state, which is not a session and opens nothing else.
const statements = [
  `CREATE TABLE second_factors (
    user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    totp_secret text NOT NULL,
    -- NULL while enrolment waits for the first code; sign-in asks for a code once it is set.
    confirmed_at timestamptz,
    -- The time step of the last code accepted: a code is never accepted twice.
    last_used_step bigint NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE recovery_codes (
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash text NOT NULL,
    used_at timestamptz,
    PRIMARY KEY (user_id, code_hash)
  )`,
  `CREATE TABLE sign_in_challenges (
    token_hash text PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose text NOT NULL CHECK (purpose IN ('verify', 'enrol')),
    failures integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
  )`,
  `CREATE INDEX sign_in_challenges_user_idx ON sign_in_challenges (user_id)`,
  // Whether the session was opened with a second factor: roles that read contacts need one, so
  // sessions from before this migration (or from before a change of role) stop working.
  `ALTER TABLE sessions ADD COLUMN second_factor boolean NOT NULL DEFAULT false`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('ALTER TABLE sessions DROP COLUMN second_factor').execute(db);
  for (const t of ['sign_in_challenges', 'recovery_codes', 'second_factors']) await sql.raw(`DROP TABLE ${t}`).execute(db);
}
