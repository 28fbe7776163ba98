import fs from 'node:fs';
import path from 'node:path';
import type { Transaction } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Database } from '../../db/types.js';
import type { Dimension } from '../../shared/enums.js';
import { HelplineFile, type CategoryFile } from './data-schema.js';

/** Reads and validates every helpline file; a bad file stops the start with its path and field. */
export function readHelplineFiles(dir: string): HelplineFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      const parsed = HelplineFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
      }
      return parsed.data;
    });
}

/** The label versions a category file entry describes, oldest first. */
function labelVersions(c: CategoryFile, validFrom: string) {
  const history = [...c.history].sort((a, b) => a.until.localeCompare(b.until));
  const versions: { validFrom: string; label: Record<string, string>; retired: boolean }[] = [];
  let from = validFrom;
  for (const h of history) {
    versions.push({ validFrom: from, label: h.label, retired: false });
    from = h.until;
  }
  versions.push({ validFrom: from, label: c.label, retired: false });
  if (c.retiredFrom) versions.push({ validFrom: c.retiredFrom, label: c.label, retired: true });
  return versions;
}

async function upsertCategory(trx: Transaction<Database>, helplineId: string, dimension: Dimension, c: CategoryFile, sortOrder: number, parentId: number | null, validFrom: string) {
  const row = await trx
    .insertInto('taxonomy_categories')
    .values({ helpline_id: helplineId, dimension, code: c.code, parent_id: parentId, sort_order: sortOrder, min_age: c.minAge ?? null, max_age: c.maxAge ?? null })
    .onConflict((oc) => oc.columns(['helpline_id', 'dimension', 'code']).doUpdateSet({ sort_order: sortOrder, min_age: c.minAge ?? null, max_age: c.maxAge ?? null }))
    .returning('id')
    .executeTakeFirstOrThrow();
  // Label versions only ever get added or corrected in place for the same date: never removed,
  // so contacts of past years keep the labels they were registered under.
  for (const v of labelVersions(c, validFrom)) {
    await trx
      .insertInto('taxonomy_labels')
      .values({ category_id: row.id, valid_from: v.validFrom, label: JSON.stringify(v.label), retired: v.retired })
      .onConflict((oc) => oc.columns(['category_id', 'valid_from']).doUpdateSet({ label: JSON.stringify(v.label), retired: v.retired }))
      .execute();
  }
  return row.id;
}

/** Brings the database up to date with the helpline files, in one transaction. Idempotent. */
export async function syncHelplines(db: Db, files: HelplineFile[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const h of files) {
      await trx
        .insertInto('helplines')
        .values({ id: h.id, name: JSON.stringify(h.name), time_zone: h.timeZone, summary_retention_months: h.summaryRetentionMonths ?? null, case_anonymise_after_months: h.caseAnonymiseAfterMonths ?? null, case_activity_categories: h.caseActivityCategories ?? null, language: h.language, small_cell_threshold: h.smallCellThreshold ?? null })
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: JSON.stringify(h.name), time_zone: h.timeZone, summary_retention_months: h.summaryRetentionMonths ?? null, case_anonymise_after_months: h.caseAnonymiseAfterMonths ?? null, case_activity_categories: h.caseActivityCategories ?? null, language: h.language, small_cell_threshold: h.smallCellThreshold ?? null }))
        .execute();
      await trx.deleteFrom('helpline_channels').where('helpline_id', '=', h.id).execute();
      await trx
        .insertInto('helpline_channels')
        .values(h.channels.map((c, i) => ({ helpline_id: h.id, channel: c.channel, opening_hours: JSON.stringify(c.openingHours), sort_order: i })))
        .execute();
      const t = h.taxonomy;
      for (const dimension of ['who', 'age_group', 'gender', 'body_type'] as const) {
        let i = 0;
        for (const c of t[dimension]) await upsertCategory(trx, h.id, dimension, c, i++, null, t.validFrom);
      }
      let i = 0;
      for (const theme of t.theme) {
        const themeId = await upsertCategory(trx, h.id, 'theme', theme, i++, null, t.validFrom);
        let j = 0;
        for (const sub of theme.subthemes) await upsertCategory(trx, h.id, 'subtheme', sub, j++, themeId, t.validFrom);
      }
    }
  });
}

export const DEFAULT_HELPLINE_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../data/helplines');
