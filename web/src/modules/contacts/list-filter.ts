import type { ContactListFilter } from './api.js';

/** The list's filters live in the page address: shareable, kept on back/forward, never in storage. */
export const FILTER_KEYS = ['helplineId', 'from', 'to', 'channel', 'kind', 'themeId', 'counsellorId', 'q'] as const;

export function filterFromParams(params: URLSearchParams): ContactListFilter {
  const filter: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  return filter as ContactListFilter;
}

export function paramsFromFilter(filter: ContactListFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value) params.set(key, String(value));
  }
  return params;
}
