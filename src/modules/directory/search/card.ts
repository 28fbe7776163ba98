import { weeklyHoursOf } from './hours.js';

type Doc = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

/**
 * A weekly schedule's days (ISO, 1 = Monday) and times, which the page words in the reader's
 * language, with its note (what the source or the coordinator wrote beside them: "Stengt i
 * romjulen"). Read as "open now" reads it; a schedule it cannot read is shown by its note alone.
 */
function weeklyHoursWithNote(schedule: Doc) {
  const hours = weeklyHoursOf(schedule);
  return hours && { ...hours, note: str(schedule.description) };
}

/**
 * What a search result shows of a service: enough to choose and call, the rest on its own page.
 * Built at indexing from the service as `fullServices` assembles it (its organisation, phones,
 * locations with their addresses, schedules and terms), so a page of results is one read by key.
 * Whether it is open now is not part of it: that depends on the moment of the search.
 */
export function cardOf(s: Doc, timeZone: string) {
  const org = s.organization as Doc | undefined;
  const locations = ((s.service_at_locations as Doc[]) ?? []).map((sal) => sal.location as Doc | undefined).filter((l): l is Doc => !!l);
  const phones = [...((s.phones as Doc[]) ?? []), ...locations.flatMap((l) => (l.phones as Doc[]) ?? [])];
  const schedules = [...((s.schedules as Doc[]) ?? []), ...locations.flatMap((l) => (l.schedules as Doc[]) ?? [])].map((x) => ({ x, weekly: weeklyHoursWithNote(x) }));
  const attributes = (s.attributes as Doc[]) ?? [];
  const termsOf = (type: string) => attributes.filter((a) => a.link_type === type && a.taxonomy_term).map((a) => ({ code: String((a.taxonomy_term as Doc).code ?? ''), name: String((a.taxonomy_term as Doc).name ?? '') }));
  return {
    id: String(s.id),
    name: String(s.name ?? ''),
    organization: org ? { id: String(org.id), name: String(org.name ?? '') } : null,
    description: str(s.description),
    eligibility: str(s.eligibility_description),
    application_process: str(s.application_process),
    fees: str(s.fees_description),
    url: str(s.url),
    email: str(s.email),
    phones: [...new Map(phones.map((p) => [String(p.number), { number: String(p.number), description: str(p.description) }])).values()],
    areas: ((s.service_areas as Doc[]) ?? []).map((a) => String(a.name ?? '')),
    addresses: locations.flatMap((l) => ((l.addresses as Doc[]) ?? []).filter((a) => a.address_type !== 'postal').map((a) => [a.address_1, [a.postal_code, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', '))),
    // Notes of schedules that have no weekly days and times to show them with.
    opening_hours: schedules.filter((s) => !s.weekly).map((s) => str(s.x.description)).filter((x): x is string => !!x),
    weekly_hours: schedules.map((s) => s.weekly).filter((x) => x !== null),
    time_zone: timeZone,
    minimum_age: typeof s.minimum_age === 'number' ? s.minimum_age : null,
    maximum_age: typeof s.maximum_age === 'number' ? s.maximum_age : null,
    target_groups: termsOf('target_group'),
    needs: termsOf('need'),
    last_verified: str(s.assured_date),
  };
}

export type ServiceCard = ReturnType<typeof cardOf>;
