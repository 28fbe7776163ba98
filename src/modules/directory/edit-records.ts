import crypto from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../server/errors.js';
import { hsdsValidator } from './hsds-schemas.js';

/**
 * The linked records a coordinator's edit replaces on a service (issue 10 point 2): its weekly
 * opening hours (HSDS `schedule`), the places it serves (`service_area`), and its target groups and
 * needs (`attribute`). Each is written as the importer takes it, so the search reads an edited
 * service as it reads an imported one, and checked against the official schema before it is saved.
 */

/** The week as HSDS (RFC 5545) names its days, Monday first: `byday` lists them in this order. */
const WEEK_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
/** A time of day on the service's own clock, 00:00–23:59, as the "open now" filter reads it. */
const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
/** An id as the directory's records carry them (the schemas' `uuid` format, any version). */
const RecordId = z.string().regex(/^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i);

/** One row of weekly hours: closing before opening runs past midnight (22:00–02:00). */
export const WeeklyHoursEdit = z.object({
  days: z.array(z.enum(WEEK_DAYS)).min(1).max(7),
  // Both empty only with a description: imported hours may say no more than "i ordinær kontortid".
  opens_at: TimeOfDay.nullable(),
  closes_at: TimeOfDay.nullable(),
  description: z.string().trim().max(500).nullable(),
});
export type WeeklyHoursEdit = z.infer<typeof WeeklyHoursEdit>;
export const PlaceEdit = z.object({ name: z.string().trim().min(1).max(100) });
export type PlaceEdit = z.infer<typeof PlaceEdit>;
export const TermIds = z.array(RecordId).max(50);

type Doc = Record<string, unknown>;
const invalid = (field: string) => new AppError(400, 'invalid_value', field);

/** Checks a record against its HSDS schema, naming the first field at fault under `at`. */
function checked(schema: string, at: string, record: Doc): Doc {
  const validate = hsdsValidator(schema);
  if (!validate(record)) throw invalid(`${at}${validate.errors?.[0]?.instancePath.replace(/\//g, '.') ?? ''}`);
  return record;
}

/**
 * Fresh ids in ascending order: records are read back by name, then id, and schedules have no
 * name, so the rows come back in the order the coordinator wrote them.
 */
const idsInOrder = (n: number) => Array.from({ length: n }, () => crypto.randomUUID()).sort();

export function scheduleRecords(serviceId: string, rows: WeeklyHoursEdit[]): Doc[] {
  const ids = idsInOrder(rows.length);
  return rows.map((row, i) => {
    const at = `schedules.${i}`;
    const description = row.description || undefined;
    if (row.opens_at === null && (row.closes_at !== null || !description)) throw invalid(`${at}.opens_at`);
    if (row.closes_at === null && row.opens_at !== null) throw invalid(`${at}.closes_at`);
    // Equal times would be open for no minute or for all of them: a round-the-clock service says 00:00–23:59.
    if (row.opens_at !== null && row.opens_at === row.closes_at) throw invalid(`${at}.closes_at`);
    return checked('schedule.json', at, {
      id: ids[i],
      service_id: serviceId,
      freq: 'WEEKLY',
      wkst: 'MO',
      byday: WEEK_DAYS.filter((d) => row.days.includes(d)).join(','),
      ...(row.opens_at !== null ? { opens_at: row.opens_at, closes_at: row.closes_at } : {}),
      ...(description ? { description } : {}),
    });
  });
}

/** The places a service serves; a place named twice is kept once. */
export function serviceAreaRecords(serviceId: string, places: PlaceEdit[]): Doc[] {
  const records = places.map((p, i) => checked('service_area.json', `service_areas.${i}`, { id: crypto.randomUUID(), service_id: serviceId, name: p.name }));
  const seen = new Set<string>();
  return records.filter((r) => {
    const key = String(r.name).toLocaleLowerCase('nb');
    return !seen.has(key) && !!seen.add(key);
  });
}

/** The attribute link type of each list of terms, as the search filters read them. */
export const TERM_LISTS = { target_groups: 'target_group', needs: 'need' } as const;
export type TermList = keyof typeof TERM_LISTS;

/**
 * A service's target groups or needs as attributes, each naming its term as the imported ones do
 * (`value`). A term must be one the directory allows for that list (`allowedTerms`).
 */
export function termRecords(serviceId: string, list: TermList, termIds: string[], allowed: Map<string, { name: string }>): Doc[] {
  const seen = new Set<string>();
  const records: Doc[] = [];
  termIds.forEach((given, i) => {
    const id = given.toLowerCase();
    const term = allowed.get(id);
    if (!term) throw invalid(`${list}.${i}`);
    if (seen.has(id)) return;
    seen.add(id);
    records.push(checked('attribute.json', `${list}.${i}`, { id: crypto.randomUUID(), link_id: serviceId, link_entity: 'service', link_type: TERM_LISTS[list], taxonomy_term_id: id, value: term.name }));
  });
  return records;
}
