import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// Follow-up cases (oppfølgingssaker, issue 9; decision 0031). A case belongs to one helpline (the
// service that follows the person up), has one owner, and links the contacts it grew from (linked,
// not copied: the contact stays the helpline's record). No identifying data about the person here:
// a pseudonym only, until consent allows more (a later table, encrypted where the issue says so).
//
// Lists are read by key in the order they show (decision 0027): a caseworker's own cases by
// (owner_id, opened_at, id), a service's cases by (helpline_id, opened_at, id), newest first.
const statements = [
  `CREATE TABLE cases (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    helpline_id text NOT NULL REFERENCES helplines(id),
    user_group text NOT NULL CHECK (user_group IN ('helpline', 'housing_programme', 'anonymous_regular')),
    pseudonym text NOT NULL CHECK (char_length(pseudonym) BETWEEN 1 AND 60),
    owner_id uuid NOT NULL REFERENCES users(id),
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paused', 'closed')),
    close_reason text CHECK (close_reason IN ('goal_reached', 'referred_on', 'person_ended', 'no_contact', 'time_limit_reached', 'other')),
    close_outcome text CHECK (char_length(close_outcome) <= 500),
    time_limit date,
    opened_at timestamptz NOT NULL DEFAULT now(),
    closed_at timestamptz,
    created_by uuid NOT NULL REFERENCES users(id),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1,
    CHECK ((status = 'closed') = (close_reason IS NOT NULL AND closed_at IS NOT NULL)),
    CHECK (status = 'closed' OR close_outcome IS NULL)
  )`,
  'CREATE INDEX cases_owner_opened_idx ON cases (owner_id, opened_at DESC, id DESC)',
  'CREATE INDEX cases_helpline_opened_idx ON cases (helpline_id, opened_at DESC, id DESC)',
  `CREATE TABLE case_contacts (
    case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    linked_by uuid NOT NULL REFERENCES users(id),
    linked_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (case_id, contact_id)
  )`,
  'CREATE INDEX case_contacts_contact_idx ON case_contacts (contact_id)',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TABLE case_contacts').execute(db);
  await sql.raw('DROP TABLE cases').execute(db);
}
