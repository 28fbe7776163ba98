import type { DirectoryFilters, HsdsTaxonomyTerm, ServiceTerm, ServiceTerms } from '../api.js';

/**
 * The terms a coordinator may tag a service with, per list. HSDS does not say which taxonomy holds
 * target groups and which needs; the directory's own use tells (the server's rule, `serviceTerms`):
 * the search's filters name the terms services are tagged with in each list, and the taxonomies
 * those terms belong to offer all their terms, unused ones included.
 */
export function offeredTerms(filters: DirectoryFilters, terms: HsdsTaxonomyTerm[]): ServiceTerms {
  const byName = (a: ServiceTerm, b: ServiceTerm) => a.name.localeCompare(b.name, 'nb');
  const of = (used: { code: string }[]) => {
    const codes = new Set(used.map((t) => t.code));
    const usedTerms = terms.filter((t) => t.code && codes.has(t.code));
    const taxonomies = new Set(usedTerms.map((t) => t.taxonomy_id?.toLowerCase()).filter(Boolean));
    return terms
      .filter((t) => (t.taxonomy_id && taxonomies.has(t.taxonomy_id.toLowerCase())) || usedTerms.includes(t))
      .map((t) => ({ id: t.id.toLowerCase(), code: t.code ?? null, name: t.name }))
      .sort(byName);
  };
  return { target_groups: of(filters.target_groups), needs: of(filters.needs) };
}
