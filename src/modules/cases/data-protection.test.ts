import { describe, expect, it } from 'vitest';
import { useTestApp, RK, KPH } from '../../test/app.js';
import { applyRetention } from '../retention/service.js';

// Issue 9, point 8: an access request's export, erasure on request, and retention per service.
const ctx = useTestApp(RK);
type Json = Record<string, any>;

const send = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Json) =>
  ctx.t.app.inject({ method, url, headers: { cookie }, payload });

const ADDRESS = 'Løvstien 3, 0575 Oslo';

/** A case with everything a case can hold: a linked contact, consent, person, address, note, referral, mail. */
async function fullCase(owner: string, helplineId = RK) {
  const contact = await send(owner, 'POST', '/api/contacts', {
    helplineId, channel: 'chat', kind: 'first_contact', startedAt: '2024-03-04T19:00:00+01:00', outcomes: ['follow_up_case'],
    summary: 'Ung kvinne, redd for å bli sendt til hjemlandet.',
  });
  expect(contact.statusCode, contact.body).toBe(201);
  const opened = await send(owner, 'POST', '/api/cases', { helplineId, userGroup: 'helpline', pseudonym: 'Kvinne mars', contactIds: [contact.json().id] });
  expect(opened.statusCode, opened.body).toBe(201);
  const id = opened.json().id as string;
  await send(owner, 'PUT', `/api/cases/${id}/consent`, { form: 'signed', givenOn: '2024-03-10', covers: ['nav', 'police'] });
  await send(owner, 'PUT', `/api/cases/${id}/person`, { name: 'Sara Ahmed', birthYear: 2004, gender: 'female', languages: ['somali'], reach: 'SMS, aldri etter kl. 20' });
  await send(owner, 'PUT', `/api/cases/${id}/protection`, { level: 'kode7', address: ADDRESS, mailAgreementOn: '2024-03-12', mailInitiatedBy: 'person' });
  await send(owner, 'POST', `/api/cases/${id}/activities`, { category: 'nav', happenedOn: '2024-03-15', note: 'Møte om <b>bostøtte</b> med Sara' });
  await send(owner, 'POST', `/api/cases/${id}/referrals`, { agencyType: 'police', agencyName: 'Oslo politidistrikt', reason: 'Anmeldelse av trusler fra Saras bror', referredOn: '2024-03-20' });
  await send(owner, 'POST', `/api/cases/${id}/mail`, { receivedOn: '2024-03-22', sender: 'UDI' });
  expect((await send(owner, 'POST', `/api/cases/${id}/tasks`, { title: 'Ringe Sara om svar fra NAV', dueOn: '2024-04-02' })).statusCode).toBe(201);
  return { id, contactId: contact.json().id as string };
}

const close = async (cookie: string, id: string, version: number) => {
  const res = await send(cookie, 'POST', `/api/cases/${id}/status`, { status: 'closed', closeReason: 'goal_reached', closeOutcome: 'Sara har fått bolig.', version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Json;
};

describe('an access request', () => {
  it('exports what the case holds about the person as JSON and as a printable page, never the protected address, and audits it', async () => {
    const coordinator = await ctx.t.as('coordinator');
    const { id } = await fullCase(coordinator.cookie);

    const json = await send(coordinator.cookie, 'GET', `/api/cases/${id}/export.json`);
    expect(json.statusCode, json.body).toBe(200);
    expect(json.headers['content-disposition']).toMatch(/^attachment; filename="innsyn-[0-9a-f]{8}\.json"$/);
    const e = json.json();
    expect(e.person).toMatchObject({ name: 'Sara Ahmed', birthYear: 2004, gender: 'female', languages: ['somali'], reach: 'SMS, aldri etter kl. 20' });
    expect(e.consents).toEqual([{ form: 'signed', givenOn: '2024-03-10', covers: ['nav', 'police'], withdrawnOn: null }]);
    expect(e.protection).toEqual({ level: 'kode7', mailAgreementOn: '2024-03-12', mailInitiatedBy: 'person', addressStored: true });
    expect(e.activities).toMatchObject([{ category: 'nav', happenedOn: '2024-03-15', note: 'Møte om <b>bostøtte</b> med Sara' }]);
    expect(e.referrals).toMatchObject([{ agencyType: 'police', agencyName: 'Oslo politidistrikt', reason: 'Anmeldelse av trusler fra Saras bror' }]);
    expect(e.mailItems).toMatchObject([{ receivedOn: '2024-03-22', sender: 'UDI', handled: 'waiting' }]);
    expect(e.contacts).toEqual([{ startedAt: '2024-03-04T18:00:00.000Z', channel: 'chat', summary: 'Ung kvinne, redd for å bli sendt til hjemlandet.' }]);
    expect(json.body).not.toContain('Løvstien');

    const html = await send(coordinator.cookie, 'GET', `/api/cases/${id}/export.html`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    for (const text of ['Innsyn: opplysninger i oppfølgingssak', 'Sara Ahmed', 'Kontakt med NAV', 'Politiet, Oslo politidistrikt', 'Kode 7 – fortrolig adresse', 'Signert', '10. mars 2024', 'UDI']) {
      expect(html.body, text).toContain(text);
    }
    // The note's markup is text on paper, not markup; the address is not there.
    expect(html.body).toContain('Møte om &lt;b&gt;bostøtte&lt;/b&gt; med Sara');
    expect(html.body).not.toContain('Løvstien');
    expect(html.body).not.toContain('<script');

    // In the coordinator's language.
    await send(coordinator.cookie, 'PUT', '/api/auth/me/locale', { locale: 'en' });
    const english = await send(coordinator.cookie, 'GET', `/api/cases/${id}/export.html`);
    expect(english.body).toContain('Access request: what a follow-up case holds');
    expect(english.body).toContain('Contact with NAV');

    const audit = await ctx.t.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).where('action', '=', 'case.export').execute();
    expect(audit).toHaveLength(3);
  });

  it('is the coordinators\' to make: the owner, a caseworker, may not take the case out', async () => {
    const caseworker = await ctx.t.as('caseworker');
    const { id } = await fullCase(caseworker.cookie);
    expect((await send(caseworker.cookie, 'GET', `/api/cases/${id}/export.json`)).statusCode).toBe(403);
    // A coordinator of another helpline does not find it.
    const elsewhere = await ctx.t.as('coordinator', [KPH]);
    expect((await send(elsewhere.cookie, 'GET', `/api/cases/${id}/export.html`)).statusCode).toBe(404);
  });
});

describe('erasure on request', () => {
  it('anonymises a closed case: the person, the address, every text and the contacts\' summaries go; what the report counts stays; the case takes no more changes', async () => {
    const coordinator = await ctx.t.as('coordinator');
    const { id, contactId } = await fullCase(coordinator.cookie);
    const open = await send(coordinator.cookie, 'POST', `/api/cases/${id}/anonymise`, { reason: 'Sletteanmodning mottatt 2. desember', version: 1 });
    expect(open.statusCode).toBe(400);
    expect(open.json().field).toBe('status');
    const closed = await close(coordinator.cookie, id, 1);
    expect((await send(coordinator.cookie, 'POST', `/api/cases/${id}/anonymise`, { reason: 'Sletteanmodning mottatt 2. desember', version: 1 })).statusCode).toBe(409);

    const res = await send(coordinator.cookie, 'POST', `/api/cases/${id}/anonymise`, { reason: 'Sletteanmodning mottatt 2. desember', version: closed.version });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({ pseudonym: '–', status: 'closed', closeReason: 'goal_reached', closeOutcome: null, person: null, protection: null, contactIds: [], userGroup: 'helpline' });
    expect(c.anonymisedAt).toEqual(expect.any(String));
    expect(c.activities).toMatchObject([{ category: 'nav', happenedOn: '2024-03-15', note: null }]);
    expect(c.referrals).toMatchObject([{ agencyType: 'police', referredOn: '2024-03-20', agencyName: null, reason: null }]);
    expect(c.mailItems).toMatchObject([{ receivedOn: '2024-03-22', sender: null }]);
    expect(c.consent).toMatchObject({ form: 'signed', givenOn: '2024-03-10' });
    expect(c.tasks).toEqual([]);
    for (const text of ['Sara', 'Kvinne mars', 'bostøtte', 'Oslo politidistrikt', 'UDI', 'bolig']) expect(res.body, text).not.toContain(text);

    // The database keeps nothing of it either; the report's keys stay on the case.
    const row = await ctx.t.db.selectFrom('cases').select(['anon_birth_year', 'anon_gender', 'pseudonym']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ anon_birth_year: 2004, anon_gender: 'female', pseudonym: '–' });
    expect(await ctx.t.db.selectFrom('case_persons').select('case_id').where('case_id', '=', id).execute()).toEqual([]);
    expect(await ctx.t.db.selectFrom('case_protections').select('case_id').where('case_id', '=', id).execute()).toEqual([]);
    // The helpline's contact stays counted, without its summary.
    expect(await ctx.t.db.selectFrom('contacts').select(['summary', 'channel']).where('id', '=', contactId).executeTakeFirst()).toEqual({ summary: null, channel: 'chat' });

    const audit = await ctx.t.db.selectFrom('audit_log').select('detail').where('entity_id', '=', id).where('action', '=', 'case.anonymise').execute();
    expect(audit).toEqual([{ detail: { by: 'request', reason: 'Sletteanmodning mottatt 2. desember', contacts: 1, person: true, notes: 1 } }]);

    const more = await send(coordinator.cookie, 'POST', `/api/cases/${id}/activities`, { category: 'phone_mail', happenedOn: '2024-04-01' });
    expect(more.statusCode).toBe(400);
    expect(more.json().message).toContain('anonymisert');
    const reopen = await send(coordinator.cookie, 'POST', `/api/cases/${id}/status`, { status: 'open', version: c.version });
    expect(reopen.statusCode).toBe(400);
  });

  it('is the coordinators\' to do', async () => {
    const counsellor = await ctx.t.as('counsellor');
    const { id } = await fullCase(counsellor.cookie);
    const closed = await close(counsellor.cookie, id, 1);
    expect((await send(counsellor.cookie, 'POST', `/api/cases/${id}/anonymise`, { reason: 'Ønsket av personen', version: closed.version })).statusCode).toBe(403);
  });
});

describe('retention of follow-up cases', () => {
  it('anonymises the cases a service closed before its limit (24 months for Røde Kors-telefonen), once, and leaves the rest', async () => {
    const coordinator = await ctx.t.as('coordinator', [RK, KPH]);
    const old = await fullCase(coordinator.cookie);
    const recent = await fullCase(coordinator.cookie);
    const otherService = await fullCase(coordinator.cookie, KPH);
    for (const c of [old, recent, otherService]) await close(coordinator.cookie, c.id, 1);
    const now = new Date('2026-12-02T12:00:00Z');
    // Closed 25 months before `now`, 23 months before, and 25 months on a helpline with no case rule.
    await ctx.t.db.updateTable('cases').set({ closed_at: new Date('2024-11-01T12:00:00Z') }).where('id', 'in', [old.id, otherService.id]).execute();
    await ctx.t.db.updateTable('cases').set({ closed_at: new Date('2025-01-03T12:00:00Z') }).where('id', '=', recent.id).execute();

    const result = await applyRetention(ctx.t.db, { now, sessionIdleMs: 30 * 60_000 });
    expect(result?.helplines.find((h) => h.helplineId === RK)?.casesAnonymised).toBeGreaterThanOrEqual(1);
    const state = async (id: string) => (await ctx.t.db.selectFrom('cases').select(['anonymised_at', 'pseudonym']).where('id', '=', id).executeTakeFirstOrThrow());
    expect((await state(old.id)).pseudonym).toBe('–');
    expect((await state(recent.id))).toEqual({ anonymised_at: null, pseudonym: 'Kvinne mars' });
    expect((await state(otherService.id)).anonymised_at).toBeNull();
    const audit = await ctx.t.db.selectFrom('audit_log').select(['actor_id', 'detail']).where('entity_id', '=', old.id).where('action', '=', 'case.anonymise').execute();
    expect(audit).toEqual([{ actor_id: null, detail: { by: 'retention', closedBefore: '2024-12-02T12:00:00.000Z', contacts: 1, person: true, notes: 1 } }]);

    const again = await applyRetention(ctx.t.db, { now, sessionIdleMs: 30 * 60_000 });
    expect(again?.helplines.find((h) => h.helplineId === RK)?.casesAnonymised).toBe(0);
  });
});
