import { describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';
import { foldCountDeltas } from '../stats/fold.js';
import { csvOf, postImport, rkRow } from './test-files.js';

// Point 5 of issue 6: the same file twice is refused unless confirmed; batches are listed and can
// be undone once, with the statistics back to what they were and the undo audited.
const ctx = useTestApp(RK);

// Exact figures: the internal view, which only the helpline's coordinators may ask for.
let internalViewer: Promise<{ cookie: string }> | undefined;
const report = async (year: number) => {
  internalViewer ??= ctx.t.as('coordinator', [RK]);
  const { cookie } = await internalViewer;
  return (await ctx.t.app.inject({ method: 'GET', url: `/api/stats/report?helplineId=${RK}&year=${year}&suppress=false`, headers: { cookie } })).json();
};
const listed = async (cookie: string) =>
  ((await ctx.t.app.inject({ method: 'GET', url: `/api/contacts?helplineId=${RK}&from=2019-01-01&to=2019-12-31&limit=100`, headers: { cookie } })).json() as { items: unknown[] }).items;
const counts2019 = async () => {
  await foldCountDeltas(ctx.t.db);
  const rows = await ctx.t.db.selectFrom('contact_counts').select(['month', 'kind', 'dimension', 'k1', 'k2', 'n'])
    .where('helpline_id', '=', RK).where('year', '=', 2019).where('n', '<>', 0).orderBy(['month', 'kind', 'dimension', 'k1', 'k2']).execute();
  return rows;
};

describe('import batches', () => {
  it('refuses the same file twice naming the earlier import, imports it when confirmed, lists both and undoes each once', async () => {
    const { t } = ctx;
    const admin = await t.as('admin', []);
    const coordinator = await t.as('coordinator', [RK]);
    const counsellor = await t.as('counsellor', [RK]);
    const adminName = (await t.db.selectFrom('users').select('display_name').where('id', '=', admin.id).executeTakeFirstOrThrow()).display_name;
    for (const day of ['2019-05-02T10:00:00+02:00', '2019-06-03T11:00:00+02:00']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/contacts', headers: { cookie: counsellor.cookie }, payload: { helplineId: RK, channel: 'chat', kind: 'first_contact', startedAt: day } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const before = await counts2019();
    expect((await report(2019)).summary.total).toBe(2);

    const file = csvOf([rkRow({ date_time: '2019-03-04 10:15' }), rkRow({ date_time: '2019-03-05 12:00', themes: 'annet' }), rkRow({ date_time: '2019-11-30 23:30' })]);
    const first = await postImport(t, admin.cookie, file, { helplineId: RK, fileName: 'aar-2019.csv' });
    expect(first.statusCode, first.body).toBe(200);
    expect((await report(2019)).summary.total).toBe(5);
    expect(await listed(coordinator.cookie)).toHaveLength(5);

    // The same bytes again, under another name: refused, naming who imported it and when.
    const again = await postImport(t, admin.cookie, file, { helplineId: RK, fileName: 'kopi.csv' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('import_duplicate');
    expect(again.json().message).toMatch(new RegExp(`^Denne filen ble importert \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d av ${adminName} \\(aar-2019\\.csv, 3 rader\\)\\.`));
    expect(again.json().details.batch).toMatchObject({ id: first.json().batchId, fileName: 'aar-2019.csv', importedBy: adminName, rows: 3 });
    expect((await report(2019)).summary.total).toBe(5);

    const confirmed = await t.app.inject({
      method: 'POST', url: `/api/imports?helplineId=${RK}&format=csv&fileName=kopi.csv&confirmDuplicate=true`,
      headers: { cookie: admin.cookie, 'content-type': 'text/csv' }, payload: file,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((await report(2019)).summary.total).toBe(8);

    const batches = (await t.app.inject({ method: 'GET', url: `/api/imports/batches?helplineId=${RK}`, headers: { cookie: admin.cookie } })).json();
    expect(batches.map((b: { fileName: string; rows: number; state: string; importedBy: string }) => [b.fileName, b.rows, b.state, b.importedBy]))
      .toEqual([['kopi.csv', 3, 'published', adminName], ['aar-2019.csv', 3, 'published', adminName]]);

    // Only administrators list and undo.
    expect((await t.app.inject({ method: 'GET', url: '/api/imports/batches', headers: { cookie: coordinator.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/imports/batches/${first.json().batchId}/undo`, headers: { cookie: coordinator.cookie } })).statusCode).toBe(403);

    const undo = await t.app.inject({ method: 'POST', url: `/api/imports/batches/${confirmed.json().batchId}/undo`, headers: { cookie: admin.cookie } });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json()).toMatchObject({ state: 'undone', undoneBy: adminName, rows: 3 });
    expect((await report(2019)).summary.total).toBe(5);
    const twice = await t.app.inject({ method: 'POST', url: `/api/imports/batches/${confirmed.json().batchId}/undo`, headers: { cookie: admin.cookie } });
    expect(twice.statusCode).toBe(409);

    // One imported contact corrected by the coordinator before the undo: the undo takes it as it is now.
    const [one] = await t.db.selectFrom('contacts').select(['id']).where('import_batch_id', '=', first.json().batchId).execute();
    const full = (await t.app.inject({ method: 'GET', url: `/api/contacts/${one.id}`, headers: { cookie: coordinator.cookie } })).json();
    const put = await t.app.inject({ method: 'PUT', url: `/api/contacts/${one.id}`, headers: { cookie: coordinator.cookie }, payload: { helplineId: RK, channel: 'email', kind: 'repeat_contact', startedAt: '2019-08-08T08:00:00+02:00', version: full.version } });
    expect(put.statusCode, put.body).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `/api/imports/batches/${first.json().batchId}/undo`, headers: { cookie: admin.cookie } })).statusCode).toBe(200);
    expect((await report(2019)).summary.total).toBe(2);
    expect(await listed(coordinator.cookie)).toHaveLength(2);
    expect(await counts2019()).toEqual(before);
    expect(await t.db.selectFrom('contacts').select('id').where('import_batch_id', 'in', [first.json().batchId, confirmed.json().batchId]).execute()).toEqual([]);

    const audit = await t.db.selectFrom('audit_log').select(['actor_id', 'detail']).where('action', '=', 'contact.import_undo').orderBy('id').execute();
    expect(audit).toEqual([
      { actor_id: admin.id, detail: { helplineId: RK, rows: 3, batchId: confirmed.json().batchId } },
      { actor_id: admin.id, detail: { helplineId: RK, rows: 3, batchId: first.json().batchId } },
    ]);
    // An undone file may come in again without a warning.
    expect((await postImport(t, admin.cookie, file, { helplineId: RK, fileName: 'igjen.csv' })).statusCode).toBe(200);
    expect((await report(2019)).summary.total).toBe(5);
  });

  it('shows the progress of an import to the administrator who started it', async () => {
    const { t } = ctx;
    const admin = await t.as('admin', []);
    const other = await t.as('admin', []);
    const jobId = '2d7c1a52-8f39-4a8e-9d55-2a0e5c6b7f10';
    const rows = Array.from({ length: 4_000 }, (_, i) => rkRow({ date_time: `2018-0${1 + (i % 9)}-1${i % 10} 10:00`, summary: `rad ${i}` }));
    const running = t.app.inject({
      method: 'POST', url: `/api/imports?helplineId=${RK}&format=csv&jobId=${jobId}`, headers: { cookie: admin.cookie, 'content-type': 'text/csv' }, payload: csvOf(rows),
    });
    const seen: { checked: number; loaded: number; phase: string }[] = [];
    let done = false;
    void running.then(() => { done = true; });
    while (!done) {
      const res = await t.app.inject({ method: 'GET', url: `/api/imports/jobs/${jobId}`, headers: { cookie: admin.cookie } });
      if (res.statusCode === 200) seen.push(res.json());
      await new Promise((r) => setTimeout(r, 5));
    }
    expect((await running).statusCode).toBe(200);
    const last = (await t.app.inject({ method: 'GET', url: `/api/imports/jobs/${jobId}`, headers: { cookie: admin.cookie } })).json();
    expect(last).toEqual({ phase: 'done', checked: 4_000, loaded: 4_000 });
    expect(seen.some((s) => s.phase === 'checking' && s.loaded < 4_000)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: `/api/imports/jobs/${jobId}`, headers: { cookie: other.cookie } })).statusCode).toBe(404);
  });
});
