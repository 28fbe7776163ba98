import type { HelplineResponse, TaxonomyResponse, CategoryResponse } from '../../../../src/shared/schemas/helplines.js';
import { http } from '../../shared/http.js';

export type { HelplineResponse, TaxonomyResponse, CategoryResponse };

export const listHelplines = () => http.get<HelplineResponse[]>('/api/helplines');

export const fetchTaxonomy = (helplineId: string, at: string) =>
  http.get<TaxonomyResponse>(`/api/helplines/${encodeURIComponent(helplineId)}/taxonomy`, { at });
