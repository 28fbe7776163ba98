import type { Db } from '../../db/connection.js';
import type { Actor } from '../auth/policy.js';
import { contactFilter } from '../auth/policy.js';

export interface ExportRange {
  helplineId: string;
  from: string;
  to: string;
}

/** The contacts of one helpline and period the actor may read; the summary only when asked for. */
export function listContactsForExport(db: Db, actor: Actor, range: ExportRange, includeSummary: boolean) {
  return db
    .selectFrom('contacts')
    .select([
      'id', 'started_at', 'channel', 'kind', 'duration_minutes', 'who_id', 'age_group_id', 'age',
      'gender_id', 'country', 'body_type_id', 'outcomes', 'referred_to_id',
    ])
    .$if(includeSummary, (q) => q.select('summary'))
    .where(contactFilter(actor, 'contact.read'))
    .where('helpline_id', '=', range.helplineId)
    .where('local_date', '>=', range.from)
    .where('local_date', '<=', range.to)
    .orderBy('started_at')
    .orderBy('id')
    .execute();
}
export type ExportContactRow = Awaited<ReturnType<typeof listContactsForExport>>[number];

/**
 * Themes of the same helpline and period in one query (contact_themes carries both), instead of
 * an IN list of every contact id; the caller keeps only those of contacts it exports.
 */
export function listThemesForExport(db: Db, range: ExportRange) {
  return db
    .selectFrom('contact_themes')
    .select(['contact_id', 'theme_id', 'subtheme_ids'])
    .where('helpline_id', '=', range.helplineId)
    .where('local_date', '>=', range.from)
    .where('local_date', '<=', range.to)
    .orderBy('contact_id')
    .orderBy('theme_id')
    .execute();
}
