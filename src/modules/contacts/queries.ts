import type { Transaction } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Database, NewContact } from '../../db/types.js';
import type { Actor, Action } from '../auth/policy.js';
import { contactFilter } from '../auth/policy.js';

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
