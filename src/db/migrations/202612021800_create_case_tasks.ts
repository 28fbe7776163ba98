import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// Tasks with due dates on a case (issue 9 point 6), and the reminders of a time limit running out
// (point 8): a reminder is a task the job runner writes (kind 'time_limit'), so it survives
// restarts, shows where tasks show, and is ticked off the same way. At most one reminder per case
// and time limit (the unique index), however many nodes and runs try. Read by case, and as "my
// tasks due" by date over the cases a user may read.
const statements = [
  `CREATE TABLE case_tasks (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind text NOT NULL DEFAULT 'task' CHECK (kind IN ('task', 'time_limit')),
    title text CHECK (char_length(title) BETWEEN 1 AND 200),
    due_on date NOT NULL,
    done_at timestamptz,
    done_by uuid REFERENCES users(id),
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1,
    CHECK ((kind = 'task') = (title IS NOT NULL)),
    CHECK ((done_at IS NULL) = (done_by IS NULL))
  )`,
  'CREATE INDEX case_tasks_case_idx ON case_tasks (case_id, due_on, id)',
  'CREATE INDEX case_tasks_open_due_idx ON case_tasks (due_on, id) WHERE done_at IS NULL',
  `CREATE UNIQUE INDEX case_tasks_one_reminder_idx ON case_tasks (case_id, due_on) WHERE kind = 'time_limit'`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TABLE case_tasks').execute(db);
}
