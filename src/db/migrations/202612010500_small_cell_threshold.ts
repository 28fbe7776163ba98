import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// Each helpline sets in its data file the smallest count its published statistics show as is
// (decision 0015); smaller counts, and those they could be worked out from, are hidden. NULL: 5.
const statements = [
  'ALTER TABLE helplines ADD COLUMN small_cell_threshold integer CHECK (small_cell_threshold BETWEEN 2 AND 100)',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('ALTER TABLE helplines DROP COLUMN small_cell_threshold').execute(db);
}
