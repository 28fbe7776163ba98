import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// Sign-in attempts are slowed per typed e-mail, per address and per known device instead of
// locking accounts (decision 0013). Keys hold no e-mail in clear: `account:` + SHA-256 of it.
const statements = [
  `CREATE TABLE login_failures (
    key text PRIMARY KEY,
    failures integer NOT NULL CHECK (failures > 0),
    last_failed_at timestamptz NOT NULL
  )`,
  'CREATE INDEX login_failures_last_failed_idx ON login_failures (last_failed_at)',
  // A browser a user has signed in from: its cookie lets that user past the slow-down others caused.
  `CREATE TABLE login_devices (
    token_hash text PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  'CREATE INDEX login_devices_user_idx ON login_devices (user_id)',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TABLE login_devices').execute(db);
  await sql.raw('DROP TABLE login_failures').execute(db);
}
