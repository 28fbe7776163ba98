import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp, RK, KPH } from '../../test/app.js';
import { categoryIds } from '../../test/taxonomy.js';
import { sealAudit, verifyAuditChain } from '../audit/service.js';

const ctx = useTestApp(RK);

function contact(overrides: Record<string, unknown> = {}) {
  return {
    helplineId: RK,
    channel: 'telephone',
    kind: 'first_contact',
    startedAt: '2022-03-14T10:15:00+01:00',
    durationMinutes: 25,
    whoId: ctx.id('who:person_affected'),
    ageGroupId: ctx.id('age_group:over_18'),
    genderId: ctx.id('gender:kvinne'),
    country: 'PK',
    themes: [{ themeId: ctx.id('theme:tvangsekteskap'), subthemeIds: [ctx.id('subtheme:te_planlagt')] }, { themeId: ctx.id('theme:negativ_sosial_kontroll') }],
    summary: 'Ringer om press fra familien.',
    outcomes: ['advice_given', 'follow_up_case'],
    ...overrides,
  };
}

const post = (cookie: string, payload: unknown, lang = 'nb') =>
  ctx.t.app.inject({ method: 'POST', url: '/api/contacts', headers: { cookie, 'accept-language': lang }, payload: payload as object });

describe('registering a contact', () => {
  it('stores it anonymously and it can be read back with its themes', async () => {
    const c = await ctx.t.as('counsellor');
    const res = await post(c.cookie, contact());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.themes).toHaveLength(2);
    expect(body.canEdit).toBe(true);
    const again = await ctx.t.app.inject({ method: 'GET', url: `/api/contacts/${body.id}`, headers: { cookie: c.cookie } });
    expect(again.json().summary).toBe('Ringer om press fra familien.');
    const row = await ctx.t.db.selectFrom('contacts').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(row.local_date).toBe('2022-03-14');
  });

  it('refuses identifying fields: there is no place for a name or phone number', async () => {
    const c = await ctx.t.as('counsellor');
    const res = await post(c.cookie, contact({ name: 'Kari Nordmann', phone: '99999999' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('unknown_field');
    expect(['name', 'phone']).toContain(res.json().field);
  });

  it('names the bad field in the user language', async () => {
    const c = await ctx.t.as('counsellor');
    const nb = await post(c.cookie, contact({ channel: 'pigeon' }));
    expect(nb.statusCode).toBe(400);
    expect(nb.json()).toMatchObject({ field: 'channel', message: 'Feltet «Kanal» har en verdi som ikke er tillatt.' });
    // A signed-in user's own language wins over the browser's.
    await ctx.t.app.inject({ method: 'PUT', url: '/api/auth/me/locale', headers: { cookie: c.cookie }, payload: { locale: 'en' } });
    const en = await post(c.cookie, contact({ durationMinutes: -3 }), 'nb');
    expect(en.json()).toMatchObject({ field: 'durationMinutes', message: 'The field “Duration (minutes)” is too short or too small.' });
    const missing = await post(c.cookie, { ...contact(), kind: undefined }, 'da');
    expect(missing.json()).toMatchObject({ field: 'kind', code: 'required' });
  });

  it('refuses categories of another helpline, subthemes under the wrong theme and ages outside the group', async () => {
    const c = await ctx.t.as('counsellor');
    const kph = await categoryIds(ctx.t.db, KPH);
    expect((await post(c.cookie, contact({ whoId: kph('who:child') }))).json()).toMatchObject({ field: 'whoId', code: 'unknown_category' });
    const wrongSub = await post(c.cookie, contact({ themes: [{ themeId: ctx.id('theme:negativ_sosial_kontroll'), subthemeIds: [ctx.id('subtheme:te_planlagt')] }] }));
    expect(wrongSub.json()).toMatchObject({ field: 'themes.0.subthemeIds', code: 'unknown_category' });
    const age = await post(c.cookie, contact({ ageGroupId: ctx.id('age_group:under_18'), age: 30 }));
    expect(age.json()).toMatchObject({ field: 'age', code: 'age_outside_group' });
  });

  it('fills the age group from an exact age', async () => {
    const c = await ctx.t.as('counsellor');
    const res = await post(c.cookie, contact({ ageGroupId: null, age: 16 }));
    expect(res.json().ageGroupId).toBe(ctx.id('age_group:under_18'));
  });

  it('a counsellor cannot register on a helpline they do not work on', async () => {
    const c = await ctx.t.as('counsellor', [KPH]);
    const res = await post(c.cookie, contact());
    expect(res.statusCode).toBe(404);
  });

  it('no session is 401, an analyst is 403', async () => {
    expect((await ctx.t.app.inject({ method: 'POST', url: '/api/contacts', payload: contact() })).statusCode).toBe(401);
    const a = await ctx.t.as('analyst');
    expect((await post(a.cookie, contact())).statusCode).toBe(403);
  });
});

describe('reading contacts', () => {
  it('a counsellor sees contacts of their own helplines only; an analyst sees none', async () => {
    const rk = await ctx.t.as('counsellor', [RK]);
    const created = (await post(rk.cookie, contact())).json();
    const other = await ctx.t.as('counsellor', [KPH]);
    expect((await ctx.t.app.inject({ method: 'GET', url: `/api/contacts/${created.id}`, headers: { cookie: other.cookie } })).statusCode).toBe(404);
    const list = await ctx.t.app.inject({ method: 'GET', url: '/api/contacts', headers: { cookie: other.cookie } });
    expect(list.json().items.find((i: { id: string }) => i.id === created.id)).toBeUndefined();
    const analyst = await ctx.t.as('analyst');
    expect((await ctx.t.app.inject({ method: 'GET', url: `/api/contacts/${created.id}`, headers: { cookie: analyst.cookie } })).statusCode).toBe(403);
    expect((await ctx.t.app.inject({ method: 'GET', url: '/api/contacts', headers: { cookie: analyst.cookie } })).statusCode).toBe(403);
  });

  it('lists carry no free text, and reading one contact with its note is audited', async () => {
    const c = await ctx.t.as('counsellor');
    const created = (await post(c.cookie, contact())).json();
    const list = await ctx.t.app.inject({ method: 'GET', url: '/api/contacts?mine=true', headers: { cookie: c.cookie } });
    const item = list.json().items.find((i: { id: string }) => i.id === created.id);
    expect(item.summary).toBeUndefined();
    expect(item.hasSummary).toBe(true);
    await ctx.t.app.inject({ method: 'GET', url: `/api/contacts/${created.id}`, headers: { cookie: c.cookie } });
    const audit = await ctx.t.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_id', '=', created.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['contact.create', 'contact.read']);
    expect(audit.every((a) => a.actor_id === c.id)).toBe(true);
  });
});

describe('correcting a contact', () => {
  it('keeps the earlier version as history, refuses a stale edit, and only the author (or a coordinator) may edit', async () => {
    const author = await ctx.t.as('counsellor');
    const created = (await post(author.cookie, contact())).json();
    const put = (cookie: string, body: object) => ctx.t.app.inject({ method: 'PUT', url: `/api/contacts/${created.id}`, headers: { cookie }, payload: body });
    const edited = await put(author.cookie, { ...contact({ channel: 'chat' }), version: 1 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ channel: 'chat', version: 2 });
    expect((await put(author.cookie, { ...contact(), version: 1 })).statusCode).toBe(409);
    const colleague = await ctx.t.as('counsellor');
    expect((await put(colleague.cookie, { ...contact(), version: 2 })).statusCode).toBe(403);
    const coordinator = await ctx.t.as('coordinator');
    expect((await put(coordinator.cookie, { ...contact({ channel: 'email' }), version: 2 })).statusCode).toBe(200);
    const history = await ctx.t.app.inject({ method: 'GET', url: `/api/contacts/${created.id}/history`, headers: { cookie: author.cookie } });
    expect(history.json().map((h: { version: number; changes: { field: string; before: unknown; after: unknown }[] }) => [h.version, h.changes])).toEqual([
      [3, [{ field: 'channel', before: 'chat', after: 'email' }]],
      [2, [{ field: 'channel', before: 'telephone', after: 'chat' }]],
    ]);
  });
});

describe('audit log', () => {
  it('is append-only and its hash chain detects tampering', async () => {
    const c = await ctx.t.as('counsellor');
    await post(c.cookie, contact());
    await sealAudit(ctx.t.db);
    expect((await verifyAuditChain(ctx.t.db)).ok).toBe(true);
    await expect(ctx.t.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(ctx.t.db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
    // Someone with database superuser rights bypasses the trigger: the chain still tells.
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(ctx.t.db);
    await sql`UPDATE audit_log SET detail = '{"forged":true}' WHERE id = (SELECT min(id) FROM audit_log WHERE action = 'contact.create')`.execute(ctx.t.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`.execute(ctx.t.db);
    expect((await verifyAuditChain(ctx.t.db)).ok).toBe(false);
  });
});
