import { describe, expect, it, beforeAll } from 'vitest';
import { useTestApp, RK, KPH } from '../../test/app.js';
import { readHelplineFiles, syncHelplines } from '../helplines/load-data.js';
import { applyRetention } from '../retention/service.js';

const ctx = useTestApp(RK);
/** A Danish helpline: the same categories as Røde Kors-telefonen, summaries written in Danish. */
const DK = 'dansk-linje';

beforeAll(async () => {
  const rk = readHelplineFiles('data/helplines').find((h) => h.id === RK)!;
  await syncHelplines(ctx.t.db, [{ ...rk, id: DK, language: 'da', summaryRetentionMonths: undefined }]);
});

type Json = Record<string, any>;

async function register(cookie: string, overrides: Json = {}) {
  const res = await ctx.t.app.inject({
    method: 'POST', url: '/api/contacts', headers: { cookie },
    payload: {
      helplineId: RK, channel: 'telephone', kind: 'first_contact', startedAt: '2024-05-14T10:15:00+02:00',
      themes: [{ themeId: ctx.id('theme:negativ_sosial_kontroll') }], summary: 'Ringer om press fra familien.', ...overrides,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Json;
}

async function list(cookie: string, query: Record<string, string | number> = {}, lang = 'nb') {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  return ctx.t.app.inject({ method: 'GET', url: `/api/contacts?${qs}`, headers: { cookie, 'accept-language': lang } });
}

async function ids(cookie: string, query: Record<string, string | number> = {}) {
  const res = await list(cookie, { limit: 200, ...query });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as Json[]).map((i) => i.id as string);
}

describe('who sees which contacts in the list', () => {
  it('a coordinator sees every contact of their helplines and none of others; a counsellor only their own', async () => {
    const anne = await ctx.t.as('counsellor', [RK, KPH]);
    const bo = await ctx.t.as('counsellor', [RK]);
    const byAnne = await register(anne.cookie, { startedAt: '2023-02-01T10:00:00+01:00' });
    const byBo = await register(bo.cookie, { startedAt: '2023-02-02T10:00:00+01:00' });
    const onKph = await register(anne.cookie, { helplineId: KPH, startedAt: '2023-02-03T10:00:00+01:00', themes: [], channel: 'chat' });

    const coordinator = await ctx.t.as('coordinator', [RK]);
    const seen = await ids(coordinator.cookie, { from: '2023-02-01', to: '2023-02-28' });
    expect(seen).toEqual([byBo.id, byAnne.id]);
    const res = await list(coordinator.cookie, { from: '2023-02-01', to: '2023-02-28' });
    expect(res.json().items.map((i: Json) => i.createdByName)).toEqual([expect.stringMatching(/^counsellor \d+$/), expect.stringMatching(/^counsellor \d+$/)]);
    expect(res.json().items.every((i: Json) => i.canEdit)).toBe(true);

    expect(await ids(bo.cookie, { from: '2023-02-01', to: '2023-02-28' })).toEqual([byBo.id]);
    expect(await ids(anne.cookie, { from: '2023-02-01', to: '2023-02-28' })).toEqual([onKph.id, byAnne.id]);
    // A counsellor cannot widen the list to a colleague's contacts by asking for them.
    expect(await ids(bo.cookie, { counsellorId: anne.id })).toEqual([]);
    // Asking for a helpline one does not work on is refused, naming the field.
    const other = await list(coordinator.cookie, { helplineId: KPH });
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({ field: 'helplineId' });
  });

  it('a coordinator opens and corrects a colleague\'s contact', async () => {
    const counsellor = await ctx.t.as('counsellor');
    const created = await register(counsellor.cookie);
    const coordinator = await ctx.t.as('coordinator');
    const opened = await ctx.t.app.inject({ method: 'GET', url: `/api/contacts/${created.id}`, headers: { cookie: coordinator.cookie } });
    expect(opened.json()).toMatchObject({ summary: 'Ringer om press fra familien.', canEdit: true });
    const { id: _id, source: _s, createdAt: _c, updatedAt: _u, canEdit: _e, ageGroupId: _a, ...body } = opened.json();
    const put = await ctx.t.app.inject({ method: 'PUT', url: `/api/contacts/${created.id}`, headers: { cookie: coordinator.cookie }, payload: { ...body, ageGroupId: null, channel: 'chat' } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().channel).toBe('chat');
  });

  it('the counsellor filter offers a coordinator their helplines\' users by name, a counsellor only themselves', async () => {
    const counsellor = await ctx.t.as('counsellor', [RK]);
    const kphOnly = await ctx.t.as('counsellor', [KPH]);
    const coordinator = await ctx.t.as('coordinator', [RK]);
    const authors = (await ctx.t.app.inject({ method: 'GET', url: `/api/contacts/authors?helplineId=${RK}`, headers: { cookie: coordinator.cookie } })).json() as Json[];
    expect(authors.map((a) => a.id)).toContain(counsellor.id);
    expect(authors.map((a) => a.id)).not.toContain(kphOnly.id);
    expect(authors.find((a) => a.id === counsellor.id)?.displayName).toMatch(/^counsellor \d+$/);
    const own = (await ctx.t.app.inject({ method: 'GET', url: `/api/contacts/authors?helplineId=${RK}`, headers: { cookie: counsellor.cookie } })).json() as Json[];
    expect(own.map((a) => a.id)).toEqual([counsellor.id]);
  });
});

describe('filters', () => {
  it('period (helpline-local dates), channel, kind, theme and counsellor each narrow the list', async () => {
    const anne = await ctx.t.as('counsellor');
    const bo = await ctx.t.as('counsellor');
    const coordinator = await ctx.t.as('coordinator');
    // 23:30 UTC on 31 March 2024 is already 1 April in Oslo (summer time, UTC+2).
    const april = await register(anne.cookie, { startedAt: '2021-03-31T23:30:00Z', channel: 'chat' });
    const march = await register(anne.cookie, { startedAt: '2021-03-31T20:00:00Z', kind: 'repeat_contact' });
    const forced = await register(bo.cookie, {
      startedAt: '2021-04-02T09:00:00+02:00', themes: [{ themeId: ctx.id('theme:tvangsekteskap'), subthemeIds: [ctx.id('subtheme:te_planlagt')] }],
    });
    const all = { from: '2021-03-01', to: '2021-04-30' };
    expect(await ids(coordinator.cookie, all)).toEqual([forced.id, april.id, march.id]);
    expect(await ids(coordinator.cookie, { from: '2021-04-01', to: '2021-04-01' })).toEqual([april.id]);
    expect(await ids(coordinator.cookie, { from: '2021-03-31', to: '2021-03-31' })).toEqual([march.id]);
    expect(await ids(coordinator.cookie, { ...all, channel: 'chat' })).toEqual([april.id]);
    expect(await ids(coordinator.cookie, { ...all, kind: 'repeat_contact' })).toEqual([march.id]);
    expect(await ids(coordinator.cookie, { ...all, themeId: ctx.id('theme:tvangsekteskap') })).toEqual([forced.id]);
    expect(await ids(coordinator.cookie, { ...all, counsellorId: anne.id })).toEqual([april.id, march.id]);
    expect(await ids(coordinator.cookie, { ...all, counsellorId: bo.id, channel: 'telephone' })).toEqual([forced.id]);
  });

  it('a bad filter is a 400 that names the field in the user\'s language', async () => {
    const coordinator = await ctx.t.as('coordinator');
    const cases: [Record<string, string>, string][] = [
      [{ channel: 'pigeon' }, 'channel'],
      [{ kind: 'visit' }, 'kind'],
      [{ from: '2024-13-01' }, 'from'],
      [{ from: '0000-01-01' }, 'from'],
      [{ to: '9999-12-31' }, 'to'],
      [{ q: 'vold\u0000' }, 'q'],
      [{ from: '2024-05-02', to: '2024-05-01' }, 'to'],
      [{ themeId: 'x' }, 'themeId'],
      [{ counsellorId: 'bob' }, 'counsellorId'],
      [{ cursor: 'not-a-cursor' }, 'cursor'],
      [{ limit: '0' }, 'limit'],
    ];
    for (const [query, field] of cases) {
      const res = await list(coordinator.cookie, query);
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
      expect(res.json().field).toBe(field);
    }
    const kph = await ctx.t.db.selectFrom('taxonomy_categories').select('id').where('helpline_id', '=', KPH).where('dimension', '=', 'theme').executeTakeFirstOrThrow();
    const foreignTheme = await list(coordinator.cookie, { helplineId: RK, themeId: kph.id });
    expect(foreignTheme.json()).toMatchObject({ field: 'themeId', message: 'Feltet «Tema» inneholder en kategori som ikke finnes for denne hjelpelinjen.' });
    expect((await list(coordinator.cookie, { channel: 'pigeon' })).json().message).toBe('Feltet «Kanal» har en verdi som ikke er tillatt.');
    await ctx.t.app.inject({ method: 'PUT', url: '/api/auth/me/locale', headers: { cookie: coordinator.cookie }, payload: { locale: 'da' } });
    expect((await list(coordinator.cookie, { from: '2024-05-02', to: '2024-05-01' })).json().message).toBe('Feltet «Til dato» har en værdi, som ikke er tilladt.');
  });
});

describe('full-text search in summaries', () => {
  it('stems Norwegian on a Norwegian helpline: "vold" finds "volden", "trusler" finds "truslene"', async () => {
    const c = await ctx.t.as('counsellor');
    const coordinator = await ctx.t.as('coordinator');
    const day = { startedAt: '2020-06-10T12:00:00+02:00' };
    const violence = await register(c.cookie, { ...day, summary: 'Hun forteller om volden hjemme.' });
    const threats = await register(c.cookie, { ...day, summary: 'Broren gjentok truslene mot henne.' });
    await register(c.cookie, { ...day, summary: 'Spør om rettigheter ved skilsmisse.' });
    const period = { from: '2020-06-10', to: '2020-06-10' };
    expect(await ids(coordinator.cookie, { ...period, q: 'vold' })).toEqual([violence.id]);
    expect(await ids(coordinator.cookie, { ...period, q: 'trusler' })).toEqual([threats.id]);
    expect(await ids(coordinator.cookie, { ...period, q: 'volden OR trusler' })).toHaveLength(2);
    expect(await ids(coordinator.cookie, { ...period, q: 'bryllup' })).toEqual([]);
  });

  it('stems Danish on a Danish helpline', async () => {
    const c = await ctx.t.as('counsellor', [DK]);
    const coordinator = await ctx.t.as('coordinator', [DK]);
    const theme = await ctx.t.db.selectFrom('taxonomy_categories').select('id').where('helpline_id', '=', DK).where('code', '=', 'annet').executeTakeFirstOrThrow();
    const day = { helplineId: DK, startedAt: '2020-06-11T12:00:00+02:00', themes: [{ themeId: theme.id }] };
    const threats = await register(c.cookie, { ...day, summary: 'Hun fortæller om truslerne fra familien.' });
    const weddings = await register(c.cookie, { ...day, summary: 'Spørger om bryllupper i udlandet.' });
    const period = { helplineId: DK, from: '2020-06-11', to: '2020-06-11' };
    // Norwegian stemming would miss both ("truslerne" → truslern, "bryllupper" → bryllupp).
    expect(await ids(coordinator.cookie, { ...period, q: 'trusler' })).toEqual([threats.id]);
    expect(await ids(coordinator.cookie, { ...period, q: 'bryllup' })).toEqual([weddings.id]);
  });

  it('finds nothing in a summary that retention has blanked, and the search words are not audited', async () => {
    const c = await ctx.t.as('counsellor');
    const coordinator = await ctx.t.as('coordinator');
    // Røde Kors-telefonen keeps summaries 24 months: a contact from 2019 is past that.
    const old = await register(c.cookie, { startedAt: '2019-01-15T12:00:00+01:00', summary: 'Snakker om kjønnslemlestelse av søsteren.' });
    const query = { from: '2019-01-15', to: '2019-01-15', q: 'kjønnslemlestelse' };
    expect(await ids(coordinator.cookie, query)).toEqual([old.id]);
    await applyRetention(ctx.t.db, { sessionIdleMs: 30 * 60_000 });
    expect(await ids(coordinator.cookie, query)).toEqual([]);
    const audits = await ctx.t.db.selectFrom('audit_log').select(['action', 'detail']).where('actor_id', '=', coordinator.id).where('action', '=', 'contact.list').execute();
    expect(audits).toHaveLength(2);
    expect(audits[0].detail).toMatchObject({ filters: ['from', 'to', 'q'], ids: [old.id] });
    expect(JSON.stringify(audits)).not.toContain('kjønnslemlestelse');
  });
});

describe('paging by key', () => {
  it('pages have no duplicates and no gaps while contacts are being added', async () => {
    const c = await ctx.t.as('counsellor');
    const coordinator = await ctx.t.as('coordinator');
    const day = '2018-09-03';
    const at = (hhmm: string) => `${day}T${hhmm}:00+02:00`;
    // Two contacts at the same minute: the id breaks the tie, so neither is skipped nor repeated.
    const initial = [];
    for (const t of ['09:00', '10:00', '10:00', '11:00', '12:00', '13:00', '14:00']) initial.push((await register(c.cookie, { startedAt: at(t) })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    const added: string[] = [];
    for (let page = 0; page < 10; page++) {
      const res = await list(coordinator.cookie, { from: day, to: day, limit: 2, ...(cursor ? { cursor } : {}) });
      expect(res.statusCode, res.body).toBe(200);
      seen.push(...res.json().items.map((i: Json) => i.id));
      cursor = res.json().nextCursor;
      if (page === 0) {
        // A newer contact arrives while the coordinator reads (it would shift an offset by one)…
        await register(c.cookie, { startedAt: at('15:00') });
        // …and a late registration of an earlier contact, still ahead of the reader.
        added.push((await register(c.cookie, { startedAt: at('08:00') })).id);
      }
      if (!cursor) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 2).length).toBe(2);
    expect(new Set(seen)).toEqual(new Set([...initial, ...added]));
  });

  it('a coordinator of two helplines pages through both at once, newest first across them', async () => {
    const c = await ctx.t.as('counsellor', [RK, KPH]);
    const coordinator = await ctx.t.as('coordinator', [RK, KPH]);
    const day = '2018-10-15';
    const at = (hhmm: string) => `${day}T${hhmm}:00+02:00`;
    const made: { id: string; time: string }[] = [];
    // Interleaved in time, and one minute with a contact on each helpline.
    for (const [helplineId, time] of [[RK, '09:00'], [KPH, '09:30'], [RK, '10:00'], [KPH, '10:00'], [KPH, '11:00'], [RK, '12:00']] as const) {
      const contact = await register(c.cookie, { helplineId, startedAt: at(time), ...(helplineId === KPH ? { themes: [] } : {}) });
      made.push({ id: contact.id, time });
    }
    // The list's order: newest first, the id (descending) breaking a tie.
    const expected = [...made].sort((a, b) => (a.time === b.time ? (a.id < b.id ? 1 : -1) : a.time < b.time ? 1 : -1)).map((m) => m.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 5; page++) {
      const res = await list(coordinator.cookie, { from: day, to: day, limit: 2, ...(cursor ? { cursor } : {}) });
      expect(res.statusCode, res.body).toBe(200);
      seen.push(...res.json().items.map((i: Json) => i.id));
      cursor = res.json().nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(expected);
    // Narrowed to one of them: that helpline's contacts (the 1st, 3rd and 6th made), in the same order.
    const onRk = new Set([made[0].id, made[2].id, made[5].id]);
    expect(await ids(coordinator.cookie, { from: day, to: day, helplineId: RK })).toEqual(expected.filter((id) => onRk.has(id)));
  });
});
