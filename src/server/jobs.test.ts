import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../test/app.js';
import { waitFor } from '../test/wait.js';
import { startJobs } from './start.js';

const ctx = useTestApp(RK);
const unfolded = async () => Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM contact_count_deltas`.execute(ctx.t.db)).rows[0].n);

describe('background jobs under a steady stream of work', () => {
  it('fold the statistics deltas while audit entries keep arriving faster than one seal run', async () => {
    const { t, id } = ctx;
    const counsellor = await t.as('counsellor', [RK]);
    const res = await t.app.inject({
      method: 'POST', url: '/api/contacts', headers: { cookie: counsellor.cookie },
      payload: { helplineId: RK, channel: 'chat', kind: 'first_contact', startedAt: '2017-06-01T12:00:00+02:00', themes: [{ themeId: id('theme:tvangsekteskap') }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await unfolded()).toBeGreaterThan(0);
    // Every request writes an audit entry; a busy shift writes them without pause.
    let writing = true;
    const stream = (async () => {
      while (writing) {
        // Many requests' entries at a time: more arrive during one seal run than it seals.
        await sql`INSERT INTO audit_log (action, entity) SELECT 'test.busy', 'test' FROM generate_series(1, 500)`.execute(t.db);
        await new Promise((resolve) => setImmediate(resolve)); // as requests arrive: between other work
      }
    })();
    const stop = startJobs(t.db, t.app, 20);
    try {
      await waitFor(async () => (await unfolded()) === 0, { what: 'the deltas to be folded while entries keep arriving' });
    } finally {
      stop();
      writing = false;
      await stream;
    }
  });
});
