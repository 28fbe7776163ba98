import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// Passkeys (WebAuthn) as a second factor (docs/decisions/0020): a user's registered credentials
// (public keys only; the private key never leaves the authenticator), and the one-time challenges
// a registration or a sign-in signs, each bound to the session or pending sign-in that asked.
const statements = [
  `CREATE TABLE passkeys (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    -- The authenticator's credential id and COSE public key, base64url.
    credential_id text NOT NULL UNIQUE,
    public_key text NOT NULL,
    -- The authenticator's signature counter: a value that does not move forward is a cloned key.
    sign_count bigint NOT NULL DEFAULT 0,
    -- How the browser may reach it (internal, usb, hybrid …), comma-separated.
    transports text NOT NULL DEFAULT '',
    -- The user's own label, such as "Work laptop".
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz
  )`,
  `CREATE INDEX passkeys_user_idx ON passkeys (user_id)`,
  `CREATE TABLE passkey_challenges (
    -- SHA-256 of the session token (registration) or of the pending sign-in's token (sign-in).
    bound_to text NOT NULL,
    purpose text NOT NULL CHECK (purpose IN ('register', 'sign_in')),
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    challenge text NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (bound_to, purpose)
  )`,
  `CREATE INDEX passkey_challenges_user_idx ON passkey_challenges (user_id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['passkey_challenges', 'passkeys']) await sql.raw(`DROP TABLE ${t}`).execute(db);
}
