import type { Db } from '../../db/connection.js';

/**
 * HSDS 3.0 documents assembled from the stored records (decision 0034): a record's own fields are
 * stored as given; the lists nested in it are its linked records, each found through an index.
 */
type Doc = Record<string, unknown>;
type LinkColumn = 'organization_id' | 'service_id' | 'location_id' | 'service_at_location_id' | 'link_id';

async function linked(db: Db, kind: string, column: LinkColumn, ids: string[]): Promise<Map<string, Doc[]>> {
  const out = new Map<string, Doc[]>();
  if (!ids.length) return out;
  const rows = await db.selectFrom('directory_records').select(['doc', column]).where('kind', '=', kind).where(column, 'in', ids).orderBy('sort_name').orderBy('id').execute();
  for (const r of rows) {
    const key = String(r[column]);
    out.set(key, [...(out.get(key) ?? []), r.doc]);
  }
  return out;
}

async function byId(db: Db, kind: string, ids: string[]): Promise<Map<string, Doc>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('directory_records').select(['id', 'doc']).where('kind', '=', kind).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [String(r.id), r.doc]));
}

/** Attributes of records, each with its taxonomy term nested as HSDS shows it. */
async function attributesOf(db: Db, ids: string[]): Promise<Map<string, Doc[]>> {
  const attrs = await linked(db, 'attribute', 'link_id', ids);
  const termIds = [...new Set([...attrs.values()].flat().map((a) => String(a.taxonomy_term_id).toLowerCase()))];
  const terms = await byId(db, 'taxonomy_term', termIds);
  for (const list of attrs.values()) for (const a of list) a.taxonomy_term = terms.get(String(a.taxonomy_term_id).toLowerCase());
  return attrs;
}

const idsOf = (docs: Doc[]) => docs.map((d) => String(d.id).toLowerCase());

/** Locations with their addresses, phones, schedules, languages and attributes. */
async function fullLocations(db: Db, locations: Doc[]): Promise<Doc[]> {
  const ids = idsOf(locations);
  const [addresses, phones, schedules, languages, attributes] = await Promise.all([
    linked(db, 'address', 'location_id', ids), linked(db, 'phone', 'location_id', ids), linked(db, 'schedule', 'location_id', ids),
    linked(db, 'language', 'location_id', ids), attributesOf(db, ids),
  ]);
  return locations.map((l) => {
    const id = String(l.id).toLowerCase();
    return { ...l, addresses: addresses.get(id) ?? [], phones: phones.get(id) ?? [], schedules: schedules.get(id) ?? [], languages: languages.get(id) ?? [], attributes: attributes.get(id) ?? [] };
  });
}

/** Services, fully nested: `/services/{id}` (compiled/service_with_definitions.json). */
export async function fullServices(db: Db, services: Doc[]): Promise<Doc[]> {
  const ids = idsOf(services);
  const [phones, schedules, areas, languages, sals, attributes] = await Promise.all([
    linked(db, 'phone', 'service_id', ids), linked(db, 'schedule', 'service_id', ids), linked(db, 'service_area', 'service_id', ids),
    linked(db, 'language', 'service_id', ids), linked(db, 'service_at_location', 'service_id', ids), attributesOf(db, ids),
  ]);
  const allSals = [...sals.values()].flat();
  const locations = await byId(db, 'location', [...new Set(allSals.map((s) => String(s.location_id).toLowerCase()))]);
  const full = new Map((await fullLocations(db, [...locations.values()])).map((l) => [String(l.id).toLowerCase(), l]));
  const orgs = await byId(db, 'organization', [...new Set(services.map((s) => s.organization_id).filter(Boolean).map((x) => String(x).toLowerCase()))]);
  return services.map((s) => {
    const id = String(s.id).toLowerCase();
    const org = s.organization_id ? orgs.get(String(s.organization_id).toLowerCase()) : undefined;
    return {
      ...s,
      phones: phones.get(id) ?? [],
      schedules: schedules.get(id) ?? [],
      service_areas: areas.get(id) ?? [],
      languages: languages.get(id) ?? [],
      service_at_locations: (sals.get(id) ?? []).map((sal) => ({ ...sal, location: full.get(String(sal.location_id).toLowerCase()) })),
      attributes: attributes.get(id) ?? [],
      ...(org ? { organization: org } : {}),
    };
  });
}

/** Organizations with their services' ids, phones, locations and attributes: `/organizations/{id}`. */
export async function fullOrganizations(db: Db, orgs: Doc[]): Promise<Doc[]> {
  const ids = idsOf(orgs);
  const [phones, locations, attributes] = await Promise.all([linked(db, 'phone', 'organization_id', ids), linked(db, 'location', 'organization_id', ids), attributesOf(db, ids)]);
  return Promise.all(orgs.map(async (o) => {
    const id = String(o.id).toLowerCase();
    return { ...o, phones: phones.get(id) ?? [], locations: await fullLocations(db, locations.get(id) ?? []), attributes: attributes.get(id) ?? [] };
  }));
}

/** Service-at-locations with their location: `/service_at_locations` (compiled/service_at_location_list.json). */
export async function fullServiceAtLocations(db: Db, sals: Doc[]): Promise<Doc[]> {
  const locations = await byId(db, 'location', [...new Set(sals.map((s) => String(s.location_id).toLowerCase()))]);
  const full = new Map((await fullLocations(db, [...locations.values()])).map((l) => [String(l.id).toLowerCase(), l]));
  return sals.map((s) => ({ ...s, location: full.get(String(s.location_id).toLowerCase()) }));
}
