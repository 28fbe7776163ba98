import { sql } from 'kysely';
import type { Db } from '../../../db/connection.js';
import { COUNTRY_AREAS } from './build-index.js';

/**
 * What the search can be narrowed by, from what the directory holds now: the target groups and
 * needs services are tagged with, the places they name (countries aside: a national service is in
 * every place), and their languages. Each with how many services have it, so no choice leads to
 * an empty list.
 */
export async function searchFilters(db: Db) {
  const terms = await sql<{ type: string; code: string; name: string; n: number }>`
    SELECT a.doc->>'link_type' AS type, t.doc->>'code' AS code, t.doc->>'name' AS name, count(DISTINCT a.link_id)::int AS n
    FROM directory_records a JOIN directory_records t ON t.kind = 'taxonomy_term' AND t.id = (a.doc->>'taxonomy_term_id')::uuid
    JOIN directory_search s ON s.service_id = a.link_id
    WHERE a.kind = 'attribute' AND a.doc->>'link_type' IN ('target_group', 'need') AND t.doc->>'code' IS NOT NULL
    GROUP BY 1, 2, 3 ORDER BY 3
  `.execute(db);
  const places = await sql<{ place: string; n: number }>`
    SELECT place, count(*)::int AS n FROM directory_search, unnest(areas) AS place GROUP BY place ORDER BY place
  `.execute(db);
  // Places as the directory writes them ("Møre og Romsdal"), matched in JavaScript's lower case
  // as the index stores them (the database's lower() may leave Æ, Ø and Å alone).
  const written = await sql<{ name: string }>`SELECT DISTINCT doc->>'name' AS name FROM directory_records WHERE kind = 'service_area'`.execute(db);
  const nameOf = new Map(written.rows.map((r) => [r.name.toLocaleLowerCase('nb'), r.name]));
  const languages = await sql<{ code: string; n: number }>`
    SELECT code, count(*)::int AS n FROM directory_search, unnest(languages) AS code GROUP BY code ORDER BY code
  `.execute(db);
  const pick = (type: string) => terms.rows.filter((t) => t.type === type).map(({ code, name, n }) => ({ code, name, services: n }));
  return {
    target_groups: pick('target_group'),
    needs: pick('need'),
    municipalities: places.rows.filter((p) => !(p.place in COUNTRY_AREAS)).map((p) => ({ name: nameOf.get(p.place) ?? p.place, services: p.n })),
    languages: languages.rows.map((l) => ({ code: l.code, services: l.n })),
  };
}
