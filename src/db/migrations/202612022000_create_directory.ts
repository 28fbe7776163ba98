import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// The service directory (issue 10, decision 0034): every HSDS 3.0 record as its validated JSON,
// one row each, with the links the API follows as columns of their own so each nested list is an
// index lookup, never a scan of documents.
const statements = [
  `CREATE TABLE directory_records (
    kind text NOT NULL CHECK (kind IN ('organization', 'service', 'location', 'service_at_location', 'phone', 'schedule', 'service_area', 'language', 'address', 'taxonomy', 'taxonomy_term', 'attribute')),
    id uuid NOT NULL,
    doc jsonb NOT NULL,
    organization_id uuid,
    service_id uuid,
    location_id uuid,
    service_at_location_id uuid,
    link_id uuid,
    sort_name text NOT NULL DEFAULT '',
    PRIMARY KEY (kind, id)
  )`,
  // Lists in the order they show (name, then id), paged through this index (issue 8 point 3).
  'CREATE INDEX directory_records_list ON directory_records (kind, sort_name, id)',
  'CREATE INDEX directory_records_organization ON directory_records (organization_id, kind) WHERE organization_id IS NOT NULL',
  'CREATE INDEX directory_records_service ON directory_records (service_id, kind) WHERE service_id IS NOT NULL',
  'CREATE INDEX directory_records_location ON directory_records (location_id, kind) WHERE location_id IS NOT NULL',
  'CREATE INDEX directory_records_sal ON directory_records (service_at_location_id, kind) WHERE service_at_location_id IS NOT NULL',
  'CREATE INDEX directory_records_link ON directory_records (link_id, kind) WHERE link_id IS NOT NULL',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TABLE directory_records').execute(db);
}
