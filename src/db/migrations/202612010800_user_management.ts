import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// User management: administrators see when each user last signed in, and hand a user a one-time
// link to set a new password. Only the SHA-256 of a link's token is stored; a link is deleted
// when used, when a newer one is made for the same user, or when the user is deleted.
const statements = [
  'ALTER TABLE users ADD COLUMN last_login_at timestamptz',
  `CREATE TABLE password_reset_tokens (
    token_hash text PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_by uuid REFERENCES users(id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
  )`,
  'CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id)',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TABLE password_reset_tokens').execute(db);
  await sql.raw('ALTER TABLE users DROP COLUMN last_login_at').execute(db);
}
