import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';
import { foldCountDeltas } from './fold.js';
import type { Report } from '../../shared/schemas/stats.js';

/**
 * A node keeps the folded counts it summed and, until the next fold, reads only the deltas (issue
 * 8). Whatever the order of registrations, reports and folds, every report counts each contact
 * exactly once.
 */
const ctx = useTestApp(RK);

describe('reports between and across folds', () => {
  it('count each contact once, before a fold, after it, and while the node keeps its sums', async () => {
    const { t, id } = ctx;
    const counsellor = await t.as('counsellor', [RK]);
    const coordinator = await t.as('coordinator', [RK]);
    const register = async (n: number, channel: string) => {
      for (let i = 0; i < n; i++) {
        const res = await t.app.inject({
          method: 'POST', url: '/api/contacts', headers: { cookie: counsellor.cookie },
          payload: { helplineId: RK, channel, kind: 'first_contact', startedAt: `2018-03-0${1 + i}T10:00:00+01:00`, themes: [{ themeId: id('theme:tvangsekteskap') }] },
        });
        expect(res.statusCode, res.body).toBe(201);
      }
    };
    const channels = async () => {
      const report: Report = (await t.app.inject({ method: 'GET', url: `/api/stats/report?helplineId=${RK}&year=2018&suppress=false&lang=nb`, headers: { cookie: coordinator.cookie } })).json();
      const table = report.tables.find((x) => x.id === 'channel')!;
      return Object.fromEntries(table.rows.filter((r) => ['telephone', 'chat', 'total'].includes(r.key)).map((r) => [r.key, r.values[0]]));
    };
    const generation = async () => (await sql<{ g: string }>`SELECT generation::text AS g FROM contact_count_folds`.execute(t.db)).rows[0].g;

    await register(3, 'telephone');
    expect(await channels()).toEqual({ telephone: 3, chat: 0, total: 3 }); // nothing folded yet
    const g0 = await generation();
    expect(await foldCountDeltas(t.db)).toBeGreaterThan(0);
    expect(Number(await generation())).toBe(Number(g0) + 1);
    expect(await channels()).toEqual({ telephone: 3, chat: 0, total: 3 }); // all folded, summed afresh
    await register(2, 'chat');
    expect(await channels()).toEqual({ telephone: 3, chat: 2, total: 5 }); // kept sums + new deltas
    await register(1, 'telephone');
    expect(await channels()).toEqual({ telephone: 4, chat: 2, total: 6 });
    expect(await foldCountDeltas(t.db)).toBeGreaterThan(0);
    expect(await channels()).toEqual({ telephone: 4, chat: 2, total: 6 }); // the fold seen: no delta counted twice
    // A fold with nothing to move leaves the counter, so kept sums stay in use.
    const g1 = await generation();
    expect(await foldCountDeltas(t.db)).toBe(0);
    expect(await generation()).toBe(g1);
    expect(await channels()).toEqual({ telephone: 4, chat: 2, total: 6 });

    // After a fold, reports that arrive together share one re-read of the folded sums; a contact
    // registered while that re-read runs is still in every report asked for after it was saved.
    await register(1, 'chat');
    expect(await foldCountDeltas(t.db)).toBeGreaterThan(0);
    const together = [channels(), channels(), channels()];
    await register(1, 'telephone');
    const after = [channels(), channels()];
    const early = await Promise.all(together);
    for (const seen of early) expect([{ telephone: 4, chat: 3, total: 7 }, { telephone: 5, chat: 3, total: 8 }]).toContainEqual(seen);
    expect(await Promise.all(after)).toEqual([{ telephone: 5, chat: 3, total: 8 }, { telephone: 5, chat: 3, total: 8 }]);
  });
});
