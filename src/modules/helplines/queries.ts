import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';

export function listHelplines(db: Db, ids: string[] | 'all') {
  let q = db.selectFrom('helplines').selectAll().orderBy('id');
  if (ids !== 'all') {
    if (!ids.length) return Promise.resolve([]);
    q = q.where('id', 'in', ids);
  }
  return q.execute();
}

export function listChannels(db: Db, helplineIds: string[]) {
  if (!helplineIds.length) return Promise.resolve([]);
  return db.selectFrom('helpline_channels').selectAll().where('helpline_id', 'in', helplineIds).orderBy('sort_order').execute();
}

export interface CategoryAt {
  id: number;
  dimension: string;
  code: string;
  parent_id: number | null;
  sort_order: number;
  min_age: number | null;
  max_age: number | null;
  label: Record<string, string>;
  retired: boolean;
}

/**
 * Every category of a helpline with the label version valid on `at` (a category introduced
 * later than `at` shows its first label).
 */
export async function categoriesAt(db: Db, helplineId: string, at: string): Promise<CategoryAt[]> {
  const { rows } = await sql<CategoryAt>`
    SELECT c.id, c.dimension, c.code, c.parent_id, c.sort_order, c.min_age, c.max_age, l.label, l.retired
    FROM taxonomy_categories c
    CROSS JOIN LATERAL (
      SELECT label, retired FROM taxonomy_labels tl
      WHERE tl.category_id = c.id
      ORDER BY (tl.valid_from <= ${at}::date) DESC,
               CASE WHEN tl.valid_from <= ${at}::date THEN tl.valid_from END DESC NULLS LAST,
               tl.valid_from ASC
      LIMIT 1
    ) l
    WHERE c.helpline_id = ${helplineId}
    ORDER BY c.dimension, c.sort_order, c.id`.execute(db);
  return rows;
}
