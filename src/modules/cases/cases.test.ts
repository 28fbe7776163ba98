import { describe, expect, it } from 'vitest';
import { useTestApp, RK, KPH } from '../../test/app.js';

const ctx = useTestApp(RK);
type Json = Record<string, any>;

const send = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Json, lang = 'nb') =>
  ctx.t.app.inject({ method, url, headers: { cookie, 'accept-language': lang }, payload });

async function register(cookie: string, overrides: Json = {}) {
  const res = await send(cookie, 'POST', '/api/contacts', {
    helplineId: RK, channel: 'telephone', kind: 'first_contact', startedAt: '2024-05-14T10:15:00+02:00', outcomes: ['follow_up_case'], ...overrides,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function open(cookie: string, body: Json) {
  const res = await send(cookie, 'POST', '/api/cases', { helplineId: RK, userGroup: 'helpline', pseudonym: 'Jente 17', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Json;
}

const auditOf = (entityId: string) =>
  ctx.t.db.selectFrom('audit_log').select(['action', 'actor_id', 'detail']).where('entity', '=', 'case').where('entity_id', '=', entityId).orderBy('id').execute();
const caseCount = async () => Number((await ctx.t.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('opening a follow-up case', () => {
  it('from the contacts it grew from: the contacts are linked, the counsellor owns it, and the opening and each read are audited', async () => {
    const counsellor = await ctx.t.as('counsellor');
    const first = await register(counsellor.cookie);
    const second = await register(counsellor.cookie, { kind: 'repeat_contact', startedAt: '2024-05-20T18:00:00+02:00' });
    const opened = await open(counsellor.cookie, { contactIds: [first, second, first] });
    expect(opened).toMatchObject({ helplineId: RK, userGroup: 'helpline', pseudonym: 'Jente 17', ownerId: counsellor.id, status: 'open', closeReason: null, timeLimit: null, version: 1, closedAt: null });
    expect([...opened.contactIds].sort()).toEqual([first, second].sort());

    const read = await send(counsellor.cookie, 'GET', `/api/cases/${opened.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(opened);
    // The contact stays the helpline's record: linked, not copied.
    const contact = await send(counsellor.cookie, 'GET', `/api/contacts/${first}`);
    expect(contact.json().outcomes).toEqual(['follow_up_case']);

    const audit = await auditOf(opened.id);
    expect(audit.map((a) => a.action)).toEqual(['case.open', 'case.read']);
    expect(audit.every((a) => a.actor_id === counsellor.id)).toBe(true);
    expect(audit[0].detail).toEqual({ userGroup: 'helpline', contacts: 2, ownerId: counsellor.id });
  });

  it('directly, for a person transferred from a housing programme, with a time limit', async () => {
    const caseworker = await ctx.t.as('caseworker');
    const opened = await open(caseworker.cookie, { userGroup: 'housing_programme', pseudonym: 'Overført mars', timeLimit: '2024-11-30' });
    expect(opened).toMatchObject({ userGroup: 'housing_programme', timeLimit: '2024-11-30', contactIds: [], ownerId: caseworker.id });
  });

  it('refuses what is not the opener\'s to link, naming the field in the user\'s language, and writes nothing', async () => {
    const counsellor = await ctx.t.as('counsellor', [RK, KPH]);
    const there = await register(counsellor.cookie, { helplineId: KPH });
    const before = await caseCount();
    const cases: [Json, string, number][] = [
      [{ contactIds: [there] }, 'contactIds', 400], // a contact of another helpline than the case's
      [{ contactIds: ['00000000-0000-4000-8000-000000000000'] }, 'contactIds', 400],
      [{ pseudonym: '   ' }, 'pseudonym', 400],
      [{ pseudonym: 'x'.repeat(61) }, 'pseudonym', 400],
      [{ userGroup: 'prison' }, 'userGroup', 400],
      [{ timeLimit: '2024-02-30' }, 'timeLimit', 400],
      [{ helplineId: 'dansk-linje' }, 'helplineId', 400],
      [{ ownerId: '00000000-0000-4000-8000-000000000000' }, 'ownerId', 400],
    ];
    for (const [body, field, status] of cases) {
      const res = await send(counsellor.cookie, 'POST', '/api/cases', { helplineId: RK, userGroup: 'helpline', pseudonym: 'P', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().field, JSON.stringify(body)).toBe(field);
    }
    const nb = await send(counsellor.cookie, 'POST', '/api/cases', { helplineId: RK, userGroup: 'helpline', pseudonym: '' });
    expect(nb.json().message).toContain('Kallenavn');
    // In the language the user chose.
    expect((await ctx.t.app.inject({ method: 'PUT', url: '/api/auth/me/locale', headers: { cookie: counsellor.cookie }, payload: { locale: 'da' } })).statusCode).toBe(200);
    const da = await send(counsellor.cookie, 'POST', '/api/cases', { helplineId: RK, userGroup: 'helpline', pseudonym: '', contactIds: [] });
    expect(da.json().message).toContain('Kaldenavn');
    expect(await caseCount()).toBe(before);
  });

  it('a coordinator may open a case for a colleague on the helpline who works cases; no one else may', async () => {
    const coordinator = await ctx.t.as('coordinator');
    const caseworker = await ctx.t.as('caseworker');
    const volunteer = await ctx.t.as('volunteer');
    const elsewhere = await ctx.t.as('caseworker', [KPH]);
    const forColleague = await open(coordinator.cookie, { ownerId: caseworker.id });
    expect(forColleague.ownerId).toBe(caseworker.id);
    expect(forColleague.ownerName).toBe((await ctx.t.db.selectFrom('users').select('display_name').where('id', '=', caseworker.id).executeTakeFirstOrThrow()).display_name);
    for (const ownerId of [volunteer.id, elsewhere.id]) {
      const res = await send(coordinator.cookie, 'POST', '/api/cases', { helplineId: RK, userGroup: 'helpline', pseudonym: 'P', ownerId });
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe('ownerId');
    }
    const byCaseworker = await send(caseworker.cookie, 'POST', '/api/cases', { helplineId: RK, userGroup: 'helpline', pseudonym: 'P', ownerId: coordinator.id });
    expect(byCaseworker.statusCode).toBe(400);
    expect(byCaseworker.json().field).toBe('ownerId');
  });
});

describe('pausing, closing and reopening', () => {
  it('closing needs a reason; a closed case shows why and what came of it; a stale version is refused; every change is audited', async () => {
    const caseworker = await ctx.t.as('caseworker');
    const c = await open(caseworker.cookie, {});
    const status = (body: Json) => send(caseworker.cookie, 'POST', `/api/cases/${c.id}/status`, body);

    const noReason = await status({ status: 'closed', version: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'required', field: 'closeReason' });
    const reasonWhileOpen = await status({ status: 'paused', closeReason: 'other', version: 1 });
    expect(reasonWhileOpen.json().field).toBe('closeReason');
    const same = await status({ status: 'open', version: 1 });
    expect(same.json().field).toBe('status');

    const paused = await status({ status: 'paused', version: 1 });
    expect(paused.statusCode).toBe(200);
    expect(paused.json()).toMatchObject({ status: 'paused', version: 2 });

    const stale = await status({ status: 'closed', closeReason: 'goal_reached', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().field).toBe('version');

    const closed = await status({ status: 'closed', closeReason: 'referred_on', closeOutcome: 'Følges opp av DPS', version: 2 });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closeReason: 'referred_on', closeOutcome: 'Følges opp av DPS', version: 3 });
    expect(Date.parse(closed.json().closedAt)).toBeGreaterThan(Date.parse(c.openedAt) - 1);
    const closeAgain = await status({ status: 'closed', closeReason: 'other', version: 3 });
    expect(closeAgain.json().field).toBe('status');

    const reopened = await status({ status: 'open', version: 3 });
    expect(reopened.json()).toMatchObject({ status: 'open', closeReason: null, closeOutcome: null, closedAt: null, version: 4 });

    const updates = (await auditOf(c.id)).filter((a) => a.action === 'case.update').map((a) => a.detail);
    expect(updates).toEqual([
      { from: 'open', to: 'paused', closeReason: null },
      { from: 'paused', to: 'closed', closeReason: 'referred_on' },
      { from: 'closed', to: 'open', closeReason: null },
    ]);
  });
});

describe('the caseload lists', () => {
  it('my cases, newest opened first, paged by key with no case twice or missed, filtered by status and user group', async () => {
    const caseworker = await ctx.t.as('caseworker');
    const someoneElse = await ctx.t.as('caseworker');
    await open(someoneElse.cookie, {});
    const mine: Json[] = [];
    for (const [i, userGroup] of ['helpline', 'housing_programme', 'helpline', 'anonymous_regular', 'helpline'].entries()) {
      mine.push(await open(caseworker.cookie, { userGroup, pseudonym: `Bruker ${i}` }));
    }
    await send(caseworker.cookie, 'POST', `/api/cases/${mine[0].id}/status`, { status: 'closed', closeReason: 'no_contact', version: 1 });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await send(caseworker.cookie, 'GET', `/api/cases?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      seen.push(...res.json().items.map((c: Json) => c.pseudonym));
      expect(res.json().total, 'every page tells the total').toBe(5);
      cursor = res.json().nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(['Bruker 4', 'Bruker 3', 'Bruker 2', 'Bruker 1', 'Bruker 0']);
    expect(pages).toBe(3);

    const names = async (qs: string) => (await send(caseworker.cookie, 'GET', `/api/cases?${qs}`)).json().items.map((c: Json) => c.pseudonym);
    expect(await names('status=closed')).toEqual(['Bruker 0']);
    const totalOf = async (qs: string) => (await send(caseworker.cookie, 'GET', `/api/cases?${qs}`)).json().total;
    expect(await totalOf('status=open&limit=1')).toBe(4);
    expect(await totalOf('userGroup=housing_programme')).toBe(1);
    const none = (await send(caseworker.cookie, 'GET', '/api/cases?status=paused')).json();
    expect(none).toEqual({ total: 0, items: [], nextCursor: null });
    expect(await names('status=open&userGroup=helpline')).toEqual(['Bruker 4', 'Bruker 2']);
    expect(await names('userGroup=anonymous_regular')).toEqual(['Bruker 3']);
    // List rows carry no free text.
    const row = (await send(caseworker.cookie, 'GET', '/api/cases?status=closed')).json().items[0];
    expect(row).not.toHaveProperty('closeOutcome');
    expect(row.closeReason).toBe('no_contact');

    const bad = await send(caseworker.cookie, 'GET', '/api/cases?cursor=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('cursor');
  });

  it('a coordinator lists the service\'s cases, by owner too, and each page read is audited with the cases shown', async () => {
    const coordinator = await ctx.t.as('coordinator');
    const a = await ctx.t.as('caseworker');
    const b = await ctx.t.as('counsellor');
    const ofA = await open(a.cookie, { pseudonym: 'A sin' });
    const ofB = await open(b.cookie, { pseudonym: 'B sin' });
    const service = await send(coordinator.cookie, 'GET', '/api/cases?scope=service&limit=100');
    const ids = service.json().items.map((c: Json) => c.id);
    expect(ids).toEqual(expect.arrayContaining([ofA.id, ofB.id]));
    expect(ids.indexOf(ofB.id)).toBeLessThan(ids.indexOf(ofA.id));
    const byOwner = await send(coordinator.cookie, 'GET', `/api/cases?scope=service&ownerId=${a.id}`);
    expect(byOwner.json().items.map((c: Json) => c.id)).toEqual(expect.arrayContaining([ofA.id]));
    expect(byOwner.json().items.every((c: Json) => c.ownerId === a.id)).toBe(true);

    const listed = await ctx.t.db.selectFrom('audit_log').select(['detail']).where('action', '=', 'case.list').where('actor_id', '=', coordinator.id).orderBy('id').execute();
    expect(listed).toHaveLength(2);
    expect((listed[1].detail as Json).ids).toEqual(byOwner.json().items.map((c: Json) => c.id));
    expect((listed[1].detail as Json).filters).toEqual(['scope', 'ownerId']);
  });
});

describe('consent and the person it lets us know (issue 9, point 2)', () => {
  const person = { name: 'Amina Testesen', birthYear: 2004, gender: 'female', languages: ['somali', 'norsk'], reach: 'SMS først, aldri ring etter kl. 18.' };

  it('without consent nothing identifying can be saved; with it the person is recorded, name and reach encrypted at rest, and the audit names fields, not values', async () => {
    const caseworker = await ctx.t.as('caseworker');
    const c = await open(caseworker.cookie, {});
    const refused = await send(caseworker.cookie, 'PUT', `/api/cases/${c.id}/person`, person);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'consent_required', field: 'consent' });
    expect(refused.json().message).toContain('Registrer samtykke');
    expect(await ctx.t.db.selectFrom('case_persons').select('case_id').where('case_id', '=', c.id).execute()).toEqual([]);

    const consented = await send(caseworker.cookie, 'PUT', `/api/cases/${c.id}/consent`, { form: 'signed', givenOn: '2024-05-20', covers: ['nav', 'police'] });
    expect(consented.statusCode, consented.body).toBe(200);
    expect(consented.json().consent).toMatchObject({ form: 'signed', givenOn: '2024-05-20', covers: ['nav', 'police'] });
    expect(consented.json().person).toBeNull();

    const saved = await send(caseworker.cookie, 'PUT', `/api/cases/${c.id}/person`, person);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().person).toMatchObject(person);
    const read = await send(caseworker.cookie, 'GET', `/api/cases/${c.id}`);
    expect(read.json().person).toMatchObject(person);

    const stored = await ctx.t.db.selectFrom('case_persons').selectAll().where('case_id', '=', c.id).executeTakeFirstOrThrow();
    expect(stored.name_encrypted).toMatch(/^v1:/);
    expect(JSON.stringify(stored)).not.toContain('Amina');
    expect(JSON.stringify(stored)).not.toContain('SMS');
    expect(stored).toMatchObject({ birth_year: 2004, gender: 'female', languages: ['somali', 'norsk'] });
    const audit = await auditOf(c.id);
    expect(audit.find((a) => a.action === 'case.person')!.detail).toEqual({ fields: ['name', 'birthYear', 'gender', 'languages', 'reach'] });
    expect(JSON.stringify(audit)).not.toContain('Amina');
    // Lists never carry the person.
    const listed = (await send(caseworker.cookie, 'GET', '/api/cases')).json().items.find((i: Json) => i.id === c.id);
    expect(JSON.stringify(listed)).not.toContain('Amina');
    expect(listed).not.toHaveProperty('person');
  });

  it('withdrawing consent removes what identifies the person and keeps the record of the consent; nothing identifying can be saved after', async () => {
    const counsellor = await ctx.t.as('counsellor');
    const c = await open(counsellor.cookie, {});
    await send(counsellor.cookie, 'PUT', `/api/cases/${c.id}/consent`, { form: 'verbal', givenOn: '2024-06-01', covers: ['dps'] });
    const replaced = await send(counsellor.cookie, 'PUT', `/api/cases/${c.id}/consent`, { form: 'signed', givenOn: '2024-06-03', covers: ['dps', 'school'] });
    expect(replaced.json().consent).toMatchObject({ form: 'signed', givenOn: '2024-06-03', covers: ['dps', 'school'] });
    await send(counsellor.cookie, 'PUT', `/api/cases/${c.id}/person`, person);

    const early = await send(counsellor.cookie, 'POST', `/api/cases/${c.id}/consent/withdraw`, { withdrawnOn: '2024-06-02' });
    expect(early.json().field).toBe('withdrawnOn');
    const withdrawn = await send(counsellor.cookie, 'POST', `/api/cases/${c.id}/consent/withdraw`, { withdrawnOn: '2024-09-01' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ consent: null, consentWithdrawnOn: '2024-09-01', person: null, pseudonym: 'Jente 17' });
    expect(await ctx.t.db.selectFrom('case_persons').select('case_id').where('case_id', '=', c.id).execute()).toEqual([]);
    const kept = await ctx.t.db.selectFrom('case_consents').select(['form', 'covers', 'withdrawn_on']).where('case_id', '=', c.id).execute();
    expect(kept).toEqual([{ form: 'signed', covers: ['dps', 'school'], withdrawn_on: '2024-09-01' }]);

    const again = await send(counsellor.cookie, 'PUT', `/api/cases/${c.id}/person`, person);
    expect(again.json().code).toBe('consent_required');
    const twice = await send(counsellor.cookie, 'POST', `/api/cases/${c.id}/consent/withdraw`, { withdrawnOn: '2024-09-02' });
    expect(twice.json()).toMatchObject({ code: 'no_consent', field: 'consent' });
    // Each change, and each answer that showed the case (a read), is audited.
    const actions = (await auditOf(c.id)).map((a) => a.action);
    expect(actions.filter((a) => a !== 'case.read')).toEqual(['case.open', 'case.consent', 'case.consent', 'case.person', 'case.consent_withdrawn']);
    expect(actions.filter((a) => a === 'case.read')).toHaveLength(4);
  });

  it('refuses a consent that covers nothing, names an agency twice or is dated in the future', async () => {
    const caseworker = await ctx.t.as('caseworker');
    const c = await open(caseworker.cookie, {});
    for (const [body, field] of [
      [{ form: 'signed', givenOn: '2024-05-20', covers: [] }, 'covers'],
      [{ form: 'signed', givenOn: '2024-05-20', covers: ['nav', 'nav'] }, 'covers'],
      [{ form: 'signed', givenOn: '2024-05-20', covers: ['bank'] }, 'covers'],
      [{ form: 'written', givenOn: '2024-05-20', covers: ['nav'] }, 'form'],
      [{ form: 'signed', givenOn: '2099-01-01', covers: ['nav'] }, 'givenOn'],
    ] as [Json, string][]) {
      const res = await send(caseworker.cookie, 'PUT', `/api/cases/${c.id}/consent`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().field?.split('.')[0], JSON.stringify(body)).toBe(field);
    }
    expect(await ctx.t.db.selectFrom('case_consents').select('id').where('case_id', '=', c.id).execute()).toEqual([]);
  });
});

describe('referrals, gated by consent (issue 9, point 4)', () => {
  const referral = (extra: Json = {}) => ({ agencyType: 'nav', agencyName: 'NAV Grünerløkka', reason: 'Søknad om økonomisk sosialhjelp', referredOn: '2024-06-10', accompanied: true, ...extra });
  const referralCount = async (caseId: string) => (await ctx.t.db.selectFrom('case_referrals').select('id').where('case_id', '=', caseId).execute()).length;

  it('a referral the consent covers is made and its outcome recorded later; one it does not cover needs a coordinator\'s written reason, which is kept and audited', async () => {
    const caseworker = await ctx.t.as('caseworker');
    const coordinator = await ctx.t.as('coordinator');
    const c = await open(caseworker.cookie, {});
    await send(caseworker.cookie, 'PUT', `/api/cases/${c.id}/consent`, { form: 'signed', givenOn: '2024-06-01', covers: ['nav', 'dps'] });

    const made = await send(caseworker.cookie, 'POST', `/api/cases/${c.id}/referrals`, referral());
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().referrals).toEqual([expect.objectContaining({ agencyType: 'nav', agencyName: 'NAV Grünerløkka', referredOn: '2024-06-10', accompanied: true, overrideReason: null, outcome: null, outcomeOn: null, version: 1 })]);
    const referralId = made.json().referrals[0].id;

    const police = referral({ agencyType: 'police', agencyName: null, reason: 'Trusler fra familien' });
    const refused = await send(caseworker.cookie, 'POST', `/api/cases/${c.id}/referrals`, police);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'consent_not_covering', field: 'agencyType' });
    expect(refused.json().message).toContain('Samtykket dekker ikke');
    const notTheirs = await send(caseworker.cookie, 'POST', `/api/cases/${c.id}/referrals`, { ...police, overrideReason: 'Fare for liv' });
    expect(notTheirs.json().field).toBe('overrideReason');
    expect(await referralCount(c.id)).toBe(1);

    const overridden = await send(coordinator.cookie, 'POST', `/api/cases/${c.id}/referrals`, { ...police, overrideReason: 'Fare for liv og helse; personen ba oss ringe.' });
    expect(overridden.statusCode, overridden.body).toBe(201);
    expect(overridden.json().referrals.map((r: Json) => [r.agencyType, r.overrideReason])).toEqual([
      ['police', 'Fare for liv og helse; personen ba oss ringe.'],
      ['nav', null],
    ]);
    const audited = (await auditOf(c.id)).filter((a) => a.action === 'case.referral').map((a) => a.detail as Json);
    expect(audited).toEqual([
      { referralId, agencyType: 'nav', accompanied: true },
      { referralId: expect.any(String), agencyType: 'police', accompanied: true, override: true, overrideReason: 'Fare for liv og helse; personen ba oss ringe.' },
    ]);

    const outcome = (body: Json) => send(caseworker.cookie, 'PUT', `/api/cases/${c.id}/referrals/${referralId}/outcome`, body);
    expect((await outcome({ outcome: 'Fikk vedtak', outcomeOn: '2024-06-01', version: 1 })).json().field).toBe('outcomeOn');
    const recorded = await outcome({ outcome: 'Fikk innvilget stønad', outcomeOn: '2024-07-02', version: 1 });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json().referrals.find((r: Json) => r.id === referralId)).toMatchObject({ outcome: 'Fikk innvilget stønad', outcomeOn: '2024-07-02', version: 2 });
    expect((await outcome({ outcome: 'Annet', outcomeOn: '2024-07-03', version: 1 })).statusCode).toBe(409);
  });

  it('after consent is withdrawn no referral is made, not even with a coordinator\'s reason; a closed case takes none', async () => {
    const coordinator = await ctx.t.as('coordinator');
    const c = await open(coordinator.cookie, {});
    await send(coordinator.cookie, 'PUT', `/api/cases/${c.id}/consent`, { form: 'verbal', givenOn: '2024-06-01', covers: ['nav'] });
    await send(coordinator.cookie, 'POST', `/api/cases/${c.id}/consent/withdraw`, { withdrawnOn: '2024-06-05' });
    const refused = await send(coordinator.cookie, 'POST', `/api/cases/${c.id}/referrals`, referral({ overrideReason: 'Haster' }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'consent_withdrawn', field: 'agencyType' });

    const other = await open(coordinator.cookie, {});
    await send(coordinator.cookie, 'PUT', `/api/cases/${other.id}/consent`, { form: 'signed', givenOn: '2024-06-01', covers: ['nav'] });
    await send(coordinator.cookie, 'POST', `/api/cases/${other.id}/status`, { status: 'closed', closeReason: 'goal_reached', version: 1 });
    const closed = await send(coordinator.cookie, 'POST', `/api/cases/${other.id}/referrals`, referral());
    expect(closed.json()).toMatchObject({ code: 'case_closed', field: 'status' });
    expect(await referralCount(c.id) + await referralCount(other.id)).toBe(0);
  });
});

describe('the activity log (issue 9, point 3)', () => {
  it('offers each service its own activity categories (its helpline file), and refuses one it does not use', async () => {
    const counsellor = await ctx.t.as('counsellor', [RK, KPH]);
    const helplines = (await send(counsellor.cookie, 'GET', '/api/helplines')).json() as Json[];
    expect(helplines.find((h) => h.id === RK)?.caseActivityCategories).toHaveLength(11);
    // Kors på halsen (data/helplines/kors-pa-halsen.json): no mail agreements, no housing programmes.
    expect(helplines.find((h) => h.id === KPH)?.caseActivityCategories).toEqual(['phone_mail', 'other_agencies', 'child_welfare', 'police', 'external_meeting', 'physical_meeting']);
    const c = (await send(counsellor.cookie, 'POST', '/api/cases', { helplineId: KPH, userGroup: 'helpline', pseudonym: 'Gutt 14' })).json();
    const refused = await send(counsellor.cookie, 'POST', `/api/cases/${c.id}/activities`, { category: 'mail_agreement', happenedOn: '2024-06-01' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().field).toBe('category');
    expect((await send(counsellor.cookie, 'POST', `/api/cases/${c.id}/activities`, { category: 'child_welfare', happenedOn: '2024-06-01' })).statusCode).toBe(201);
  });

  it('logs activities in seed 002\'s categories, newest first with who did them; a meeting role only for meetings with external agencies; none on a closed case', async () => {
    const caseworker = await ctx.t.as('caseworker');
    const c = await open(caseworker.cookie, { userGroup: 'housing_programme' });
    const log = (body: Json) => send(caseworker.cookie, 'POST', `/api/cases/${c.id}/activities`, body);
    expect((await log({ category: 'phone_mail', happenedOn: '2024-03-01', durationMinutes: 20, note: 'Ringte om bolig' })).statusCode).toBe(201);
    const meeting = await log({ category: 'external_meeting', happenedOn: '2024-03-05', durationMinutes: 90, meetingRole: 'bridge_builder' });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const name = (await ctx.t.db.selectFrom('users').select('display_name').where('id', '=', caseworker.id).executeTakeFirstOrThrow()).display_name;
    expect(meeting.json().activities).toEqual([
      expect.objectContaining({ category: 'external_meeting', happenedOn: '2024-03-05', durationMinutes: 90, meetingRole: 'bridge_builder', note: null, byName: name }),
      expect.objectContaining({ category: 'phone_mail', happenedOn: '2024-03-01', durationMinutes: 20, meetingRole: null, note: 'Ringte om bolig', byName: name }),
    ]);

    for (const [body, field] of [
      [{ category: 'phone_mail', happenedOn: '2024-03-01', meetingRole: 'support' }, 'meetingRole'],
      [{ category: 'sms', happenedOn: '2024-03-01' }, 'category'],
      [{ category: 'nav', happenedOn: '2099-03-01' }, 'happenedOn'],
      [{ category: 'nav', happenedOn: '2024-03-01', durationMinutes: 1441 }, 'durationMinutes'],
    ] as [Json, string][]) {
      const res = await log(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().field, JSON.stringify(body)).toBe(field);
    }
    const audited = (await auditOf(c.id)).filter((a) => a.action === 'case.activity').map((a) => (a.detail as Json).category);
    expect(audited).toEqual(['phone_mail', 'external_meeting']);
    expect(JSON.stringify(await auditOf(c.id))).not.toContain('Ringte om bolig');

    await send(caseworker.cookie, 'POST', `/api/cases/${c.id}/status`, { status: 'closed', closeReason: 'goal_reached', version: 1 });
    expect((await log({ category: 'nav', happenedOn: '2024-03-06' })).json()).toMatchObject({ code: 'case_closed' });
    expect(await ctx.t.db.selectFrom('case_activities').select('id').where('case_id', '=', c.id).execute()).toHaveLength(2);
  });
});

describe('hand-over and the access log (issue 9, point 6 and qualities)', () => {
  it('an owner hands a case to a colleague on the helpline who works cases, and no longer reads it; a coordinator reads who did what to it, newest first', async () => {
    const owner = await ctx.t.as('caseworker');
    const colleague = await ctx.t.as('counsellor');
    const volunteer = await ctx.t.as('volunteer');
    const elsewhere = await ctx.t.as('caseworker', [KPH]);
    const coordinator = await ctx.t.as('coordinator');
    const c = await open(owner.cookie, {});
    const handTo = (ownerId: string, version = 1) => send(owner.cookie, 'POST', `/api/cases/${c.id}/owner`, { ownerId, version });

    // The colleagues offered: those who could take it, never the volunteer, someone of another helpline, or the owner.
    const offered = (await send(owner.cookie, 'GET', `/api/cases/${c.id}/colleagues`)).json() as Json[];
    expect(offered.map((u) => u.id)).toContain(colleague.id);
    expect(offered.map((u) => u.id)).toContain(coordinator.id);
    for (const not of [volunteer.id, elsewhere.id, owner.id]) expect(offered.map((u) => u.id)).not.toContain(not);
    expect(offered.find((u) => u.id === colleague.id)).toEqual({ id: colleague.id, displayName: await ctx.t.db.selectFrom('users').select('display_name').where('id', '=', colleague.id).executeTakeFirstOrThrow().then((u) => u.display_name) });
    for (const ownerId of [volunteer.id, elsewhere.id, owner.id]) {
      const res = await handTo(ownerId);
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe('ownerId');
    }
    expect((await handTo(colleague.id, 2)).statusCode).toBe(409);
    expect((await handTo(colleague.id)).statusCode).toBe(204);
    expect((await send(owner.cookie, 'GET', `/api/cases/${c.id}`)).statusCode).toBe(404);
    const now = await send(colleague.cookie, 'GET', `/api/cases/${c.id}`);
    expect(now.json()).toMatchObject({ ownerId: colleague.id, version: 2 });

    expect((await send(colleague.cookie, 'GET', `/api/cases/${c.id}/access-log`)).statusCode).toBe(403);
    const log = await send(coordinator.cookie, 'GET', `/api/cases/${c.id}/access-log`);
    expect(log.statusCode).toBe(200);
    const names = async (id: string) => (await ctx.t.db.selectFrom('users').select('display_name').where('id', '=', id).executeTakeFirstOrThrow()).display_name;
    expect(log.json().map((e: Json) => [e.action, e.actorName])).toEqual([
      ['case.audit_read', await names(coordinator.id)],
      ['case.read', await names(colleague.id)],
      ['case.hand_over', await names(owner.id)],
      ['case.open', await names(owner.id)],
    ]);
  });
});

describe('cases due for follow-up (issue 9, point 6)', () => {
  it('lists the cases not closed whose time limit has passed or ends within 14 days', async () => {
    const caseworker = await ctx.t.as('caseworker');
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    await open(caseworker.cookie, { pseudonym: 'Om en uke', timeLimit: inDays(7) });
    await open(caseworker.cookie, { pseudonym: 'Om to måneder', timeLimit: inDays(60) });
    await open(caseworker.cookie, { pseudonym: 'Uten frist' });
    await open(caseworker.cookie, { pseudonym: 'Akkurat 14', timeLimit: inDays(14) });
    await open(caseworker.cookie, { pseudonym: 'Om 15', timeLimit: inDays(15) });
    const closed = await open(caseworker.cookie, { pseudonym: 'Avsluttet, frist om tre dager', timeLimit: inDays(3) });
    await send(caseworker.cookie, 'POST', `/api/cases/${closed.id}/status`, { status: 'closed', closeReason: 'goal_reached', version: 1 });
    const due = await send(caseworker.cookie, 'GET', '/api/cases?due=true');
    expect(due.json().items.map((c: Json) => c.pseudonym).sort()).toEqual(['Akkurat 14', 'Om en uke']);
    expect(due.json().total).toBe(2);
  });
});
