import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// The follow-up activity log (issue 9 point 3): what was done for the person, in the categories of
// seed 002's tables in section 5 (telephone/mail with the person, practical help, contact with
// NAV, police, the housing programmes, Kompetanseteamet, child welfare, other agencies, meetings
// with external agencies with the role we had, physical meetings, mail agreements), when, how
// long, by whom, and a note. Read as the case's timeline: by case, newest first.
const statements = [
  `CREATE TABLE case_activities (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    category text NOT NULL,
    happened_on date NOT NULL,
    duration_minutes integer CHECK (duration_minutes BETWEEN 0 AND 1440),
    meeting_role text CHECK (meeting_role IN ('coordinator', 'support', 'bridge_builder')),
    note text CHECK (char_length(note) <= 1000),
    created_by uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (meeting_role IS NULL OR category = 'external_meeting')
  )`,
  'CREATE INDEX case_activities_case_idx ON case_activities (case_id, happened_on DESC, id DESC)',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TABLE case_activities').execute(db);
}
