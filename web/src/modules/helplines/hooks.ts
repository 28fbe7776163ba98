import { useQuery } from '@tanstack/react-query';
import type { Dimension } from '../../../../src/shared/enums.js';
import { fetchTaxonomy, listHelplines, type CategoryResponse } from './api.js';

/** `refetchInterval` lets a page that stays open see changes made meanwhile. */
export function useHelplines(opts: { refetchInterval?: number } = {}) {
  return useQuery({ queryKey: ['helplines'], queryFn: listHelplines, staleTime: 5 * 60_000, refetchInterval: opts.refetchInterval });
}

export function useTaxonomy(helplineId: string | undefined, at: string) {
  return useQuery({
    queryKey: ['helplines', helplineId, 'taxonomy', at],
    queryFn: () => fetchTaxonomy(helplineId!, at),
    enabled: !!helplineId,
    // While another date loads, keep showing the same helpline's categories.
    placeholderData: (prev, prevQuery) => (prevQuery?.queryKey[1] === helplineId ? prev : undefined),
    staleTime: 5 * 60_000,
  });
}

/**
 * Categories of one dimension that may be offered in a form: retired ones are left out,
 * unless `keep` holds ids already chosen on the record being edited.
 */
export function categoriesOf(
  categories: CategoryResponse[] | undefined,
  dimension: Dimension,
  keep: ReadonlyArray<number | null> = [],
): CategoryResponse[] {
  return (categories ?? []).filter((c) => c.dimension === dimension && (!c.retired || keep.includes(c.id)));
}
