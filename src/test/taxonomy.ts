import type { Db } from '../db/connection.js';

/** Category ids by `dimension:code` for a helpline, so tests speak in the helpline's own codes. */
export async function categoryIds(db: Db, helplineId: string): Promise<(key: string) => number> {
  const rows = await db.selectFrom('taxonomy_categories').select(['id', 'dimension', 'code']).where('helpline_id', '=', helplineId).execute();
  const map = new Map(rows.map((r) => [`${r.dimension}:${r.code}`, r.id]));
  return (key: string) => {
    const id = map.get(key);
    if (id === undefined) throw new Error(`no category ${key} in ${helplineId}`);
    return id;
  };
}
