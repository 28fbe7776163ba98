import type { HsdsService, ServiceEditBody } from '../api.js';
import { sentIndexes } from './form-rows.js';
import { hoursBodyOf, hoursRowsOf, isBlankHours, type HoursRow } from './opening-hours.js';

/** A service as the edit form holds it: every field as typed, lists with their blank rows. */
export type Draft = Omit<ServiceEditBody, 'minimum_age' | 'maximum_age' | 'last_modified' | 'schedules' | 'service_areas'> & {
  minimum_age: string;
  maximum_age: string;
  schedules: HoursRow[];
  service_areas: string[];
};

const termsOf = (s: HsdsService, linkType: string) => s.attributes.filter((a) => a.link_type === linkType && (a.link_entity ?? 'service') === 'service').map((a) => a.taxonomy_term_id.toLowerCase());

export const draftOf = (s: HsdsService): Draft => ({
  name: s.name, description: s.description ?? '', eligibility_description: s.eligibility_description ?? '', application_process: s.application_process ?? '',
  fees_description: s.fees_description ?? '', url: s.url ?? '', email: s.email ?? '',
  minimum_age: s.minimum_age === undefined ? '' : String(s.minimum_age), maximum_age: s.maximum_age === undefined ? '' : String(s.maximum_age),
  // The service's own phones; its locations' phones are kept with the locations.
  phones: s.phones.filter((p) => !p.location_id).map((p) => ({ number: p.number, description: p.description ?? '' })),
  schedules: hoursRowsOf(s.schedules),
  service_areas: s.service_areas.map((a) => a.name ?? '').filter(Boolean),
  target_groups: termsOf(s, 'target_group'),
  needs: termsOf(s, 'need'),
  verified: false,
});

const orNull = (v: string | null) => (v && v.trim() ? v.trim() : null);

/** Which rows of each list a save sends (blank ones are left out), to show the API's errors on the right row. */
export const sentRowsOf = (d: Draft): Record<string, number[]> => ({
  phones: sentIndexes(d.phones, (p) => !p.number.trim()),
  schedules: sentIndexes(d.schedules, isBlankHours),
  service_areas: sentIndexes(d.service_areas, (name) => !name.trim()),
});

export function bodyOf(d: Draft, lastModified: string | null): ServiceEditBody {
  const sent = sentRowsOf(d);
  return {
    ...d,
    description: orNull(d.description), eligibility_description: orNull(d.eligibility_description), application_process: orNull(d.application_process),
    fees_description: orNull(d.fees_description), url: orNull(d.url), email: orNull(d.email),
    minimum_age: d.minimum_age === '' ? null : Number(d.minimum_age), maximum_age: d.maximum_age === '' ? null : Number(d.maximum_age),
    phones: sent.phones.map((i) => d.phones[i]).map((p) => ({ number: p.number.trim(), description: orNull(p.description) })),
    schedules: sent.schedules.map((i) => hoursBodyOf(d.schedules[i])),
    service_areas: sent.service_areas.map((i) => ({ name: d.service_areas[i].trim() })),
    last_modified: lastModified,
  };
}
