import { sql } from 'kysely';
import type { Db } from '../../../db/connection.js';
import { COUNTRY_AREAS } from './build-index.js';
import { directoryIndex } from './memory-index.js';

const collator = new Intl.Collator('nb');

/**
 * What the search can be narrowed by, from what the directory holds now: the target groups and
 * needs services are tagged with, the places they name (countries aside: a national service is in
 * every place), and their languages. Each with how many services have it, so no choice leads to
 * an empty list. Counted on this node's copy of the search index (decision 0036), once per change
 * of it: counting in SQL joined every attribute and took a third of a second at 20 000 services,
 * on every page load.
 */
export async function searchFilters(db: Db) {
  const index = directoryIndex(db);
  await index.current(db);
  const facets = index.facets();
  // The terms' names: the index holds their codes.
  const terms = await sql<{ code: string; name: string }>`SELECT DISTINCT doc->>'code' AS code, doc->>'name' AS name FROM directory_records WHERE kind = 'taxonomy_term' AND doc->>'code' IS NOT NULL`.execute(db);
  const termName = new Map(terms.rows.map((t) => [t.code, t.name]));
  const named = (counts: Map<string, number>) =>
    [...counts].filter(([code]) => termName.has(code)).map(([code, n]) => ({ code, name: termName.get(code)!, services: n })).sort((a, b) => collator.compare(a.name, b.name));
  const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : 1);
  return {
    target_groups: named(facets.targetGroups),
    needs: named(facets.needs),
    // Places as the directory writes them ("Møre og Romsdal"), counted whatever their case.
    municipalities: [...facets.areas].filter(([place]) => !(place in COUNTRY_AREAS))
      .map(([place, n]) => ({ name: facets.placeNames.get(place) ?? place, services: n })).sort((a, b) => collator.compare(a.name, b.name)),
    languages: [...facets.languages].map(([code, n]) => ({ code, services: n })).sort(byCode),
  };
}
