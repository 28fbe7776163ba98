import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// The progress of an import (or undo) while it runs, so that the import page's polls are answered
// by whichever node they reach, not only by the node the upload went to (issue 8: nodes behind
// one address). The job id is the browser's random UUID; the owner is the only one who may read
// it. Counts and a phase only: nothing from the file. Rows are deleted ten minutes after their
// last change, at the next import's start and by the hourly retention job.
//
// UNLOGGED: a progress figure is not worth a write-ahead-log flush, and a crash of the database
// server that empties the table only hides a bar that the page then stops polling.
const statements = [
  `CREATE UNLOGGED TABLE import_jobs (
    job_id uuid PRIMARY KEY,
    owner_id uuid NOT NULL,
    phase text NOT NULL CHECK (phase IN ('checking', 'publishing', 'done', 'failed')),
    checked integer NOT NULL CHECK (checked >= 0),
    loaded integer NOT NULL CHECK (loaded >= 0),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  'CREATE INDEX import_jobs_updated_idx ON import_jobs (updated_at)',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TABLE import_jobs').execute(db);
}
