import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';

/** The attribute link types a coordinator tags a service with, as the search filters on them. */
export type TermLinkType = 'target_group' | 'need';

/**
 * Which of the given taxonomy terms a service may be tagged with as `linkType`, by id, with their
 * names. HSDS does not say which taxonomy holds target groups and which needs, so the directory's
 * own use tells: a term qualifies when services are tagged as `linkType` with a term of its
 * taxonomy (itself unused or not), or, without a taxonomy, with the term itself. The editor's page
 * offers the same terms, found from the public HSDS terms and the search's filters.
 *
 * Asked per taxonomy with `LIMIT 1`, so a save reads the given terms and one matching attribute,
 * not every attribute of a national directory.
 */
export async function allowedTerms(db: Db, linkType: TermLinkType, ids: string[]): Promise<Map<string, { name: string }>> {
  const allowed = new Map<string, { name: string }>();
  if (!ids.length) return allowed;
  const terms = await db.selectFrom('directory_records').select(['id', 'link_id', 'doc']).where('kind', '=', 'taxonomy_term').where('id', 'in', ids).execute();
  const usedBy = new Map<string, boolean>();
  for (const term of terms) {
    const id = String(term.id);
    // A term's taxonomy is its `link_id` (data-set.ts `rowOf`).
    const key = term.link_id ? `taxonomy:${term.link_id}` : `term:${id}`;
    if (!usedBy.has(key)) {
      const among = term.link_id
        ? sql`SELECT id FROM directory_records WHERE kind = 'taxonomy_term' AND link_id = ${term.link_id}::uuid`
        : sql`SELECT ${id}::uuid`;
      const { rows } = await sql`
        SELECT 1 FROM directory_records a
        WHERE a.kind = 'attribute' AND a.doc->>'link_entity' = 'service' AND a.doc->>'link_type' = ${linkType}
          AND (a.doc->>'taxonomy_term_id')::uuid IN (${among})
        LIMIT 1
      `.execute(db);
      usedBy.set(key, rows.length > 0);
    }
    if (usedBy.get(key)) allowed.set(id, { name: String(term.doc.name ?? term.doc.code ?? id) });
  }
  return allowed;
}
