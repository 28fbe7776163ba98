import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../../server/route-types.js';
import { actorOf } from '../../server/plugins/access.js';
import { notFound } from '../../server/errors.js';
import type { Db } from '../../db/connection.js';
import { exportDataSet, importDataSet } from './data-set.js';
import { fullOrganizations, fullServiceAtLocations, fullServices } from './documents.js';
import { searchServices } from './search/search.js';
import { searchFilters } from './search/filters.js';
import { editService, ServiceEdit } from './edit.js';
import { PUBLIC_READS_LIMIT } from '../../server/rate-limit/public-reads.js';

const Uuid = z.string().uuid();

const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(50),
  search: z.string().max(200).optional(),
  organization_id: Uuid.optional(),
  taxonomy_id: Uuid.optional(),
  taxonomy_term_id: Uuid.optional(),
});
type PageQuery = z.infer<typeof PageQuery>;

/**
 * One page of a kind of record, in name order. HSDS pages by number (its `Page` schema), so the
 * list is ordered by the index (kind, sort_name, id) and the offset stays within what a person
 * pages through; a machine wanting everything uses the export (decision 0034).
 */
async function page(db: Db, kind: string, q: PageQuery, assemble: (docs: Record<string, unknown>[]) => Promise<Record<string, unknown>[]> = async (d) => d) {
  let query = db.selectFrom('directory_records').where('kind', '=', kind);
  if (q.search) query = query.where('sort_name', 'like', `%${q.search.toLocaleLowerCase('nb').replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (q.organization_id) query = query.where('organization_id', '=', q.organization_id.toLowerCase());
  if (q.taxonomy_id && kind === 'taxonomy_term') query = query.where('link_id', '=', q.taxonomy_id.toLowerCase());
  if (q.taxonomy_term_id) {
    const term = q.taxonomy_term_id.toLowerCase();
    query = query.where('id', 'in', (eb) => eb.selectFrom('directory_records as a').select('a.link_id').where('a.kind', '=', 'attribute').where(({ ref }) => ref('a.doc'), '@>', JSON.stringify({ taxonomy_term_id: term }) as never));
  }
  const total = Number((await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await query.select('doc').orderBy('sort_name').orderBy('id').limit(q.per_page).offset((q.page - 1) * q.per_page).execute();
  const totalPages = Math.max(1, Math.ceil(total / q.per_page));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: q.page,
    size: rows.length,
    first_page: q.page === 1,
    last_page: q.page >= totalPages,
    empty: rows.length === 0,
    contents: await assemble(rows.map((r) => r.doc)),
  };
}

async function one(db: Db, kind: string, id: string) {
  const row = await db.selectFrom('directory_records').select('doc').where('kind', '=', kind).where('id', '=', id.toLowerCase()).executeTakeFirst();
  if (!row) throw notFound();
  return row.doc;
}

const SearchQuery = z.object({
  q: z.string().max(200).optional(),
  target_group: z.string().max(40).optional(),
  need: z.string().max(40).optional(),
  municipality: z.string().max(80).optional(),
  // An empty field means no age given, not age 0.
  age: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(120).optional()),
  language: z.string().regex(/^[a-zA-Z]{2,3}$/).optional(),
  open_now: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(400).optional(),
});
const Term = z.object({ code: z.string(), name: z.string() });
const SearchHit = z.object({
  id: z.string(), name: z.string(), organization: z.object({ id: z.string(), name: z.string() }).nullable(),
  description: z.string().nullable(), eligibility: z.string().nullable(), application_process: z.string().nullable(), fees: z.string().nullable(),
  url: z.string().nullable(), email: z.string().nullable(),
  phones: z.array(z.object({ number: z.string(), description: z.string().nullable() })),
  areas: z.array(z.string()), addresses: z.array(z.string()), opening_hours: z.array(z.string()),
  weekly_hours: z.array(z.object({ days: z.array(z.number()), opens: z.string(), closes: z.string(), note: z.string().nullable() })),
  open_now: z.boolean().nullable(), time_zone: z.string(), minimum_age: z.number().nullable(), maximum_age: z.number().nullable(),
  target_groups: z.array(Term), needs: z.array(Term), last_verified: z.string().nullable(),
});
const SearchResult = z.object({
  total: z.number(), total_exact: z.boolean(), words: z.array(z.string()),
  corrected: z.array(z.object({ written: z.string(), searched: z.string() })),
  results: z.array(SearchHit), next_cursor: z.string().nullable(),
});
const Counted = z.object({ code: z.string(), name: z.string(), services: z.number() });
const Filters = z.object({
  target_groups: z.array(Counted), needs: z.array(Counted),
  municipalities: z.array(z.object({ name: z.string(), services: z.number() })), languages: z.array(z.object({ code: z.string(), services: z.number() })),
});

const Json = z.record(z.string(), z.unknown());
const PageOf = z.object({ total_items: z.number(), total_pages: z.number(), page_number: z.number(), size: z.number(), first_page: z.boolean(), last_page: z.boolean(), empty: z.boolean(), contents: z.array(Json) });
/** The public HSDS API and search answer anyone, so they are limited per address, with the other public reads. */
const publicRoute = { access: 'public' as const, rateLimit: PUBLIC_READS_LIMIT };

/**
 * The directory's HSDS 3.0 API (issue 10 point 1), read-only and open to anyone (the public
 * "find help" page and other directories read it), and the full data set's import and export
 * for the coordinators who keep the directory.
 */
export async function directoryRoutes(app: FastifyInstance) {
  const r = typed(app);
  const listSchema = { tags: ['directory'], querystring: PageQuery, response: { 200: PageOf } };
  const oneSchema = { tags: ['directory'], params: z.object({ id: Uuid }), response: { 200: Json } };

  r.get('/hsds/', { config: publicRoute, schema: { tags: ['directory'], response: { 200: z.object({ version: z.string(), profile: z.string(), openapi_url: z.string() }) } } }, async (request) => ({
    version: '3.0',
    profile: 'https://docs.openreferral.org/en/v3.0/hsds/schema_reference.html',
    openapi_url: `${request.protocol}://${request.host}/api/openapi.json`,
  }));
  r.get('/hsds/services', { config: publicRoute, schema: listSchema }, async (request) => page(app.db, 'service', request.query));
  r.get('/hsds/services/:id', { config: publicRoute, schema: oneSchema }, async (request) => (await fullServices(app.db, [await one(app.db, 'service', request.params.id)]))[0]);
  r.get('/hsds/organizations', { config: publicRoute, schema: listSchema }, async (request) => page(app.db, 'organization', request.query));
  r.get('/hsds/organizations/:id', { config: publicRoute, schema: oneSchema }, async (request) => (await fullOrganizations(app.db, [await one(app.db, 'organization', request.params.id)]))[0]);
  r.get('/hsds/service_at_locations', { config: publicRoute, schema: listSchema }, async (request) => page(app.db, 'service_at_location', request.query, (docs) => fullServiceAtLocations(app.db, docs)));
  r.get('/hsds/service_at_locations/:id', { config: publicRoute, schema: oneSchema }, async (request) => (await fullServiceAtLocations(app.db, [await one(app.db, 'service_at_location', request.params.id)]))[0]);
  r.get('/hsds/taxonomies', { config: publicRoute, schema: listSchema }, async (request) => page(app.db, 'taxonomy', request.query));
  r.get('/hsds/taxonomies/:id', { config: publicRoute, schema: oneSchema }, async (request) => one(app.db, 'taxonomy', request.params.id));
  r.get('/hsds/taxonomy_terms', { config: publicRoute, schema: listSchema }, async (request) => page(app.db, 'taxonomy_term', request.query));
  r.get('/hsds/taxonomy_terms/:id', { config: publicRoute, schema: oneSchema }, async (request) => one(app.db, 'taxonomy_term', request.params.id));

  // The search the "find help" page and the counsellors use (issue 10 point 3): public like the HSDS API.
  r.get('/directory/search', { config: publicRoute, schema: { tags: ['directory'], querystring: SearchQuery, response: { 200: SearchResult } } }, async (request, reply) => {
    const q = request.query;
    // What a person searched for is kept nowhere, the browser's cache included.
    reply.header('cache-control', 'no-store');
    return searchServices(app.db, {
      q: q.q, targetGroup: q.target_group, need: q.need, municipality: q.municipality, age: q.age, language: q.language,
      openNow: q.open_now === 'true', limit: q.limit, cursor: q.cursor,
    });
  });
  r.get('/directory/filters', { config: publicRoute, schema: { tags: ['directory'], response: { 200: Filters } } }, async () => searchFilters(app.db));

  // A coordinator's edit of one service, with its "last verified" date (issue 10 point 2).
  r.put('/directory/services/:id', {
    config: { access: 'directory.edit' },
    schema: { tags: ['directory'], params: z.object({ id: Uuid }), body: ServiceEdit, response: { 200: Json } },
  }, async (request) => editService(app.db, actorOf(request).id, request.params.id, request.body));

  r.post('/directory/import', {
    config: { access: 'directory.edit' },
    bodyLimit: 50 * 1024 * 1024,
    schema: { tags: ['directory'], body: z.unknown(), response: { 200: z.object({ imported: z.record(z.string(), z.number()) }) } },
  }, async (request) => ({ imported: await importDataSet(app.db, actorOf(request).id, request.body) }));
  r.get('/directory/export.json', { config: { access: 'directory.edit' }, schema: { tags: ['directory'] } }, async (_request, reply) => {
    reply.header('content-disposition', 'attachment; filename="directory-hsds-3.0.json"');
    return exportDataSet(app.db);
  });
}
