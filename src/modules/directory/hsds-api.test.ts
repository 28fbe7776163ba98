import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, RK } from '../../test/app.js';
import { hsdsValidator } from './hsds-schemas.js';

/**
 * The directory's HSDS 3.0 API (issue 10 point 1): a full data set goes in all or nothing, and
 * every document that comes out validates against the official schemas (`standards/hsds-3.0/`).
 * The content is seed 004's entry for Alarmtelefonen for barn og unge (line 11767 on).
 */
const ORG = '6f1d3c2a-1b7e-4c55-9a7e-0d6a3f1b2c01';
const SERVICE = '6f1d3c2a-1b7e-4c55-9a7e-0d6a3f1b2c02';
const LOCATION = '6f1d3c2a-1b7e-4c55-9a7e-0d6a3f1b2c03';
const SAL = '6f1d3c2a-1b7e-4c55-9a7e-0d6a3f1b2c04';
const PHONE = '6f1d3c2a-1b7e-4c55-9a7e-0d6a3f1b2c05';
const ABROAD = '6f1d3c2a-1b7e-4c55-9a7e-0d6a3f1b2c06';
const SCHEDULE = '6f1d3c2a-1b7e-4c55-9a7e-0d6a3f1b2c07';
const AREA = '6f1d3c2a-1b7e-4c55-9a7e-0d6a3f1b2c08';
const TAXONOMY = '6f1d3c2a-1b7e-4c55-9a7e-0d6a3f1b2c09';
const TERM = '6f1d3c2a-1b7e-4c55-9a7e-0d6a3f1b2c0a';
const ATTRIBUTE = '6f1d3c2a-1b7e-4c55-9a7e-0d6a3f1b2c0b';
const LANGUAGE = '6f1d3c2a-1b7e-4c55-9a7e-0d6a3f1b2c0c';

const DATA_SET = {
  hsds_version: '3.0',
  organizations: [{ id: ORG, name: 'Alarmtelefonen for barn og unge', description: 'Gratis nødtelefon for barn og unge, et tillegg til eksisterende akuttberedskap.', website: 'https://116111.no', email: 'alarm@116111.no' }],
  services: [{ id: SERVICE, organization_id: ORG, name: 'Alarmtelefonen for barn og unge', description: 'Gratis nødtelefon for barn og unge. Døgnåpen hele året.', status: 'active', email: 'alarm@116111.no', url: 'https://116111.no' }],
  locations: [{ id: LOCATION, organization_id: ORG, location_type: 'virtual', name: 'Telefon og SMS' }],
  service_at_locations: [{ id: SAL, service_id: SERVICE, location_id: LOCATION }],
  phones: [
    { id: PHONE, service_id: SERVICE, number: '116 111', description: 'Gratis' },
    { id: ABROAD, service_id: SERVICE, number: '+47 954 11 755', description: 'Fra utlandet' },
  ],
  schedules: [{ id: SCHEDULE, service_id: SERVICE, freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '00:00', closes_at: '23:59', timezone: 1, description: 'Døgnåpen hele året' }],
  service_areas: [{ id: AREA, service_id: SERVICE, name: 'Norge', extent_type: 'other' }],
  languages: [{ id: LANGUAGE, service_id: SERVICE, name: 'Norsk', code: 'nb' }],
  taxonomies: [{ id: TAXONOMY, name: 'Målgrupper', description: 'Hvem tjenesten er for (seed 000, de ti mest sårbare gruppene, og barn og unge)' }],
  taxonomy_terms: [{ id: TERM, taxonomy_id: TAXONOMY, name: 'Barn og unge', description: 'Barn og unge under 18 år' }],
  attributes: [{ id: ATTRIBUTE, link_id: SERVICE, link_entity: 'service', link_type: 'target_group', taxonomy_term_id: TERM, value: 'Barn og unge' }],
};

let t: TestApp;
let coordinator: { cookie: string };

beforeAll(async () => {
  t = await testApp();
  coordinator = await t.as('coordinator', [RK]);
});
afterAll(async () => { await t.close(); });

const importSet = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/directory/import', headers: { cookie: coordinator.cookie }, payload: payload as object });
const get = (url: string) => t.app.inject({ method: 'GET', url });

function expectValid(schema: string, doc: unknown) {
  const validate = hsdsValidator(schema);
  expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
}

describe('the HSDS 3.0 directory API', () => {
  it('takes a full data set and gives documents that validate against the official schemas, to anyone, without a session', async () => {
    const res = await importSet(DATA_SET);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().imported).toEqual({ organization: 1, service: 1, location: 1, service_at_location: 1, phone: 2, schedule: 1, service_area: 1, language: 1, taxonomy: 1, taxonomy_term: 1, attribute: 1 });

    const root = await get('/api/hsds/');
    expect(root.statusCode).toBe(200);
    expect(root.json().version).toBe('3.0');

    const services = await get('/api/hsds/services');
    expect(services.statusCode).toBe(200);
    const page = services.json();
    expect(page).toMatchObject({ total_items: 1, total_pages: 1, page_number: 1, size: 1, first_page: true, last_page: true, empty: false });
    for (const s of page.contents) expectValid('compiled/service_list.json', s);

    const service = (await get(`/api/hsds/services/${SERVICE}`)).json();
    expectValid('compiled/service_with_definitions.json', service);
    expect(service.phones.map((p: { number: string }) => p.number).sort()).toEqual(['+47 954 11 755', '116 111']);
    expect(service.organization.name).toBe('Alarmtelefonen for barn og unge');
    expect(service.service_at_locations[0].location.name).toBe('Telefon og SMS');
    expect(service.attributes[0].taxonomy_term.name).toBe('Barn og unge');
    expect(service.schedules[0].description).toBe('Døgnåpen hele året');

    const orgs = (await get('/api/hsds/organizations')).json();
    for (const o of orgs.contents) expectValid('compiled/organization_list.json', o);
    const org = (await get(`/api/hsds/organizations/${ORG}`)).json();
    expectValid('organization.json', org);
    expect(org.locations[0].name).toBe('Telefon og SMS');

    const sals = (await get('/api/hsds/service_at_locations')).json();
    expect(sals.total_items).toBe(1);
    for (const s of sals.contents) expectValid('compiled/service_at_location_list.json', s);

    const taxonomies = (await get('/api/hsds/taxonomies')).json();
    for (const x of taxonomies.contents) expectValid('taxonomy.json', x);
    const terms = (await get(`/api/hsds/taxonomy_terms?taxonomy_id=${TAXONOMY}`)).json();
    expect(terms.contents.map((x: { name: string }) => x.name)).toEqual(['Barn og unge']);
    for (const x of terms.contents) expectValid('taxonomy_term.json', x);

    // Filters a directory user would reach for: by target group (taxonomy term), organization and name.
    expect((await get(`/api/hsds/services?taxonomy_term_id=${TERM}`)).json().total_items).toBe(1);
    expect((await get(`/api/hsds/services?organization_id=${ORG}`)).json().total_items).toBe(1);
    expect((await get('/api/hsds/services?search=alarm')).json().total_items).toBe(1);
    expect((await get('/api/hsds/services?search=krisesenter')).json()).toMatchObject({ total_items: 0, empty: true, size: 0 });
    expect((await get(`/api/hsds/services/${ORG}`)).statusCode).toBe(404);
    expect((await get('/api/hsds/services/not-a-uuid')).statusCode).toBe(400);
  });

  it('exports the directory as a data set that imports back unchanged', async () => {
    expect((await importSet(DATA_SET)).statusCode).toBe(200);
    const exported = await t.app.inject({ method: 'GET', url: '/api/directory/export.json', headers: { cookie: coordinator.cookie } });
    expect(exported.statusCode).toBe(200);
    const data = exported.json();
    for (const list of Object.keys(DATA_SET).filter((k) => k !== 'hsds_version')) {
      const byId = (xs: { id: string }[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(data[list]), list).toEqual(byId((DATA_SET as unknown as Record<string, { id: string }[]>)[list]));
    }
    expect((await importSet(data)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/directory/export.json', headers: { cookie: coordinator.cookie } })).json()).toEqual(data);
  });

  it('refuses a data set with any error, names where, in the user\'s language, and changes nothing', async () => {
    expect((await importSet(DATA_SET)).statusCode).toBe(200);
    const broken = {
      ...DATA_SET,
      organizations: [...DATA_SET.organizations, { id: '6f1d3c2a-1b7e-4c55-9a7e-0d6a3f1b2cff', name: 'Ny organisasjon', description: 'Uten tjenester' }],
      services: [{ ...DATA_SET.services[0], name: undefined }],
      phones: [{ ...DATA_SET.phones[0], service_id: '6f1d3c2a-1b7e-4c55-9a7e-0d6a3f1b2c99' }],
    };
    const res = await importSet(broken);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('directory_invalid');
    expect(res.json().message).toBe('Datasettet ble ikke importert: 1 feil. Ingenting er endret. Første feil: «services.0.name».');
    expect(res.json().details.issues).toEqual([{ field: 'services.0.name', code: 'required' }]);
    // Once the schema errors are fixed, the broken link is what is left.
    const linked = await importSet({ ...broken, services: DATA_SET.services });
    expect(linked.json().message).toBe('Datasettet ble ikke importert: 1 feil. Ingenting er endret. Første feil: «phones.0.service_id».');
    expect(linked.json().details.issues).toEqual([{ field: 'phones.0.service_id', code: 'unknown_link', detail: '6f1d3c2a-1b7e-4c55-9a7e-0d6a3f1b2c99' }]);
    // A list nested in a record is refused: it belongs at the top level, once.
    const nested = await importSet({ ...DATA_SET, services: [{ ...DATA_SET.services[0], phones: DATA_SET.phones }] });
    expect(nested.json().details.issues).toEqual([{ field: 'services.0.phones', code: 'nested_list' }]);
    // Nothing of the refused sets was written: still one organization, the old phones.
    expect((await get('/api/hsds/organizations')).json().total_items).toBe(1);
    expect((await get(`/api/hsds/services/${SERVICE}`)).json().phones).toHaveLength(2);
  });

  it('is read-only for the public: writing needs a coordinator', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/directory/import', payload: DATA_SET });
    expect(anonymous.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/directory/export.json' })).statusCode).toBe(401);
    const counsellor = await t.as('counsellor', [RK]);
    expect((await t.app.inject({ method: 'POST', url: '/api/directory/import', headers: { cookie: counsellor.cookie }, payload: DATA_SET })).statusCode).toBe(403);
    expect([403, 404]).toContain((await t.app.inject({ method: 'DELETE', url: `/api/hsds/services/${SERVICE}` })).statusCode);
  });
});
