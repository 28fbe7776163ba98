import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Database, NewContact } from '../../db/types.js';
import type { Actor, Action } from '../auth/policy.js';
import { contactFilter } from '../auth/policy.js';
import { PREPARED } from '../../db/prepared.js';

type Executor = Db | Transaction<Database>;

export interface ThemeRow {
  themeId: number;
  subthemeIds: number[];
}


export function insertThemes(trx: Transaction<Database>, rows: { contactId: string; helplineId: string; localDate: string; kind: string; themes: ThemeRow[] }[]) {
  const values = rows.flatMap((r) =>
    r.themes.map((t) => ({ contact_id: r.contactId, theme_id: t.themeId, subtheme_ids: t.subthemeIds, helpline_id: r.helplineId, local_date: r.localDate, kind: r.kind })),
  );
  if (!values.length) return Promise.resolve();
  return trx.insertInto('contact_themes').values(values).execute();
}

export function deleteThemes(trx: Transaction<Database>, contactId: string) {
  return trx.deleteFrom('contact_themes').where('contact_id', '=', contactId).execute();
}

/** One contact, only if the actor may do `action` on it (the filter is the policy's SQL form). */
export function findContact(db: Executor, actor: Actor, action: Action, id: string, forUpdate = false) {
  let q = db.selectFrom('contacts').selectAll().where('id', '=', id).where(contactFilter(actor, action));
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/**
 * A contact's themes as one JSON value of the row: [{ themeId, subthemeIds }] by theme, the shape
 * `themesOf` gives, so a read needs no second round trip.
 */
export const themesJson = (contactId: ReturnType<typeof sql.ref>) =>
  sql<ThemeRow[]>`(SELECT coalesce(json_agg(json_build_object('themeId', t.theme_id, 'subthemeIds', t.subtheme_ids) ORDER BY t.theme_id), '[]'::json) FROM contact_themes t WHERE t.contact_id = ${contactId})`;

/**
 * One contact the actor may read, with its themes, and the audit record of that read, in one
 * statement: the read and its record commit together (or neither), and no transaction stays open
 * while Node works, as three statements in a transaction did (issue 8).
 */
export function readContactAudited(db: Executor, actor: Actor, id: string) {
  return db
    .with('found', (db) => db.selectFrom('contacts').selectAll().where('id', '=', id).where(contactFilter(actor, 'contact.read')))
    .with('audited', (db) =>
      db.insertInto('audit_log').columns(['actor_id', 'action', 'entity', 'entity_id', 'detail']).expression((eb) =>
        eb.selectFrom('found').select([
          sql<string>`${actor.id}::uuid`.as('actor_id'),
          sql<string>`'contact.read'`.as('action'),
          sql<string>`'contact'`.as('entity'),
          sql<string>`found.id::text`.as('entity_id'),
          sql<string>`jsonb_build_object('withSummary', found.summary IS NOT NULL)`.as('detail'),
        ]),
      ),
    )
    .selectFrom('found')
    .selectAll('found')
    .select(themesJson(sql.ref('found.id')).as('themes'))
    .modifyEnd(sql.raw(PREPARED))
    .executeTakeFirst();
}

export async function themesOf(db: Executor, contactIds: string[]): Promise<Map<string, ThemeRow[]>> {
  const map = new Map<string, ThemeRow[]>();
  if (!contactIds.length) return map;
  const rows = await db.selectFrom('contact_themes').select(['contact_id', 'theme_id', 'subtheme_ids']).where('contact_id', 'in', contactIds).orderBy('theme_id').execute();
  for (const r of rows) {
    const list = map.get(r.contact_id) ?? [];
    list.push({ themeId: r.theme_id, subthemeIds: r.subtheme_ids });
    map.set(r.contact_id, list);
  }
  return map;
}

export function updateContact(trx: Transaction<Database>, id: string, values: Partial<NewContact>, version: number) {
  return trx
    .updateTable('contacts')
    .set({ ...values, updated_at: new Date(), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function insertRevision(trx: Transaction<Database>, contactId: string, version: number, changedBy: string, before: unknown) {
  return trx.insertInto('contact_revisions').values({ contact_id: contactId, version, changed_by: changedBy, before: JSON.stringify(before) }).execute();
}

/** Newest first, with the editor's display name (null when the account is gone). */
export function listRevisions(db: Executor, contactId: string) {
  return db
    .selectFrom('contact_revisions')
    .leftJoin('users', 'users.id', 'contact_revisions.changed_by')
    .selectAll('contact_revisions')
    .select('users.display_name as changed_by_name')
    .where('contact_revisions.contact_id', '=', contactId)
    .orderBy('contact_revisions.version', 'desc')
    .execute();
}
