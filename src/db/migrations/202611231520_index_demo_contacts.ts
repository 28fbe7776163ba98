import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. Reports say how many of a year's contacts are synthetic demo
// data; this partial index keeps that count instant (empty when no demo data was ever loaded).
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`CREATE INDEX contacts_demo_idx ON contacts (helpline_id, local_date) WHERE source = 'demo'`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP INDEX contacts_demo_idx').execute(db);
}
