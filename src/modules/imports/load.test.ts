import { describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';
import { csvOf, postImport, rkRow } from './test-files.js';

// Point 4 of issue 6: while a large import runs, registrations and page loads are answered, and
// nothing of the import is seen before it is whole.
const ctx = useTestApp(RK);

const bigFile = (rows: number, last?: ReturnType<typeof rkRow>) => {
  const all = Array.from({ length: rows }, (_, i) => rkRow({ date_time: `2017-${String(1 + (i % 12)).padStart(2, '0')}-1${i % 10} 10:00`, summary: `Historikk ${i}` }));
  if (last) all.push(last);
  return csvOf(all);
};

describe('a large import does not stop the helpline', () => {
  it('answers registrations, the contact list and /healthz while the import runs, and shows the import only when it is whole', async () => {
    const { t } = ctx;
    const admin = await t.as('admin', []);
    const coordinator = await t.as('coordinator', [RK]);
    const listed2017 = async () =>
      ((await t.app.inject({ method: 'GET', url: `/api/contacts?helplineId=${RK}&from=2017-01-01&to=2017-12-31&limit=5`, headers: { cookie: coordinator.cookie } })).json() as { items: unknown[] }).items.length;
    const reported2017 = async () =>
      (await t.app.inject({ method: 'GET', url: `/api/stats/report?helplineId=${RK}&year=2017`, headers: { cookie: coordinator.cookie } })).json().summary.total as number;

    let importDone = false;
    const importing = postImport(t, admin.cookie, bigFile(25_000), { helplineId: RK, fileName: 'stor.csv' }).finally(() => { importDone = true; });
    let registeredDuring = 0;
    let healthyDuring = 0;
    // What the year showed while the import ran: the list's length and the report's total.
    const seenDuring: Array<[number, number]> = [];
    while (!importDone) {
      const res = await t.app.inject({
        method: 'POST', url: '/api/contacts', headers: { cookie: coordinator.cookie },
        payload: { helplineId: RK, channel: 'telephone', kind: 'first_contact', startedAt: new Date().toISOString() },
      });
      expect(res.statusCode, res.body).toBe(201);
      const health = await t.app.inject({ method: 'GET', url: '/healthz' });
      if (!importDone) {
        registeredDuring++;
        if (health.statusCode === 200) healthyDuring++;
        seenDuring.push([await listed2017(), await reported2017()]);
      }
    }
    const done = await importing;
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().imported).toBe(25_000);
    // Today's main held the one PGlite connection for the whole import: nothing got through.
    expect(registeredDuring).toBeGreaterThanOrEqual(5);
    expect(healthyDuring).toBeGreaterThanOrEqual(5);
    // The import is published in one commit a moment before its answer reaches the client, so a
    // read in that moment may already see it. What must never be seen is a part of it: the list
    // (read first) and the report (read second) show none of the 25 000 rows or all of them, in
    // that order and never back: 0/0, then at most one 0/25000 (published between the two reads),
    // then 5/25000.
    const states = ['0/0', '0/25000', '5/25000'];
    const seen = seenDuring.map(([listed, reported]) => `${listed}/${reported}`);
    for (const s of seen) expect(states).toContain(s);
    const order = seen.map((s) => states.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(seen.filter((s) => s === '0/0').length).toBeGreaterThanOrEqual(5);
    expect(await listed2017()).toBe(5);
    expect(await reported2017()).toBe(25_000);
  }, 300_000);

  it('leaves nothing behind, not even counts, when the last row of a large file is bad', async () => {
    const { t } = ctx;
    const admin = await t.as('admin', []);
    const before = {
      contacts: Number((await t.db.selectFrom('contacts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      batches: Number((await t.db.selectFrom('import_batches').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    };
    const report = async () => (await t.app.inject({ method: 'GET', url: `/api/stats/report?helplineId=${RK}&year=2016`, headers: { cookie: admin.cookie } })).json().summary.total;
    expect(await report()).toBe(0);
    const rows = Array.from({ length: 8_000 }, (_, i) => rkRow({ date_time: `2016-02-${10 + (i % 9)} 09:00` }));
    rows.push(rkRow({ date_time: '2016-03-01 10:00', kind: 'rumour' }));
    const res = await postImport(t, admin.cookie, csvOf(rows), { helplineId: RK });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.errors).toEqual([expect.objectContaining({ row: 8_002, field: 'kind' })]);
    expect(await report()).toBe(0);
    expect({
      contacts: Number((await t.db.selectFrom('contacts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      batches: Number((await t.db.selectFrom('import_batches').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    }).toEqual(before);
    expect(await t.db.selectFrom('import_batch_counts').select('n').execute()).toEqual([]);
  }, 120_000);
});
