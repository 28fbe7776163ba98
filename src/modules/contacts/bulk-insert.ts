import crypto from 'node:crypto';
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Database, NewContact } from '../../db/types.js';
import type { ThemeRow } from './queries.js';

export type ContactInsertRow = Omit<NewContact, 'id'> & { themes: ThemeRow[] };

const CONTACT_COLUMNS = sql.raw(`id, helpline_id, channel, kind, started_at, local_date, duration_minutes, who_id, age_group_id, age,
  gender_id, country, body_type_id, summary, outcomes, referred_to_id, source, import_batch_id, created_by`);

/**
 * `INSERT INTO contacts … SELECT … FROM unnest(…)`: one array parameter per column, so a chunk of
 * 10 000 rows is one statement with 19 parameters instead of 190 000, and a single registration
 * takes the same path. Ids are made by the caller, so theme and audit rows need nothing back.
 */
export function insertContactsSql(ids: string[], rows: ContactInsertRow[]): RawBuilder<unknown> {
  const col = <T>(f: (r: ContactInsertRow) => T) => rows.map(f);
  return sql`
    INSERT INTO contacts (${CONTACT_COLUMNS})
    SELECT id, helpline_id, channel, kind, started_at, local_date, duration_minutes, who_id, age_group_id, age,
           gender_id, country, body_type_id, summary, outcomes::text[], referred_to_id, source, import_batch_id, created_by
    FROM unnest(${ids}::uuid[], ${col((r) => r.helpline_id)}::text[], ${col((r) => r.channel)}::text[], ${col((r) => r.kind)}::text[],
                ${col((r) => new Date(r.started_at as Date).toISOString())}::timestamptz[], ${col((r) => r.local_date)}::date[],
                ${col((r) => r.duration_minutes ?? null)}::int[], ${col((r) => r.who_id ?? null)}::int[], ${col((r) => r.age_group_id ?? null)}::int[],
                ${col((r) => r.age ?? null)}::int[], ${col((r) => r.gender_id ?? null)}::int[], ${col((r) => r.country ?? 'not_asked')}::text[],
                ${col((r) => r.body_type_id ?? null)}::int[], ${col((r) => r.summary ?? null)}::text[],
                ${col((r) => `{${(r.outcomes ?? []).join(',')}}`)}::text[], ${col((r) => r.referred_to_id ?? null)}::int[],
                ${col((r) => r.source)}::text[], ${col((r) => r.import_batch_id ?? null)}::uuid[], ${col((r) => r.created_by ?? null)}::uuid[])
      AS t(${CONTACT_COLUMNS})`;
}

/** The theme rows of the same contacts (a contact counts once under each of its themes); null when there are none. */
export function insertThemesSql(ids: string[], rows: ContactInsertRow[]): RawBuilder<unknown> | null {
  const themes = rows.flatMap((r, i) => r.themes.map((t) => ({ id: ids[i], r, t })));
  if (!themes.length) return null;
  return sql`
    INSERT INTO contact_themes (contact_id, theme_id, subtheme_ids, helpline_id, local_date, kind)
    SELECT contact_id, theme_id, subtheme_ids::int[], helpline_id, local_date, kind
    FROM unnest(${themes.map((x) => x.id)}::uuid[], ${themes.map((x) => x.t.themeId)}::int[], ${themes.map((x) => `{${x.t.subthemeIds.join(',')}}`)}::text[],
                ${themes.map((x) => x.r.helpline_id)}::text[], ${themes.map((x) => x.r.local_date)}::date[], ${themes.map((x) => x.r.kind)}::text[])
      AS t(contact_id, theme_id, subtheme_ids, helpline_id, local_date, kind)`;
}

/** Inserts many contacts and their themes inside the caller's transaction (import, demo data). */
export async function bulkInsertContacts(trx: Transaction<Database>, rows: ContactInsertRow[]): Promise<void> {
  if (!rows.length) return;
  const ids = rows.map(() => crypto.randomUUID());
  // Both statements are queued at once: the connection runs them in order, and the caller can
  // prepare the next chunk meanwhile.
  const themes = insertThemesSql(ids, rows);
  await Promise.all([insertContactsSql(ids, rows).execute(trx), themes?.execute(trx)]);
}
