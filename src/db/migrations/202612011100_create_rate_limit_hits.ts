import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// The routes' request limits (`config.rateLimit`: sign-in, codes, passkeys, password links) are
// counted here instead of in each node's memory, so two nodes allow what one would
// (docs/decisions/0025). One row per route and client in its current window; the key is a
// SHA-256 of the route and the client address, never the address itself.
//
// UNLOGGED: a minute's counts are not worth a write-ahead-log flush per request (on PostgreSQL a
// count took 4 ms with one, 0.4 ms without). A clean restart keeps them; a crash of the database
// server empties the table, which only gives every client a fresh minute once. The durable
// sign-in slow-down (`login_failures`, decision 0013) is unaffected.
const statements = [
  `CREATE UNLOGGED TABLE rate_limit_hits (
    key text PRIMARY KEY,
    hits integer NOT NULL CHECK (hits > 0),
    -- When the current window ends: the next request after it starts a new count from one.
    resets_at timestamptz NOT NULL
  )`,
  // Ended windows are deleted (src/server/rate-limit/queries.ts): found by their end.
  'CREATE INDEX rate_limit_hits_resets_idx ON rate_limit_hits (resets_at)',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TABLE rate_limit_hits').execute(db);
}
