import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// The directory's search ranks in each node's memory (decision 0036); PostgreSQL keeps what it is
// built from. Each search row keeps its words as lexemes with the weights of the fields they stand
// in ("lexeme weights", one pair after another), computed once at indexing from the stemmed text
// vector; the card a result shows (names, phones, places, hours as written), so a page of results
// is one read by key; and the generation it was written in. The state row says which generation
// the rows have reached and when they were last rebuilt whole, so a node sees at once whether its
// copy is current and whether one service or all of them must be read again.
const statements = [
  "ALTER TABLE directory_search ADD COLUMN terms text NOT NULL DEFAULT ''",
  "ALTER TABLE directory_search ADD COLUMN card jsonb NOT NULL DEFAULT '{}'",
  'ALTER TABLE directory_search ADD COLUMN generation bigint NOT NULL DEFAULT 0',
  `UPDATE directory_search SET terms = COALESCE((SELECT string_agg(lexeme || ' ' || array_to_string(weights, ''), ' ') FROM unnest(document)), '')`,
  'DROP INDEX directory_search_document',
  'ALTER TABLE directory_search DROP COLUMN document',
  // Filters and name order are read in memory now: these indexes would only slow each import.
  'DROP INDEX directory_search_target_groups',
  'DROP INDEX directory_search_needs',
  'DROP INDEX directory_search_areas',
  'DROP INDEX directory_search_browse',
  'ALTER TABLE directory_search DROP COLUMN open_minutes',
  `CREATE TABLE directory_search_state (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    generation bigint NOT NULL,
    rebuilt_generation bigint NOT NULL
  )`,
  'INSERT INTO directory_search_state (generation, rebuilt_generation) VALUES (1, 1)',
  // A node behind by an edit reads the rows newer than its generation: a few, by this index.
  'CREATE INDEX directory_search_generation ON directory_search (generation)',
  // Without statistics PostgreSQL takes the one-row table for 1 810 rows and plans (and JIT-compiles) for millions.
  'ANALYZE directory_search_state',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TABLE directory_search_state').execute(db);
  await sql.raw("ALTER TABLE directory_search ADD COLUMN document tsvector NOT NULL DEFAULT ''").execute(db);
  await sql.raw('CREATE INDEX directory_search_document ON directory_search USING gin (document)').execute(db);
  await sql.raw('ALTER TABLE directory_search ADD COLUMN open_minutes int4multirange').execute(db);
  for (const [name, column] of [['target_groups', 'target_groups'], ['needs', 'needs'], ['areas', 'areas']]) await sql.raw(`CREATE INDEX directory_search_${name} ON directory_search USING gin (${column})`).execute(db);
  await sql.raw('CREATE INDEX directory_search_browse ON directory_search (sort_name, service_id)').execute(db);
  for (const column of ['terms', 'card', 'generation']) await sql.raw(`ALTER TABLE directory_search DROP COLUMN ${column}`).execute(db);
}
