import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// Category references on contacts were foreign keys: six lookups per imported row, which the
// import benchmark showed to cost a quarter of its time, while checking less than the service
// does (a foreign key cannot tell that a category belongs to this helpline and dimension). Contacts
// keep their helpline, author and batch keys; categories instead can never be deleted (they are
// retired), so a stored reference can never dangle.
const statements = [
  'ALTER TABLE contacts DROP CONSTRAINT contacts_who_id_fkey',
  'ALTER TABLE contacts DROP CONSTRAINT contacts_age_group_id_fkey',
  'ALTER TABLE contacts DROP CONSTRAINT contacts_gender_id_fkey',
  'ALTER TABLE contacts DROP CONSTRAINT contacts_body_type_id_fkey',
  'ALTER TABLE contacts DROP CONSTRAINT contacts_referred_to_id_fkey',
  'ALTER TABLE contact_themes DROP CONSTRAINT contact_themes_theme_id_fkey',
  `CREATE FUNCTION taxonomy_categories_keep() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'taxonomy categories are retired, never deleted';
  END $$`,
  `CREATE TRIGGER taxonomy_categories_no_delete BEFORE DELETE OR TRUNCATE ON taxonomy_categories
    FOR EACH STATEMENT EXECUTE FUNCTION taxonomy_categories_keep()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TRIGGER taxonomy_categories_no_delete ON taxonomy_categories').execute(db);
  await sql.raw('DROP FUNCTION taxonomy_categories_keep()').execute(db);
  for (const c of ['who_id', 'age_group_id', 'gender_id', 'body_type_id', 'referred_to_id']) {
    await sql.raw(`ALTER TABLE contacts ADD CONSTRAINT contacts_${c}_fkey FOREIGN KEY (${c}) REFERENCES taxonomy_categories(id)`).execute(db);
  }
  await sql.raw('ALTER TABLE contact_themes ADD CONSTRAINT contact_themes_theme_id_fkey FOREIGN KEY (theme_id) REFERENCES taxonomy_categories(id)').execute(db);
}
