import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// The directory's search (issue 10 point 3, decision 0035): one row per service, rebuilt from its
// HSDS records whenever they change, with what the search ranks on (a text vector stemmed in
// Norwegian, Danish and English, plus unstemmed) and what it filters on (target groups, needs,
// areas, languages, ages, opening hours as minutes of the week in the service's own time zone).
// The words of all services, folded, with how many services use each, feed the typo tolerance
// (trigram similarity) and the weight of a query word by its rarity.
const statements = [
  'CREATE EXTENSION IF NOT EXISTS pg_trgm',
  `CREATE TABLE directory_search (
    service_id uuid PRIMARY KEY,
    sort_name text NOT NULL,
    document tsvector NOT NULL,
    target_groups text[] NOT NULL DEFAULT '{}',
    needs text[] NOT NULL DEFAULT '{}',
    areas text[] NOT NULL DEFAULT '{}',
    languages text[] NOT NULL DEFAULT '{}',
    minimum_age integer,
    maximum_age integer,
    time_zone text NOT NULL,
    hours jsonb NOT NULL DEFAULT '[]',
    open_minutes int4multirange
  )`,
  'CREATE INDEX directory_search_document ON directory_search USING gin (document)',
  'CREATE INDEX directory_search_target_groups ON directory_search USING gin (target_groups)',
  'CREATE INDEX directory_search_needs ON directory_search USING gin (needs)',
  'CREATE INDEX directory_search_areas ON directory_search USING gin (areas)',
  // Browsing without words lists services in name order, paged by key (issue 8 point 3).
  'CREATE INDEX directory_search_browse ON directory_search (sort_name, service_id)',
  // How many services use each word: a query word's rarity without counting matches at query time.
  // Byte order ("C"): the key's index also finds every word that starts with a query word.
  `CREATE TABLE directory_words (
    folded text COLLATE "C" PRIMARY KEY,
    word text NOT NULL,
    services integer NOT NULL
  )`,
  'CREATE INDEX directory_words_trgm ON directory_words USING gin (folded gin_trgm_ops)',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TABLE directory_words').execute(db);
  await sql.raw('DROP TABLE directory_search').execute(db);
}
