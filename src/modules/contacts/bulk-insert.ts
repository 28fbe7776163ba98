import crypto from 'node:crypto';
import { copyLine, type CopyIn } from '../../db/copy.js';
import type { NewContact } from '../../db/types.js';
import type { ThemeRow } from './queries.js';
import { timeSlices } from '../../server/time-slice.js';

/** A contact's own columns, as `contactValues` maps them from a ContactInput. */
export type ContactValues = Omit<NewContact, 'id' | 'source' | 'created_by' | 'import_batch_id'>;

export interface CopyMeta {
  source: string;
  createdBy: string | null;
  importBatchId: string | null;
}

/**
 * Rows per COPY. The count triggers run once per statement, so 2 500 made the server slower;
 * larger chunks make an import's first write (and its last) wait longer (decision 0007).
 */
export const COPY_CHUNK_ROWS = 10_000;


const CONTACT_COLUMNS = ['id', 'helpline_id', 'channel', 'kind', 'started_at', 'local_date', 'duration_minutes', 'who_id', 'age_group_id', 'age',
  'gender_id', 'country', 'body_type_id', 'summary', 'outcomes', 'referred_to_id', 'source', 'import_batch_id', 'created_by'] as const;
const THEME_COLUMNS = ['contact_id', 'theme_id', 'subtheme_ids', 'helpline_id', 'local_date', 'kind'] as const;

/**
 * Loads many contacts and their themes with COPY, inside the caller's transaction (import, demo
 * data). Ids are made here, so theme rows need nothing back from the database. Contacts go first:
 * the theme rows' check that their contact exists runs at the end of their COPY.
 */
export async function copyContacts(copyIn: CopyIn, rows: { values: ContactValues; themes: ThemeRow[] }[], meta: CopyMeta): Promise<void> {
  if (!rows.length) return;
  const contacts: string[] = [];
  const themes: string[] = [];
  const slices = timeSlices();
  for (const { values: r, themes: rowThemes } of rows) {
    // A chunk is 10 000 rows: written out at once it held the event loop 30–60 ms, and every
    // counsellor's request waited behind it (issue 8). A few milliseconds at a time, others go between.
    if (slices.due()) await slices.next();
    const id = crypto.randomUUID();
    const startedAt = r.started_at instanceof Date ? r.started_at.toISOString() : String(r.started_at);
    const localDate = r.local_date as string;
    contacts.push(copyLine([
      id, r.helpline_id, r.channel, r.kind, startedAt, localDate, r.duration_minutes, r.who_id, r.age_group_id, r.age,
      r.gender_id, r.country ?? 'not_asked', r.body_type_id, r.summary, `{${(r.outcomes ?? []).join(',')}}`, r.referred_to_id, meta.source,
      meta.importBatchId, meta.createdBy,
    ]));
    for (const t of rowThemes) themes.push(copyLine([id, t.themeId, `{${t.subthemeIds.join(',')}}`, r.helpline_id, localDate, r.kind]));
  }
  await copyIn('contacts', CONTACT_COLUMNS, contacts.join(''));
  if (themes.length) await copyIn('contact_themes', THEME_COLUMNS, themes.join(''));
}
