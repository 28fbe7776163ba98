import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { testApp, type TestApp, RK, KPH, PASSWORD } from '../test/app.js';
import { registeredRoutes } from './plugins/access.js';
import { ROLES, type Role } from '../shared/enums.js';
import type { Access, Action } from '../shared/access.js';
import { can, secondFactorRequired } from '../modules/auth/policy.js';
import { createUser } from '../modules/users/service.js';
import { csvOf, rkRow } from '../modules/imports/test-files.js';
import { SoftwareAuthenticator } from '../test/passkey-authenticator.js';
import { encryptField } from './crypto/field-encryption.js';

/**
 * Who may do what, checked against the specification, never against the code under test.
 *
 * GRANTS is the README's "Roles" table written out by hand, cell by cell; the first test proves the
 * README and this table say the same. Every route's expected answer for every role is derived from
 * GRANTS and the route's access written in ROUTES below, never from `can()` or policy.ts.
 */
const Y = true;
const N = false;
const GRANTS: Record<Action, Record<Role, boolean>> = {
  'helpline.read': { admin: Y, coordinator: Y, counsellor: Y, caseworker: Y, volunteer: Y, analyst: Y },
  'helpline.manage': { admin: Y, coordinator: N, counsellor: N, caseworker: N, volunteer: N, analyst: N },
  'contact.create': { admin: N, coordinator: Y, counsellor: Y, caseworker: Y, volunteer: N, analyst: N },
  'contact.read': { admin: N, coordinator: Y, counsellor: Y, caseworker: Y, volunteer: N, analyst: N },
  'contact.update': { admin: N, coordinator: Y, counsellor: Y, caseworker: N, volunteer: N, analyst: N },
  'contact.export': { admin: N, coordinator: Y, counsellor: N, caseworker: N, volunteer: N, analyst: N },
  'contact.import': { admin: Y, coordinator: N, counsellor: N, caseworker: N, volunteer: N, analyst: N },
  'stats.read': { admin: Y, coordinator: Y, counsellor: Y, caseworker: Y, volunteer: N, analyst: Y },
  'stats.internal': { admin: N, coordinator: Y, counsellor: N, caseworker: N, volunteer: N, analyst: N },
  'user.manage': { admin: Y, coordinator: N, counsellor: N, caseworker: N, volunteer: N, analyst: N },
  'audit.read': { admin: Y, coordinator: N, counsellor: N, caseworker: N, volunteer: N, analyst: N },
  'case.open': { admin: N, coordinator: Y, counsellor: Y, caseworker: Y, volunteer: N, analyst: N },
  'case.read': { admin: N, coordinator: Y, counsellor: Y, caseworker: Y, volunteer: N, analyst: N },
  'case.update': { admin: N, coordinator: Y, counsellor: Y, caseworker: Y, volunteer: N, analyst: N },
  'case.audit': { admin: N, coordinator: Y, counsellor: N, caseworker: N, volunteer: N, analyst: N },
  'case.protected': { admin: N, coordinator: Y, counsellor: Y, caseworker: Y, volunteer: N, analyst: N },
  'case.export': { admin: N, coordinator: Y, counsellor: N, caseworker: N, volunteer: N, analyst: N },
  'case.erase': { admin: N, coordinator: Y, counsellor: N, caseworker: N, volunteer: N, analyst: N },
  'directory.edit': { admin: N, coordinator: Y, counsellor: N, caseworker: N, volunteer: N, analyst: N },
};

/** README: "Roles that read contacts (counsellor, coordinator, caseworker) sign in with a second factor". */
const SECOND_FACTOR: Record<Role, boolean> = { admin: N, coordinator: Y, counsellor: Y, caseworker: Y, volunteer: N, analyst: N };

interface Session { role: Role; cookie: string; id: string }
type Request = Omit<InjectOptions, 'method'>;
interface RouteCase {
  /** The access the route must declare (what the README says the route is for). */
  access: Access;
  /** The status a permitted user sees for the valid request below. */
  ok: number;
  /** A valid request for this user: what it needs (a contact of their own, a user to change) is made first. */
  request: (s: Session) => Promise<Request>;
}

let t: TestApp;
const sessions = {} as Record<Role, Session>;

const contactBody = (extra: Record<string, unknown> = {}) => ({ helplineId: RK, channel: 'telephone', kind: 'first_contact', startedAt: '2022-03-14T10:15:00+01:00', ...extra });

/** A contact on `helplineId` registered by `createdBy`, straight into the database (any role may own one). */
async function contactOf(createdBy: string, helplineId = RK): Promise<string> {
  const row = await t.db
    .insertInto('contacts')
    .values({ helpline_id: helplineId, channel: 'telephone', kind: 'first_contact', started_at: new Date('2022-03-14T09:15:00Z'), local_date: '2022-03-14', country: 'not_asked', outcomes: [], source: 'api', created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A follow-up case on `helplineId` owned by `ownerId`, straight into the database (any role may own one here). */
async function caseOf(ownerId: string, helplineId = RK): Promise<string> {
  const row = await t.db.insertInto('cases')
    .values({ helpline_id: helplineId, user_group: 'helpline', pseudonym: 'Matrise', owner_id: ownerId, created_by: ownerId })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A caseworker on the helpline, to hand a case over to. */
/** A case of `ownerId` with a consent in force. */
async function consentedCaseOf(ownerId: string, helplineId = RK): Promise<string> {
  const id = await caseOf(ownerId, helplineId);
  await t.db.insertInto('case_consents').values({ case_id: id, form: 'signed', given_on: '2024-05-20', covers: ['nav'], recorded_by: ownerId }).execute();
  return id;
}

/** A case of `ownerId` whose person lives with sperret adresse, with a mail agreement. */
async function protectedCaseOf(ownerId: string, helplineId = RK): Promise<string> {
  const id = await consentedCaseOf(ownerId, helplineId);
  await t.db.insertInto('case_protections').values({
    case_id: id, level: 'kode6', address_encrypted: encryptField(t.app.config.keyFile, 'Postboks 1, 0101 Oslo'),
    mail_agreement_on: '2024-05-20', mail_initiated_by: 'person', updated_by: ownerId,
  }).execute();
  return id;
}

async function colleagueOn(helplineId: string): Promise<string> {
  const email = `colleague-${crypto.randomUUID()}@matrix.test`;
  return (await createUser(t.db, null, { email, displayName: 'Kollega', role: 'caseworker', locale: 'nb', password: PASSWORD, helplineIds: [helplineId] })).id;
}

/** Another user, for the user-management routes to act on. */
async function someUser(): Promise<string> {
  const email = `target-${crypto.randomUUID()}@matrix.test`;
  return (await createUser(t.db, null, { email, displayName: 'Target', role: 'counsellor', locale: 'nb', password: PASSWORD, helplineIds: [RK] })).id;
}

/** An import as this user; answers the batch id (a random one when the user may not import). */
async function importAs(s: Session, jobId = crypto.randomUUID()): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/imports?helplineId=${RK}&format=csv&fileName=matrix.csv&confirmDuplicate=true&jobId=${jobId}`,
    headers: { cookie: s.cookie, 'content-type': 'text/csv' },
    payload: csvOf([rkRow()]),
  });
  return res.statusCode === 200 ? res.json().batchId : crypto.randomUUID();
}

// The passkey routes allow ten requests a minute per address: each request here comes from its own.
let address = 0;
const nextAddress = () => `10.12.${(++address >> 8) & 255}.${address & 255}`;

/** A passkey added in this user's session, as the account page does (the test app's site is localhost:3000). */
async function passkeyOf(s: Session): Promise<{ passkeyName: string; passkey: unknown }> {
  const options = await t.app.inject({ method: 'POST', url: '/api/auth/passkeys/registration-options', headers: { cookie: s.cookie }, remoteAddress: nextAddress() });
  return { passkeyName: `Nøkkel ${address}`, passkey: new SoftwareAuthenticator('localhost', 'http://localhost:3000').register(options.json()) };
}

const ROUTES: Record<string, RouteCase> = {
  'GET /api/auth/me': { access: 'authenticated', ok: 200, request: async () => ({ url: '/api/auth/me' }) },
  'PUT /api/auth/me/locale': { access: 'authenticated', ok: 200, request: async () => ({ url: '/api/auth/me/locale', payload: { locale: 'nb' } }) },
  'GET /api/auth/second-factor': { access: 'authenticated', ok: 200, request: async () => ({ url: '/api/auth/second-factor' }) },
  'POST /api/auth/session/extend': { access: 'authenticated', ok: 204, request: async () => ({ url: '/api/auth/session/extend' }) },
  'GET /api/auth/passkeys': { access: 'authenticated', ok: 200, request: async () => ({ url: '/api/auth/passkeys', remoteAddress: nextAddress() }) },
  'POST /api/auth/passkeys/registration-options': { access: 'authenticated', ok: 200, request: async () => ({ url: '/api/auth/passkeys/registration-options', remoteAddress: nextAddress() }) },
  'POST /api/auth/passkeys': { access: 'authenticated', ok: 201, request: async (s) => ({ url: '/api/auth/passkeys', payload: await passkeyOf(s), remoteAddress: nextAddress() }) },
  'DELETE /api/auth/passkeys/:id': {
    access: 'authenticated', ok: 204,
    request: async (s) => {
      const added = await t.app.inject({ method: 'POST', url: '/api/auth/passkeys', headers: { cookie: s.cookie }, payload: await passkeyOf(s), remoteAddress: nextAddress() });
      return { url: `/api/auth/passkeys/${added.json().id}`, payload: { password: PASSWORD }, remoteAddress: nextAddress() };
    },
  },

  'GET /api/helplines': { access: 'helpline.read', ok: 200, request: async () => ({ url: '/api/helplines' }) },
  'GET /api/helplines/:helplineId/taxonomy': { access: 'helpline.read', ok: 200, request: async () => ({ url: `/api/helplines/${RK}/taxonomy` }) },

  'POST /api/contacts': { access: 'contact.create', ok: 201, request: async () => ({ url: '/api/contacts', payload: contactBody() }) },
  'GET /api/contacts': { access: 'contact.read', ok: 200, request: async () => ({ url: '/api/contacts' }) },
  'GET /api/contacts/authors': { access: 'contact.read', ok: 200, request: async () => ({ url: '/api/contacts/authors' }) },
  'GET /api/contacts/:id': { access: 'contact.read', ok: 200, request: async (s) => ({ url: `/api/contacts/${await contactOf(s.id)}` }) },
  'GET /api/contacts/:id/history': { access: 'contact.read', ok: 200, request: async (s) => ({ url: `/api/contacts/${await contactOf(s.id)}/history` }) },
  'PUT /api/contacts/:id': { access: 'contact.update', ok: 200, request: async (s) => ({ url: `/api/contacts/${await contactOf(s.id)}`, payload: contactBody({ version: 1, durationMinutes: 12 }) }) },
  'GET /api/contacts/export': { access: 'contact.export', ok: 200, request: async () => ({ url: `/api/contacts/export?helplineId=${RK}&year=2022` }) },

  'POST /api/imports': {
    access: 'contact.import', ok: 200,
    request: async () => ({ url: `/api/imports?helplineId=${RK}&format=csv&confirmDuplicate=true`, headers: { 'content-type': 'text/csv' }, payload: csvOf([rkRow()]) }),
  },
  'GET /api/imports/jobs/:jobId': {
    access: 'contact.import', ok: 200,
    request: async (s) => { const jobId = crypto.randomUUID(); await importAs(s, jobId); return { url: `/api/imports/jobs/${jobId}` }; },
  },
  'GET /api/imports/batches': { access: 'contact.import', ok: 200, request: async () => ({ url: '/api/imports/batches' }) },
  'POST /api/imports/batches/:batchId/undo': { access: 'contact.import', ok: 200, request: async (s) => ({ url: `/api/imports/batches/${await importAs(s)}/undo` }) },
  'GET /api/imports/template': { access: 'contact.import', ok: 200, request: async () => ({ url: `/api/imports/template?helplineId=${RK}&format=csv` }) },

  'GET /api/stats/report': { access: 'stats.read', ok: 200, request: async () => ({ url: `/api/stats/report?helplineId=${RK}&year=2022&charts=false` }) },
  'GET /api/stats/report.html': { access: 'stats.read', ok: 200, request: async () => ({ url: `/api/stats/report.html?helplineId=${RK}&year=2022` }) },
  'GET /api/stats/table.csv': { access: 'stats.read', ok: 200, request: async () => ({ url: `/api/stats/table.csv?helplineId=${RK}&year=2022&table=kind` }) },
  'GET /api/stats/table.xlsx': { access: 'stats.read', ok: 200, request: async () => ({ url: `/api/stats/table.xlsx?helplineId=${RK}&year=2022&table=kind` }) },

  'GET /api/stats/cases/report': { access: 'stats.read', ok: 200, request: async () => ({ url: `/api/stats/cases/report?helplineId=${RK}&year=2022` }) },
  'GET /api/stats/cases/report.html': { access: 'stats.read', ok: 200, request: async () => ({ url: `/api/stats/cases/report.html?helplineId=${RK}&year=2022` }) },
  'GET /api/stats/cases/table.csv': { access: 'stats.read', ok: 200, request: async () => ({ url: `/api/stats/cases/table.csv?helplineId=${RK}&year=2022&table=activities` }) },
  'GET /api/stats/cases/table.xlsx': { access: 'stats.read', ok: 200, request: async () => ({ url: `/api/stats/cases/table.xlsx?helplineId=${RK}&year=2022&table=users` }) },

  'GET /api/users': { access: 'user.manage', ok: 200, request: async () => ({ url: '/api/users' }) },
  'POST /api/users': {
    access: 'user.manage', ok: 201,
    request: async () => ({ url: '/api/users', payload: { email: `new-${crypto.randomUUID()}@matrix.test`, displayName: 'Ny', role: 'volunteer', password: PASSWORD, helplineIds: [RK] } }),
  },
  'PATCH /api/users/:id': { access: 'user.manage', ok: 204, request: async () => ({ url: `/api/users/${await someUser()}`, payload: { role: 'caseworker' } }) },
  'POST /api/users/:id/deactivate': { access: 'user.manage', ok: 204, request: async () => ({ url: `/api/users/${await someUser()}/deactivate` }) },
  'POST /api/users/:id/reactivate': {
    access: 'user.manage', ok: 204,
    request: async () => {
      const id = await someUser();
      await t.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', id).execute();
      return { url: `/api/users/${id}/reactivate` };
    },
  },
  'POST /api/users/:id/password-reset-link': { access: 'user.manage', ok: 201, request: async () => ({ url: `/api/users/${await someUser()}/password-reset-link` }) },
  'GET /api/users/second-factors': { access: 'user.manage', ok: 200, request: async () => ({ url: '/api/users/second-factors' }) },
  'DELETE /api/users/:id/second-factor': { access: 'user.manage', ok: 204, request: async () => ({ url: `/api/users/${await someUser()}/second-factor` }) },

  'GET /api/audit/verify': { access: 'audit.read', ok: 200, request: async () => ({ url: '/api/audit/verify' }) },

  'POST /api/cases': { access: 'case.open', ok: 201, request: async (s) => ({ url: '/api/cases', payload: { helplineId: RK, userGroup: 'helpline', pseudonym: 'Matrise', contactIds: [await contactOf(s.id)] } }) },
  'GET /api/cases': { access: 'case.read', ok: 200, request: async () => ({ url: '/api/cases' }) },
  'GET /api/cases/:id': { access: 'case.read', ok: 200, request: async (s) => ({ url: `/api/cases/${await caseOf(s.id)}` }) },
  'POST /api/cases/:id/status': { access: 'case.update', ok: 200, request: async (s) => ({ url: `/api/cases/${await caseOf(s.id)}/status`, payload: { status: 'paused', version: 1 } }) },
  'PUT /api/cases/:id/consent': { access: 'case.update', ok: 200, request: async (s) => ({ url: `/api/cases/${await caseOf(s.id)}/consent`, payload: { form: 'signed', givenOn: '2024-05-20', covers: ['nav'] } }) },
  'POST /api/cases/:id/consent/withdraw': {
    access: 'case.update', ok: 200,
    request: async (s) => {
      const id = await caseOf(s.id);
      await t.db.insertInto('case_consents').values({ case_id: id, form: 'verbal', given_on: '2024-05-20', covers: ['nav'], recorded_by: s.id }).execute();
      return { url: `/api/cases/${id}/consent/withdraw`, payload: { withdrawnOn: '2024-06-01' } };
    },
  },
  'POST /api/cases/:id/referrals': {
    access: 'case.update', ok: 201,
    request: async (s) => {
      const id = await caseOf(s.id);
      await t.db.insertInto('case_consents').values({ case_id: id, form: 'signed', given_on: '2024-05-20', covers: ['nav'], recorded_by: s.id }).execute();
      return { url: `/api/cases/${id}/referrals`, payload: { agencyType: 'nav', reason: 'Søknad', referredOn: '2024-06-01' } };
    },
  },
  'PUT /api/cases/:id/referrals/:referralId/outcome': {
    access: 'case.update', ok: 200,
    request: async (s) => {
      const id = await caseOf(s.id);
      const r = await t.db.insertInto('case_referrals').values({ case_id: id, agency_type: 'nav', reason: 'Søknad', referred_on: '2024-06-01', created_by: s.id }).returning('id').executeTakeFirstOrThrow();
      return { url: `/api/cases/${id}/referrals/${r.id}/outcome`, payload: { outcome: 'Innvilget', outcomeOn: '2024-07-01', version: 1 } };
    },
  },
  'POST /api/cases/:id/activities': { access: 'case.update', ok: 201, request: async (s) => ({ url: `/api/cases/${await caseOf(s.id)}/activities`, payload: { category: 'phone_mail', happenedOn: '2024-06-01' } }) },
  'GET /api/cases/:id/access-log': { access: 'case.audit', ok: 200, request: async (s) => ({ url: `/api/cases/${await caseOf(s.id)}/access-log` }) },
  'GET /api/cases/:id/colleagues': { access: 'case.update', ok: 200, request: async (s) => ({ url: `/api/cases/${await caseOf(s.id)}/colleagues` }) },
  'POST /api/cases/:id/owner': { access: 'case.update', ok: 204, request: async (s) => ({ url: `/api/cases/${await caseOf(s.id)}/owner`, payload: { ownerId: await colleagueOn(RK), version: 1 } }) },
  'PUT /api/cases/:id/protection': {
    access: 'case.update', ok: 200,
    request: async (s) => ({ url: `/api/cases/${await consentedCaseOf(s.id)}/protection`, payload: { level: 'kode6', address: 'Postboks 1, 0101 Oslo' } }),
  },
  'DELETE /api/cases/:id/protection': { access: 'case.update', ok: 200, request: async (s) => ({ url: `/api/cases/${await protectedCaseOf(s.id)}/protection` }) },
  'POST /api/cases/:id/protection/reveal': {
    access: 'case.protected', ok: 200,
    request: async (s) => ({ url: `/api/cases/${await protectedCaseOf(s.id)}/protection/reveal`, payload: { reason: 'Videresende brev fra NAV' } }),
  },
  'POST /api/cases/:id/mail': { access: 'case.update', ok: 201, request: async (s) => ({ url: `/api/cases/${await protectedCaseOf(s.id)}/mail`, payload: { receivedOn: '2024-06-03' } }) },
  'PUT /api/cases/:id/mail/:itemId': {
    access: 'case.update', ok: 200,
    request: async (s) => {
      const id = await protectedCaseOf(s.id);
      const item = await t.db.insertInto('case_mail_items').values({ case_id: id, received_on: '2024-06-03', recorded_by: s.id }).returning('id').executeTakeFirstOrThrow();
      return { url: `/api/cases/${id}/mail/${item.id}`, payload: { handled: 'collected', handledOn: '2024-06-04', version: 1 } };
    },
  },
  'GET /api/cases/:id/export.json': { access: 'case.export', ok: 200, request: async (s) => ({ url: `/api/cases/${await caseOf(s.id)}/export.json` }) },
  'GET /api/cases/:id/export.html': { access: 'case.export', ok: 200, request: async (s) => ({ url: `/api/cases/${await caseOf(s.id)}/export.html` }) },
  'POST /api/cases/:id/anonymise': {
    access: 'case.erase', ok: 200,
    request: async (s) => {
      const id = await caseOf(s.id);
      await t.db.updateTable('cases').set({ status: 'closed', close_reason: 'person_ended', closed_at: new Date() }).where('id', '=', id).execute();
      return { url: `/api/cases/${id}/anonymise`, payload: { reason: 'Sletteanmodning 12. mai', version: 1 } };
    },
  },
  'GET /api/cases/tasks': { access: 'case.read', ok: 200, request: async () => ({ url: '/api/cases/tasks' }) },
  'GET /api/cases/:id/checklists/:checklistId': { access: 'case.read', ok: 200, request: async (s) => ({ url: `/api/cases/${await caseOf(s.id)}/checklists/trafficking-indicators` }) },
  'PUT /api/cases/:id/checklists/:checklistId': {
    access: 'case.update', ok: 200,
    request: async (s) => ({ url: `/api/cases/${await caseOf(s.id)}/checklists/trafficking-indicators`, payload: { itemIds: ['general-01'], minor: false, acute: false, version: 0 } }),
  },
  'POST /api/directory/import': {
    access: 'directory.edit', ok: 200,
    request: async () => ({ url: '/api/directory/import', payload: { organizations: [{ id: crypto.randomUUID(), name: 'Røde Kors', description: 'Humanitær organisasjon' }] } }),
  },
  'GET /api/directory/export.json': { access: 'directory.edit', ok: 200, request: async () => ({ url: '/api/directory/export.json' }) },
  'PUT /api/directory/services/:id': {
    access: 'directory.edit', ok: 200,
    request: async () => {
      const id = crypto.randomUUID();
      await t.app.inject({ method: 'POST', url: '/api/directory/import', headers: { cookie: sessions.coordinator.cookie }, payload: { services: [{ id, name: 'Leksehjelp', status: 'active' }] } });
      return { url: `/api/directory/services/${id}`, payload: { name: 'Leksehjelp', description: null, eligibility_description: null, application_process: null, fees_description: null, url: null, email: null, minimum_age: null, maximum_age: null, phones: [], verified: true, last_modified: null } };
    },
  },
  'POST /api/cases/:id/tasks': { access: 'case.update', ok: 201, request: async (s) => ({ url: `/api/cases/${await caseOf(s.id)}/tasks`, payload: { title: 'Ring NAV om bostøtte', dueOn: '2024-06-10' } }) },
  'PUT /api/cases/:id/tasks/:taskId': {
    access: 'case.update', ok: 200,
    request: async (s) => {
      const id = await caseOf(s.id);
      const task = await t.db.insertInto('case_tasks').values({ case_id: id, title: 'Ring NAV', due_on: '2024-06-10', created_by: s.id }).returning('id').executeTakeFirstOrThrow();
      return { url: `/api/cases/${id}/tasks/${task.id}`, payload: { done: true, version: 1 } };
    },
  },
  'PUT /api/cases/:id/person': {
    access: 'case.update', ok: 200,
    request: async (s) => {
      const id = await caseOf(s.id);
      await t.db.insertInto('case_consents').values({ case_id: id, form: 'signed', given_on: '2024-05-20', covers: ['nav'], recorded_by: s.id }).execute();
      return { url: `/api/cases/${id}/person`, payload: { birthYear: 2001 } };
    },
  },
};

/** What the README's table says this role sees on a route declaring `access`. */
function expectedStatus(route: RouteCase, role: Role): number {
  if (route.access === 'authenticated') return route.ok;
  return GRANTS[route.access as Action][role] ? route.ok : 403;
}

const send = async (key: string, s: Session | null, req: Request) => {
  const [method] = key.split(' ');
  return t.app.inject({ ...req, method: method as 'GET', headers: { ...req.headers, ...(s ? { cookie: s.cookie } : {}) } });
};

beforeAll(async () => {
  t = await testApp();
  for (const role of ROLES) {
    const { cookie, id } = await t.as(role, [RK]);
    sessions[role] = { role, cookie, id };
  }
}, 120_000);
afterAll(async () => { await t.close(); });

describe('the role table is the README\'s', () => {
  it('the README states every role × action, and it is the table this test checks against', () => {
    const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const lines = readme.split('\n');
    const header = lines.find((l) => /^\| action \|/.test(l));
    expect(header, 'README: the action × role table').toBeDefined();
    const roles = header!.split('|').slice(2, -1).map((c) => c.trim());
    expect([...roles].sort()).toEqual([...ROLES].sort());
    const fromReadme: Record<string, Record<string, boolean>> = {};
    for (const line of lines.filter((l) => /^\| `[a-z]+\.[a-z]+`/.test(l))) {
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      const action = /`([a-z.]+)`/.exec(cells[0])![1];
      fromReadme[action] = Object.fromEntries(roles.map((role, i) => [role, cells[i + 1] === 'yes']));
    }
    expect(fromReadme).toEqual(GRANTS);
  });

  it('the policy grants exactly the table, cell by cell, and asks a second factor of the roles that read contacts', () => {
    for (const role of ROLES) {
      for (const [action, byRole] of Object.entries(GRANTS)) {
        expect(can({ id: 'x', role, helplineIds: [RK] }, action as Action), `${role} ${action}`).toBe(byRole[role]);
      }
      expect(secondFactorRequired(role), role).toBe(SECOND_FACTOR[role]);
    }
  });
});

describe('what the web app is told a user may do', () => {
  it.each(ROLES)('%s: /api/auth/me lists exactly the actions the table grants (the menu is built from them)', async (role) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: sessions[role].cookie } });
    expect(res.statusCode).toBe(200);
    const granted = Object.entries(GRANTS).filter(([, byRole]) => byRole[role]).map(([action]) => action);
    expect([...res.json().abilities].sort()).toEqual(granted.sort());
  });
});

describe('every route × every role answers what the README says', () => {
  const apiRoutes = () => {
    const seen = new Map<string, string>();
    for (const r of registeredRoutes) if (r.method !== 'HEAD' && r.url.startsWith('/api/')) seen.set(`${r.method} ${r.url}`, String(r.access));
    return seen;
  };

  it('every non-public route is in the table below with the access it declares (a new route needs a line here)', () => {
    const declared = Object.fromEntries([...apiRoutes()].filter(([, access]) => access !== 'public'));
    expect(declared).toEqual(Object.fromEntries(Object.entries(ROUTES).map(([key, r]) => [key, r.access])));
  });

  it('without a session every one of them answers 401', async () => {
    for (const [key, route] of Object.entries(ROUTES)) {
      const res = await send(key, null, await route.request(sessions.admin));
      expect(res.statusCode, key).toBe(401);
    }
  });

  it.each(ROLES)('%s gets the success answer where the table grants the route and 403 everywhere else', async (role) => {
    const s = sessions[role];
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const [key, route] of Object.entries(ROUTES)) {
      const res = await send(key, s, await route.request(s));
      got[key] = res.statusCode;
      want[key] = expectedStatus(route, role);
    }
    expect(got).toEqual(want);
  }, 120_000);
});

describe('no route breaks on a careless request', () => {
  it.each(ROLES)('%s with an empty body and unknown ids gets an answer, never a 500', async (role) => {
    const concrete = (url: string) => url.replace(/:(\w+)/g, (_, name: string) => (name === 'helplineId' ? RK : crypto.randomUUID()));
    for (const key of Object.keys(ROUTES)) {
      const [method, url] = key.split(' ');
      const res = await send(key, sessions[role], { url: concrete(url), payload: method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${role} ${key}: ${res.body}`).toBeLessThan(500);
    }
  }, 120_000);
});

describe('helpline scoping: a user of helpline A on helpline B\'s data', () => {
  // Every session works on RK only; KPH is helpline B. The KPH contact is the user's own, so only the
  // helpline (not ownership) can be what refuses it.
  const HIDDEN = 404;

  it('a contact of another helpline does not exist for its readers; for the others the route is forbidden', async () => {
    const want: Record<Role, Record<string, number>> = {
      admin: { read: 403, history: 403, update: 403 },
      coordinator: { read: HIDDEN, history: HIDDEN, update: HIDDEN },
      counsellor: { read: HIDDEN, history: HIDDEN, update: HIDDEN },
      caseworker: { read: HIDDEN, history: HIDDEN, update: 403 },
      volunteer: { read: 403, history: 403, update: 403 },
      analyst: { read: 403, history: 403, update: 403 },
    };
    const got = {} as Record<Role, Record<string, number>>;
    for (const role of ROLES) {
      const s = sessions[role];
      const id = await contactOf(s.id, KPH);
      got[role] = {
        read: (await send('GET', s, { url: `/api/contacts/${id}` })).statusCode,
        history: (await send('GET', s, { url: `/api/contacts/${id}/history` })).statusCode,
        update: (await send('PUT', s, { url: `/api/contacts/${id}`, payload: contactBody({ helplineId: KPH, version: 1 }) })).statusCode,
      };
      const row = await t.db.selectFrom('contacts').select(['version', 'duration_minutes']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(row, `${role}: the contact is unchanged`).toEqual({ version: 1, duration_minutes: null });
    }
    expect(got).toEqual(want);
  });

  it('lists, counsellor choices and exports of another helpline are refused; the plain list holds none of its contacts', async () => {
    const want: Record<Role, Record<string, number>> = {
      admin: { list: 403, authors: 403, export: 403, registerThere: 403 },
      coordinator: { list: 400, authors: 400, export: HIDDEN, registerThere: HIDDEN },
      counsellor: { list: 400, authors: 400, export: 403, registerThere: HIDDEN },
      caseworker: { list: 400, authors: 400, export: 403, registerThere: HIDDEN },
      volunteer: { list: 403, authors: 403, export: 403, registerThere: 403 },
      analyst: { list: 403, authors: 403, export: 403, registerThere: 403 },
    };
    const got = {} as Record<Role, Record<string, number>>;
    const countThere = async () => (await t.db.selectFrom('contacts').select('id').where('helpline_id', '=', KPH).execute()).length;
    const before = await countThere();
    for (const role of ROLES) {
      const s = sessions[role];
      const list = await send('GET', s, { url: `/api/contacts?helplineId=${KPH}` });
      if (list.statusCode === 400) expect(list.json().field).toBe('helplineId');
      got[role] = {
        list: list.statusCode,
        authors: (await send('GET', s, { url: `/api/contacts/authors?helplineId=${KPH}` })).statusCode,
        export: (await send('GET', s, { url: `/api/contacts/export?helplineId=${KPH}&year=2022` })).statusCode,
        registerThere: (await send('POST', s, { url: '/api/contacts', payload: contactBody({ helplineId: KPH }) })).statusCode,
      };
    }
    expect(got).toEqual(want);
    expect(await countThere(), 'nothing was registered on helpline B').toBe(before);

    // The plain list: own helpline's contacts are there, helpline B's never (for a coordinator, who lists all).
    const coordinator = sessions.coordinator;
    const here = await contactOf(coordinator.id, RK);
    const there = await contactOf(coordinator.id, KPH);
    const ids = (await send('GET', coordinator, { url: '/api/contacts?limit=100' })).json().items.map((c: { id: string }) => c.id);
    expect(ids).toContain(here);
    expect(ids).not.toContain(there);
  });

  it('statistics of another helpline do not exist for its staff; administrators and analysts see every helpline\'s published view', async () => {
    const report = (helplineId: string, suppress = 'true') => `/api/stats/report?helplineId=${helplineId}&year=2022&charts=false&suppress=${suppress}`;
    const want: Record<Role, Record<string, number>> = {
      admin: { report: 200, html: 200, csv: 200, xlsx: 200, internalOwn: 403, internalOther: 403 },
      coordinator: { report: HIDDEN, html: HIDDEN, csv: HIDDEN, xlsx: HIDDEN, internalOwn: 200, internalOther: HIDDEN },
      counsellor: { report: HIDDEN, html: HIDDEN, csv: HIDDEN, xlsx: HIDDEN, internalOwn: 403, internalOther: HIDDEN },
      caseworker: { report: HIDDEN, html: HIDDEN, csv: HIDDEN, xlsx: HIDDEN, internalOwn: 403, internalOther: HIDDEN },
      volunteer: { report: 403, html: 403, csv: 403, xlsx: 403, internalOwn: 403, internalOther: 403 },
      analyst: { report: 200, html: 200, csv: 200, xlsx: 200, internalOwn: 403, internalOther: 403 },
    };
    const got = {} as Record<Role, Record<string, number>>;
    for (const role of ROLES) {
      const s = sessions[role];
      got[role] = {
        report: (await send('GET', s, { url: report(KPH) })).statusCode,
        html: (await send('GET', s, { url: `/api/stats/report.html?helplineId=${KPH}&year=2022` })).statusCode,
        csv: (await send('GET', s, { url: `/api/stats/table.csv?helplineId=${KPH}&year=2022&table=kind` })).statusCode,
        xlsx: (await send('GET', s, { url: `/api/stats/table.xlsx?helplineId=${KPH}&year=2022&table=kind` })).statusCode,
        internalOwn: (await send('GET', s, { url: report(RK, 'false') })).statusCode,
        internalOther: (await send('GET', s, { url: report(KPH, 'false') })).statusCode,
      };
    }
    expect(got).toEqual(want);
  }, 120_000);

  it('the categories of another helpline do not exist for its staff; administrators and analysts see them', async () => {
    const want: Record<Role, number> = { admin: 200, coordinator: HIDDEN, counsellor: HIDDEN, caseworker: HIDDEN, volunteer: HIDDEN, analyst: 200 };
    const got = {} as Record<Role, number>;
    for (const role of ROLES) got[role] = (await send('GET', sessions[role], { url: `/api/helplines/${KPH}/taxonomy` })).statusCode;
    expect(got).toEqual(want);
  });
});

describe('follow-up cases: another helpline\'s, and a colleague\'s (README: owners, and coordinators of the helpline)', () => {
  const HIDDEN = 404;

  it('a case of another helpline does not exist for case workers; its helpline cannot be listed or opened on', async () => {
    const want: Record<Role, Record<string, number>> = {
      admin: { read: 403, status: 403, list: 403, openThere: 403 },
      coordinator: { read: HIDDEN, status: HIDDEN, list: 400, openThere: 400 },
      counsellor: { read: HIDDEN, status: HIDDEN, list: 400, openThere: 400 },
      caseworker: { read: HIDDEN, status: HIDDEN, list: 400, openThere: 400 },
      volunteer: { read: 403, status: 403, list: 403, openThere: 403 },
      analyst: { read: 403, status: 403, list: 403, openThere: 403 },
    };
    const got = {} as Record<Role, Record<string, number>>;
    for (const role of ROLES) {
      const s = sessions[role];
      const id = await caseOf(s.id, KPH);
      got[role] = {
        read: (await send('GET', s, { url: `/api/cases/${id}` })).statusCode,
        status: (await send('POST', s, { url: `/api/cases/${id}/status`, payload: { status: 'paused', version: 1 } })).statusCode,
        list: (await send('GET', s, { url: `/api/cases?helplineId=${KPH}` })).statusCode,
        openThere: (await send('POST', s, { url: '/api/cases', payload: { helplineId: KPH, userGroup: 'helpline', pseudonym: 'B' } })).statusCode,
      };
      const row = await t.db.selectFrom('cases').select(['status', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(row, `${role}: the case is unchanged`).toEqual({ status: 'open', version: 1 });
    }
    expect(got).toEqual(want);
    expect(await t.db.selectFrom('cases').select('id').where('helpline_id', '=', KPH).where('pseudonym', '=', 'B').execute(), 'no case was opened on helpline B').toEqual([]);
  });

  it('a colleague\'s case: only a coordinator reads, changes and lists it; a caseworker cannot ask for the service\'s list', async () => {
    const colleague = await someUser();
    const want: Record<Role, Record<string, number | boolean>> = {
      admin: { read: 403, status: 403, consent: 403, reveal: 403, serviceList: 403, listedMine: false },
      coordinator: { read: 200, status: 200, consent: 200, reveal: 200, serviceList: 200, listedMine: false },
      counsellor: { read: HIDDEN, status: HIDDEN, consent: HIDDEN, reveal: HIDDEN, serviceList: 403, listedMine: false },
      caseworker: { read: HIDDEN, status: HIDDEN, consent: HIDDEN, reveal: HIDDEN, serviceList: 403, listedMine: false },
      volunteer: { read: 403, status: 403, consent: 403, reveal: 403, serviceList: 403, listedMine: false },
      analyst: { read: 403, status: 403, consent: 403, reveal: 403, serviceList: 403, listedMine: false },
    };
    const got = {} as Record<Role, Record<string, number | boolean>>;
    for (const role of ROLES) {
      const s = sessions[role];
      const id = await caseOf(colleague, RK);
      const mine = await send('GET', s, { url: '/api/cases?scope=mine&limit=100' });
      const service = await send('GET', s, { url: '/api/cases?scope=service&limit=100' });
      if (role === 'coordinator') expect(service.json().items.map((c: { id: string }) => c.id)).toContain(id);
      got[role] = {
        read: (await send('GET', s, { url: `/api/cases/${id}` })).statusCode,
        status: (await send('POST', s, { url: `/api/cases/${id}/status`, payload: { status: 'paused', version: 1 } })).statusCode,
        consent: (await send('PUT', s, { url: `/api/cases/${id}/consent`, payload: { form: 'signed', givenOn: '2024-05-20', covers: ['nav'] } })).statusCode,
        reveal: (await send('POST', s, { url: `/api/cases/${await protectedCaseOf(colleague)}/protection/reveal`, payload: { reason: 'Videresende brev fra NAV' } })).statusCode,
        serviceList: service.statusCode,
        listedMine: mine.statusCode === 200 && mine.json().items.some((c: { id: string }) => c.id === id),
      };
    }
    expect(got).toEqual(want);
  });
});

describe('ownership within one\'s helpline (README: counsellors correct their own, coordinators anyone\'s)', () => {
  it('a colleague\'s contact: readers may open it, only a coordinator may correct it, and lists show it to coordinators only', async () => {
    const colleague = await someUser();
    const want: Record<Role, Record<string, number | boolean>> = {
      admin: { read: 403, update: 403, listed: false },
      coordinator: { read: 200, update: 200, listed: true },
      counsellor: { read: 200, update: 403, listed: false },
      caseworker: { read: 200, update: 403, listed: false },
      volunteer: { read: 403, update: 403, listed: false },
      analyst: { read: 403, update: 403, listed: false },
    };
    const got = {} as Record<Role, Record<string, number | boolean>>;
    for (const role of ROLES) {
      const s = sessions[role];
      const id = await contactOf(colleague, RK);
      const list = await send('GET', s, { url: '/api/contacts?limit=100' });
      got[role] = {
        read: (await send('GET', s, { url: `/api/contacts/${id}` })).statusCode,
        update: (await send('PUT', s, { url: `/api/contacts/${id}`, payload: contactBody({ version: 1 }) })).statusCode,
        listed: list.statusCode === 200 && list.json().items.some((c: { id: string }) => c.id === id),
      };
    }
    expect(got).toEqual(want);
  });
});
