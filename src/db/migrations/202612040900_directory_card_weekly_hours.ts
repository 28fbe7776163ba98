import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports.
//
// A result card now carries the weekly hours of schedules that have no note (days and times, for
// the page to word in the reader's language); before, such hours were not shown at all. An empty
// card makes the node that starts next build every search row again from its records, once
// (rebuildOutdatedSearchRows).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`UPDATE directory_search SET card = '{}'::jsonb`.execute(db);
}
