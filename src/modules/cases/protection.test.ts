import { describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';

// Issue 9, point 5: sperret adresse (kode 6/7) and mail agreements (seed 002, "Postavtaler").
const ctx = useTestApp(RK);
type Json = Record<string, any>;

const ADDRESS = 'Fjellveien 12 B, 5003 Bergen';
const CONTACT = 'Ring 912 34 567 etter kl. 18, aldri i arbeidstiden';

const send = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: Json, lang = 'nb') =>
  ctx.t.app.inject({ method, url, headers: { cookie, 'accept-language': lang }, payload });

async function consentedCase(cookie: string) {
  const opened = await send(cookie, 'POST', '/api/cases', { helplineId: RK, userGroup: 'housing_programme', pseudonym: 'Overført juni' });
  expect(opened.statusCode, opened.body).toBe(201);
  const id = opened.json().id as string;
  const consent = await send(cookie, 'PUT', `/api/cases/${id}/consent`, { form: 'signed', givenOn: '2024-06-01', covers: ['nav', 'police'] });
  expect(consent.statusCode, consent.body).toBe(200);
  return id;
}

const protect = (cookie: string, id: string, body: Json = {}) =>
  send(cookie, 'PUT', `/api/cases/${id}/protection`, { level: 'kode6', address: ADDRESS, contactDetails: CONTACT, mailAgreementOn: '2024-06-03', mailInitiatedBy: 'housing_programme', ...body });

const reveal = (cookie: string, id: string, reason = 'Videresende brev fra NAV til avtalt adresse') =>
  send(cookie, 'POST', `/api/cases/${id}/protection/reveal`, { reason });

const auditOf = (id: string) => ctx.t.db.selectFrom('audit_log').select(['action', 'detail']).where('entity', '=', 'case').where('entity_id', '=', id).orderBy('id').execute();

describe('sperret adresse', () => {
  it('is kept encrypted and out of every page, list and audit row; the owner sees it only after stating a reason, which is audited', async () => {
    const owner = await ctx.t.as('caseworker');
    const id = await consentedCase(owner.cookie);
    const saved = await protect(owner.cookie, id);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().protection).toEqual({
      level: 'kode6', hasAddress: true, hasContactDetails: true, mailAgreementOn: '2024-06-03', mailInitiatedBy: 'housing_programme', updatedAt: expect.any(String),
    });

    // Stored encrypted: the database holds neither the address nor the contact details.
    const stored = await ctx.t.db.selectFrom('case_protections').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain('Fjellveien');
    expect(JSON.stringify(stored)).not.toContain('912 34 567');
    expect(stored.address_encrypted).toMatch(/^v1:/);

    // Not on the case page, not in the lists (the owner's, and the coordinator's of the service).
    const page = await send(owner.cookie, 'GET', `/api/cases/${id}`);
    const coordinator = await ctx.t.as('coordinator');
    const lists = [await send(owner.cookie, 'GET', '/api/cases?scope=mine'), await send(coordinator.cookie, 'GET', '/api/cases?scope=service&limit=100')];
    for (const res of [saved, page, ...lists]) {
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('Fjellveien');
      expect(res.body).not.toContain('912 34 567');
    }

    // A reason is required, and named in the user's language.
    const noReason = await reveal(owner.cookie, id, 'fordi');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().field).toBe('reason');
    expect(noReason.json().message).toContain('Grunn');

    const shown = await reveal(owner.cookie, id);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toEqual({ level: 'kode6', address: ADDRESS, contactDetails: CONTACT });
    // The coordinator of the service may see it too.
    expect((await reveal(coordinator.cookie, id, 'Kontroll av postavtalen før ferien')).json().address).toBe(ADDRESS);

    const audit = await auditOf(id);
    expect(audit.filter((a) => a.action === 'case.protected_read').map((a) => a.detail)).toEqual([
      { reason: 'Videresende brev fra NAV til avtalt adresse' },
      { reason: 'Kontroll av postavtalen før ferien' },
    ]);
    expect(audit.find((a) => a.action === 'case.protection')?.detail).toEqual({ level: 'kode6', changed: ['address', 'contactDetails'], mailAgreement: true });
    expect(JSON.stringify(audit)).not.toContain('Fjellveien');
    // The access log shows the coordinator who looked, and when.
    const log = await send(coordinator.cookie, 'GET', `/api/cases/${id}/access-log`);
    expect(log.json().filter((e: Json) => e.action === 'case.protected_read')).toHaveLength(2);
  });

  it('another caseworker on the same helpline cannot see it: the case does not exist for them', async () => {
    const owner = await ctx.t.as('caseworker');
    const other = await ctx.t.as('counsellor');
    const id = await consentedCase(owner.cookie);
    await protect(owner.cookie, id);
    const res = await reveal(other.cookie, id);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Fjellveien');
    expect((await auditOf(id)).filter((a) => a.action === 'case.protected_read')).toEqual([]);
  });

  it('needs consent, and keeps what is left out, removes what is null, and ends with nothing stored', async () => {
    const owner = await ctx.t.as('counsellor');
    const opened = await send(owner.cookie, 'POST', '/api/cases', { helplineId: RK, userGroup: 'helpline', pseudonym: 'Uten samtykke' });
    const noConsent = await protect(owner.cookie, opened.json().id);
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json()).toMatchObject({ field: 'consent', message: expect.stringContaining('samtykke') });
    expect(await ctx.t.db.selectFrom('case_protections').select('case_id').where('case_id', '=', opened.json().id).execute()).toEqual([]);

    const id = await consentedCase(owner.cookie);
    await protect(owner.cookie, id);
    // Kode 7 now, the address kept (left out), the contact details removed (null), no mail agreement.
    const changed = await send(owner.cookie, 'PUT', `/api/cases/${id}/protection`, { level: 'kode7', contactDetails: null });
    expect(changed.json().protection).toMatchObject({ level: 'kode7', hasAddress: true, hasContactDetails: false, mailAgreementOn: null, mailInitiatedBy: null });
    expect((await reveal(owner.cookie, id)).json()).toEqual({ level: 'kode7', address: ADDRESS, contactDetails: null });

    // A mail agreement needs its date and who asked for it, both.
    const half = await send(owner.cookie, 'PUT', `/api/cases/${id}/protection`, { level: 'kode7', mailAgreementOn: '2024-06-03' });
    expect(half.statusCode).toBe(400);
    expect(half.json().field).toBe('mailInitiatedBy');

    const ended = await send(owner.cookie, 'DELETE', `/api/cases/${id}/protection`);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().protection).toBeNull();
    expect(await ctx.t.db.selectFrom('case_protections').select('case_id').where('case_id', '=', id).execute()).toEqual([]);
    const after = await reveal(owner.cookie, id);
    expect(after.statusCode).toBe(400);
    expect(after.json().field).toBe('protection');
  });

  it('goes with the consent: withdrawal deletes the address and the mail agreement; the mail register stays, without an address', async () => {
    const owner = await ctx.t.as('caseworker');
    const id = await consentedCase(owner.cookie);
    await protect(owner.cookie, id);
    expect((await send(owner.cookie, 'POST', `/api/cases/${id}/mail`, { receivedOn: '2024-06-10', sender: 'NAV' })).statusCode).toBe(201);
    const withdrawn = await send(owner.cookie, 'POST', `/api/cases/${id}/consent/withdraw`, { withdrawnOn: '2024-07-01' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().protection).toBeNull();
    expect(withdrawn.json().mailItems).toMatchObject([{ receivedOn: '2024-06-10', sender: 'NAV', handled: 'waiting' }]);
    expect(await ctx.t.db.selectFrom('case_protections').select('case_id').where('case_id', '=', id).execute()).toEqual([]);
    // No new mail without an agreement.
    const more = await send(owner.cookie, 'POST', `/api/cases/${id}/mail`, { receivedOn: '2024-07-02' });
    expect(more.statusCode).toBe(400);
    expect(more.json().field).toBe('mailAgreementOn');
  });
});

describe('the mail register', () => {
  it('records each item and whether it was collected or forwarded; handing it over is logged as a mail agreement activity', async () => {
    const owner = await ctx.t.as('caseworker');
    const id = await consentedCase(owner.cookie);
    const none = await send(owner.cookie, 'POST', `/api/cases/${id}/mail`, { receivedOn: '2024-06-10' });
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toContain('postavtale');
    await protect(owner.cookie, id);

    const first = await send(owner.cookie, 'POST', `/api/cases/${id}/mail`, { receivedOn: '2024-06-10', sender: 'Skatteetaten' });
    expect(first.statusCode, first.body).toBe(201);
    const second = await send(owner.cookie, 'POST', `/api/cases/${id}/mail`, { receivedOn: '2024-06-12' });
    const items = second.json().mailItems as Json[];
    expect(items.map((m) => [m.receivedOn, m.sender, m.handled])).toEqual([['2024-06-12', null, 'waiting'], ['2024-06-10', 'Skatteetaten', 'waiting']]);

    const older = items[1];
    const forwarded = await send(owner.cookie, 'PUT', `/api/cases/${id}/mail/${older.id}`, { handled: 'forwarded', handledOn: '2024-06-11', version: older.version });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    expect(forwarded.json().mailItems[1]).toMatchObject({ handled: 'forwarded', handledOn: '2024-06-11', version: 2 });
    expect(forwarded.json().activities).toMatchObject([{ category: 'mail_agreement', happenedOn: '2024-06-11' }]);

    // A second answer with the old version is a conflict; handled once, it stays handled.
    const stale = await send(owner.cookie, 'PUT', `/api/cases/${id}/mail/${older.id}`, { handled: 'collected', handledOn: '2024-06-11', version: older.version });
    expect(stale.statusCode).toBe(409);
    const again = await send(owner.cookie, 'PUT', `/api/cases/${id}/mail/${older.id}`, { handled: 'collected', handledOn: '2024-06-11', version: 2 });
    expect(again.statusCode).toBe(400);
    expect(again.json().field).toBe('handled');
    // Not before it came.
    const early = await send(owner.cookie, 'PUT', `/api/cases/${id}/mail/${items[0].id}`, { handled: 'collected', handledOn: '2024-06-11', version: 1 });
    expect(early.statusCode).toBe(400);
    expect(early.json().field).toBe('handledOn');
    const activities = await ctx.t.db.selectFrom('case_activities').select('category').where('case_id', '=', id).execute();
    expect(activities).toEqual([{ category: 'mail_agreement' }]);
  });
});
