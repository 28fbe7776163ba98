import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
//
// The foreign key from contact_themes to contacts checked and locked the parent contact once per
// theme row: in the import benchmark a fifth of PostgreSQL's time, more than all the indexes.
// Theme rows are only ever written together with their contact (one statement for a
// registration, one transaction for an import or an edit, which holds the contact's row lock),
// so the check moves to one set-based statement per INSERT/UPDATE, and the ON DELETE CASCADE to
// one statement per DELETE of contacts. What the key guaranteed still holds: no theme row
// without its contact, and deleting a contact deletes its themes (tested).
const missingContact = `IF EXISTS (SELECT 1 FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.id = n.contact_id)) THEN
      RAISE EXCEPTION 'contact_themes row without its contact' USING ERRCODE = 'foreign_key_violation';
    END IF;`;

const statements = [
  'ALTER TABLE contact_themes DROP CONSTRAINT contact_themes_contact_id_fkey',
  `CREATE FUNCTION contact_themes_check_contact() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    ${missingContact}
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER contact_themes_contact_ins AFTER INSERT ON contact_themes REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION contact_themes_check_contact()`,
  `CREATE TRIGGER contact_themes_contact_upd AFTER UPDATE ON contact_themes REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION contact_themes_check_contact()`,
  `CREATE FUNCTION contacts_delete_themes() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    DELETE FROM contact_themes t USING old_rows o WHERE t.contact_id = o.id;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER contacts_themes_cascade AFTER DELETE ON contacts REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION contacts_delete_themes()`,
  // A contact's id never changes; refusing it keeps theme rows from being orphaned that way.
  `CREATE FUNCTION contacts_keep_id() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'a contact''s id cannot change';
  END $$`,
  `CREATE TRIGGER contacts_id_fixed BEFORE UPDATE OF id ON contacts FOR EACH ROW
    WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION contacts_keep_id()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const s of [
    'DROP TRIGGER contacts_id_fixed ON contacts', 'DROP FUNCTION contacts_keep_id()',
    'DROP TRIGGER contacts_themes_cascade ON contacts', 'DROP FUNCTION contacts_delete_themes()',
    'DROP TRIGGER contact_themes_contact_upd ON contact_themes', 'DROP TRIGGER contact_themes_contact_ins ON contact_themes',
    'DROP FUNCTION contact_themes_check_contact()',
    'ALTER TABLE contact_themes ADD CONSTRAINT contact_themes_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES contacts(id) ON DELETE CASCADE',
  ]) await sql.raw(s).execute(db);
}
