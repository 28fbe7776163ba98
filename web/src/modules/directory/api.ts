import { http } from '../../shared/http.js';

export interface DirectoryTerm { code: string; name: string }
export interface DirectoryHit {
  id: string;
  name: string;
  organization: { id: string; name: string } | null;
  description: string | null;
  eligibility: string | null;
  application_process: string | null;
  fees: string | null;
  url: string | null;
  email: string | null;
  phones: { number: string; description: string | null }[];
  areas: string[];
  addresses: string[];
  /** Notes of schedules that have no weekly days and times. */
  opening_hours: string[];
  /** Weekly hours: weekdays (ISO, 1 = Monday) and times, worded by the page, with the note written beside them. */
  weekly_hours: { days: number[]; opens: string; closes: string; note: string | null }[];
  open_now: boolean | null;
  time_zone: string;
  minimum_age: number | null;
  maximum_age: number | null;
  target_groups: DirectoryTerm[];
  needs: DirectoryTerm[];
  last_verified: string | null;
}
export interface DirectorySearchResult {
  total: number;
  total_exact: boolean;
  words: string[];
  /** Words taken for misspellings, and what was searched for with them. */
  corrected: { written: string; searched: string }[];
  results: DirectoryHit[];
  next_cursor: string | null;
}
export interface DirectoryFilters {
  target_groups: (DirectoryTerm & { services: number })[];
  needs: (DirectoryTerm & { services: number })[];
  municipalities: { name: string; services: number }[];
  languages: { code: string; services: number }[];
}
/** What a person searching chooses; empty values are left out of the request. */
export interface DirectoryQuery {
  q?: string;
  target_group?: string;
  need?: string;
  municipality?: string;
  age?: string;
  language?: string;
  open_now?: 'true';
}

export const searchDirectory = (query: DirectoryQuery, cursor?: string) => http.get<DirectorySearchResult>('/api/directory/search', { ...query, cursor, limit: 20 });
export const fetchDirectoryFilters = () => http.get<DirectoryFilters>('/api/directory/filters');

/** A service as the HSDS API gives it, with the fields the editor changes. */
export interface HsdsService {
  id: string;
  name: string;
  description?: string;
  eligibility_description?: string;
  application_process?: string;
  fees_description?: string;
  url?: string;
  email?: string;
  minimum_age?: number;
  maximum_age?: number;
  assured_date?: string;
  last_modified?: string;
  organization?: { name: string };
  phones: { number: string; description?: string; location_id?: string }[];
  schedules: HsdsSchedule[];
  service_areas: { name?: string }[];
  attributes: { link_type?: string; link_entity?: string; taxonomy_term_id: string }[];
}
/** An HSDS schedule: weekly ones name their days (`byday`, e.g. "MO,TU") and times (HH:MM). */
export interface HsdsSchedule {
  freq?: string;
  byday?: string;
  opens_at?: string;
  closes_at?: string;
  description?: string;
  location_id?: string;
  service_at_location_id?: string;
}
export const WEEK_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];
export interface WeeklyHoursBody { days: WeekDay[]; opens_at: string | null; closes_at: string | null; description: string | null }
export interface ServiceEditBody {
  name: string;
  description: string | null;
  eligibility_description: string | null;
  application_process: string | null;
  fees_description: string | null;
  url: string | null;
  email: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  phones: { number: string; description: string | null }[];
  schedules: WeeklyHoursBody[];
  service_areas: { name: string }[];
  /** Taxonomy term ids, from `fetchServiceTerms`. */
  target_groups: string[];
  needs: string[];
  verified: boolean;
  last_modified: string | null;
}
/** The terms a service may be tagged with as target groups and needs. */
export interface ServiceTerm { id: string; code: string | null; name: string }
export interface ServiceTerms { target_groups: ServiceTerm[]; needs: ServiceTerm[] }
/** An HSDS taxonomy term, as the public API lists them. */
export interface HsdsTaxonomyTerm { id: string; code?: string; name: string; taxonomy_id?: string }
interface HsdsPage<T> { contents: T[]; last_page: boolean }
/** Every taxonomy term of the directory, page by page (the HSDS API gives at most 100 a page). */
export async function fetchTaxonomyTerms(): Promise<HsdsTaxonomyTerm[]> {
  const all: HsdsTaxonomyTerm[] = [];
  for (let page = 1; ; page++) {
    const res = await http.get<HsdsPage<HsdsTaxonomyTerm>>('/api/hsds/taxonomy_terms', { page, per_page: 100 });
    all.push(...res.contents);
    if (res.last_page || !res.contents.length) return all;
  }
}
export const fetchHsdsService = (id: string) => http.get<HsdsService>(`/api/hsds/services/${encodeURIComponent(id)}`);
export const saveService = (id: string, body: ServiceEditBody) => http.put<HsdsService>(`/api/directory/services/${encodeURIComponent(id)}`, body);
