import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
const statements = [
  `CREATE TABLE users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email text NOT NULL,
    display_name text NOT NULL DEFAULT '',
    password_hash text NOT NULL,
    role text NOT NULL CHECK (role IN ('admin','coordinator','caseworker','counsellor','volunteer','analyst')),
    locale text NOT NULL DEFAULT 'nb' CHECK (locale IN ('nb','da','en')),
    failed_logins integer NOT NULL DEFAULT 0,
    locked_until timestamptz,
    disabled_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE UNIQUE INDEX users_email_key ON users (lower(email))`,
  `CREATE TABLE sessions (
    token_hash text PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
  )`,
  `CREATE INDEX sessions_user_idx ON sessions (user_id)`,
  `CREATE TABLE setup_tokens (
    token_hash text PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
  )`,
  `CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    actor_id uuid,
    action text NOT NULL,
    entity text NOT NULL,
    entity_id text,
    detail jsonb NOT NULL DEFAULT '{}'::jsonb,
    -- Sealed later, in commit order, by the audit sealer: chain_seq and hash link each row to the
    -- one sealed before it, so writers never queue on a global lock.
    chain_seq bigint UNIQUE,
    hash text
  )`,
  `-- The audit log is append-only: no update or delete, whoever asks.
  CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    -- The only change allowed is sealing an unsealed row, leaving its content as it was.
    IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND NEW.hash IS NOT NULL
       AND (NEW.id, NEW.at, NEW.actor_id, NEW.action, NEW.entity, NEW.entity_id, NEW.detail)
           IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.actor_id, OLD.action, OLD.entity, OLD.entity_id, OLD.detail) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only';
  END $$`,
  `CREATE INDEX audit_log_unsealed_idx ON audit_log (id) WHERE hash IS NULL`,
  `CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id)`,
  `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['audit_log', 'setup_tokens', 'sessions', 'users']) await sql.raw(`DROP TABLE ${t} CASCADE`).execute(db);
}
