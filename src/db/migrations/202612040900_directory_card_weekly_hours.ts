import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports.
//
// A result card now carries its weekly hours as days and times (for the page to word in the
// reader's language) with each schedule's note; before, it had the notes only, so hours without
// a note were not shown at all. An empty
// card makes the node that starts next build every search row again from its records, once
// (rebuildOutdatedSearchRows).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`UPDATE directory_search SET card = '{}'::jsonb`.execute(db);
}
