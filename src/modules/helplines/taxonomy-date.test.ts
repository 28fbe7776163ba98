import { describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';
import { taxonomyFor } from './service.js';

const ctx = useTestApp(RK);

describe('the taxonomy without a date', () => {
  it('is labelled as on the helpline’s own date, as contacts are filed, not the UTC date', async () => {
    const actor = { id: '00000000-0000-4000-8000-000000000001', role: 'counsellor' as const, helplineIds: [RK] };
    // 23:30 UTC on New Year's Eve is already 00:30 on 1 January in Oslo.
    const newYear = await taxonomyFor(ctx.t.db, actor, RK, undefined, new Date('2026-12-31T23:30:00Z'));
    expect(newYear.at).toBe('2027-01-01');
    // 23:30 in Oslo on 30 June (summer time) is still 30 June there, though 21:30 UTC.
    const summer = await taxonomyFor(ctx.t.db, actor, RK, undefined, new Date('2026-06-30T21:30:00Z'));
    expect(summer.at).toBe('2026-06-30');
    const early = await taxonomyFor(ctx.t.db, actor, RK, undefined, new Date('2026-06-30T22:30:00Z'));
    expect(early.at).toBe('2026-07-01');
  });

  it('an explicit date is kept', async () => {
    const { cookie } = await ctx.t.as('counsellor');
    const res = await ctx.t.app.inject({ method: 'GET', url: `/api/helplines/${RK}/taxonomy?at=2022-06-01`, headers: { cookie } });
    expect(res.json().at).toBe('2022-06-01');
  });
});
