/**
 * The HSDS 3.0 record kinds the directory keeps, as a full data set names its lists, with the
 * schema each record is checked against and the links it must make to records of other kinds.
 */
export const KINDS = {
  organizations: { kind: 'organization', schema: 'organization.json', links: {} },
  services: { kind: 'service', schema: 'service.json', links: { organization_id: 'organization' } },
  locations: { kind: 'location', schema: 'location.json', links: { organization_id: 'organization' } },
  service_at_locations: { kind: 'service_at_location', schema: 'service_at_location.json', links: { service_id: 'service', location_id: 'location' } },
  phones: { kind: 'phone', schema: 'phone.json', links: { organization_id: 'organization', service_id: 'service', location_id: 'location', service_at_location_id: 'service_at_location' } },
  schedules: { kind: 'schedule', schema: 'schedule.json', links: { service_id: 'service', location_id: 'location', service_at_location_id: 'service_at_location' } },
  service_areas: { kind: 'service_area', schema: 'service_area.json', links: { service_id: 'service' } },
  languages: { kind: 'language', schema: 'language.json', links: { service_id: 'service', location_id: 'location', phone_id: 'phone' } },
  addresses: { kind: 'address', schema: 'address.json', links: { location_id: 'location' } },
  taxonomies: { kind: 'taxonomy', schema: 'taxonomy.json', links: {} },
  taxonomy_terms: { kind: 'taxonomy_term', schema: 'taxonomy_term.json', links: { taxonomy_id: 'taxonomy', parent_id: 'taxonomy_term' } },
  attributes: { kind: 'attribute', schema: 'attribute.json', links: { taxonomy_term_id: 'taxonomy_term' } },
} as const satisfies Record<string, { kind: string; schema: string; links: Record<string, string> }>;

export type ListName = keyof typeof KINDS;
export const LIST_NAMES = Object.keys(KINDS) as ListName[];

/** A full data set: each list of flat records, nested lists given at the top level instead. */
export type DirectoryDataSet = { [K in ListName]?: Record<string, unknown>[] };

/** Kinds an attribute may describe (HSDS `link_entity`), as the directory stores them. */
export const ATTRIBUTE_ENTITIES: Record<string, string> = {
  organization: 'organization', service: 'service', location: 'location', service_at_location: 'service_at_location', phone: 'phone',
};
