import type { Db } from '../../db/connection.js';

/**
 * An in-memory copy of one helpline's configuration, for validating contacts quickly on a busy
 * line. Taxonomies change rarely; a short time-to-live keeps several nodes in step.
 */
export interface CategoryInfo {
  id: number;
  dimension: string;
  code: string;
  parentId: number | null;
  minAge: number | null;
  maxAge: number | null;
  /** Label versions, oldest first. */
  versions: { validFrom: string; label: Record<string, string>; retired: boolean }[];
}

export interface HelplineSnapshot {
  id: string;
  timeZone: string;
  /** Language of the helpline's own texts (its data file's `language`). */
  language?: 'nb' | 'da';
  channels: string[];
  categories: Map<number, CategoryInfo>;
  byCode: Map<string, CategoryInfo>;
}

const TTL_MS = 30_000;
const cache = new WeakMap<Db, Map<string, { at: number; snapshot: HelplineSnapshot | null }>>();

export function clearSnapshots(db: Db) {
  cache.delete(db);
}

export async function helplineSnapshot(db: Db, helplineId: string): Promise<HelplineSnapshot | null> {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  const hit = perDb.get(helplineId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.snapshot;
  const snapshot = await loadSnapshot(db, helplineId);
  perDb.set(helplineId, { at: Date.now(), snapshot });
  return snapshot;
}

async function loadSnapshot(db: Db, helplineId: string): Promise<HelplineSnapshot | null> {
  const helpline = await db.selectFrom('helplines').select(['id', 'time_zone', 'language']).where('id', '=', helplineId).executeTakeFirst();
  if (!helpline) return null;
  const channels = await db.selectFrom('helpline_channels').select('channel').where('helpline_id', '=', helplineId).orderBy('sort_order').execute();
  const cats = await db.selectFrom('taxonomy_categories').selectAll().where('helpline_id', '=', helplineId).execute();
  const labels = cats.length
    ? await db.selectFrom('taxonomy_labels').selectAll().where('category_id', 'in', cats.map((c) => c.id)).orderBy('valid_from').execute()
    : [];
  const categories = new Map<number, CategoryInfo>();
  const byCode = new Map<string, CategoryInfo>();
  for (const c of cats) {
    const info: CategoryInfo = {
      id: c.id,
      dimension: c.dimension,
      code: c.code,
      parentId: c.parent_id,
      minAge: c.min_age,
      maxAge: c.max_age,
      versions: labels.filter((l) => l.category_id === c.id).map((l) => ({ validFrom: l.valid_from, label: l.label, retired: l.retired })),
    };
    categories.set(c.id, info);
    byCode.set(`${c.dimension}:${c.code}`, info);
  }
  return { id: helpline.id, timeZone: helpline.time_zone, language: helpline.language === 'da' ? 'da' : 'nb', channels: channels.map((c) => c.channel), categories, byCode };
}

/** The label version valid on `date` (YYYY-MM-DD); a category newer than `date` shows its first. */
export function versionAt(info: CategoryInfo, date: string) {
  let current = info.versions[0];
  for (const v of info.versions) if (v.validFrom <= date) current = v;
  return current;
}
