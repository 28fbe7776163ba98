import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// Checklist indicators ticked on a follow-up case (issue 10 point 5): which items of which
// checklist, and whether the person is a minor or in acute danger, as the tool's advice depends
// on it. Item ids only; the checklist texts stay in data/checklists/. Gone with the case.
const statements = [
  `CREATE TABLE case_checklist_ticks (
    case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    checklist_id text NOT NULL,
    item_ids text[] NOT NULL DEFAULT '{}',
    minor boolean NOT NULL DEFAULT false,
    acute boolean NOT NULL DEFAULT false,
    updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1,
    PRIMARY KEY (case_id, checklist_id)
  )`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TABLE case_checklist_ticks').execute(db);
}
