import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// Protected addresses and mail agreements (issue 9 point 5; seed 002 section 5, "Postavtaler";
// decision 0032). A person living with sperret adresse (kode 6 strengt fortrolig, kode 7
// fortrolig) may have a mail agreement: their mail comes to our address, and they collect it or
// we forward it to the address agreed. The address and contact details are encrypted by the app
// (BROBYGGER_KEY_FILE) before they get here, and the row exists only while consent is in force:
// withdrawing it deletes the row in the same transaction, as for case_persons. The register of
// mail items holds no address: when it came, from whom, and whether it was collected or forwarded.
const statements = [
  `CREATE TABLE case_protections (
    case_id uuid PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    level text NOT NULL CHECK (level IN ('kode6', 'kode7')),
    address_encrypted text,
    contact_encrypted text,
    mail_agreement_on date,
    mail_initiated_by text CHECK (mail_initiated_by IN ('person', 'housing_programme')),
    updated_by uuid NOT NULL REFERENCES users(id),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((mail_agreement_on IS NULL) = (mail_initiated_by IS NULL))
  )`,
  `CREATE TABLE case_mail_items (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    received_on date NOT NULL,
    sender text CHECK (char_length(sender) <= 120),
    handled text NOT NULL DEFAULT 'waiting' CHECK (handled IN ('waiting', 'collected', 'forwarded')),
    handled_on date,
    recorded_by uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1,
    CHECK ((handled = 'waiting') = (handled_on IS NULL))
  )`,
  'CREATE INDEX case_mail_items_case_idx ON case_mail_items (case_id, received_on DESC, id DESC)',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TABLE case_mail_items').execute(db);
  await sql.raw('DROP TABLE case_protections').execute(db);
}
