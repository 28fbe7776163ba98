import { describe, expect, it } from 'vitest';
import { useTestApp, RK, KPH } from '../../test/app.js';
import { listHelplinesFor } from './service.js';

// `openNow` in GET /api/helplines, from the hours loaded out of data/helplines/*.json into the
// database: Røde Kors-telefonen's telephone Monday–Friday 09:00–16:00, chat Mondays and Fridays
// 09:00–15:30, voicemail always; Kors på halsen's telephone Monday–Friday 14:00–22:00 (Oslo time).
const ctx = useTestApp(RK);
const admin = { id: '00000000-0000-4000-8000-000000000001', role: 'admin' as const, helplineIds: [] };

async function openNow(at: string): Promise<Record<string, boolean>> {
  const helplines = await listHelplinesFor(ctx.t.db, admin, new Date(at));
  return Object.fromEntries(helplines.flatMap((h) => h.channels.map((c) => [`${h.id} ${c.channel}`, c.openNow])));
}

describe('which channels are open now, as the API says', () => {
  it('Tuesday 24 November 2026 at 10:00 in Oslo', async () => {
    expect(await openNow('2026-11-24T09:00:00Z')).toMatchObject({
      [`${RK} telephone`]: true, [`${RK} chat`]: false, [`${RK} voicemail`]: true, [`${KPH} telephone`]: false, [`${KPH} email`]: true,
    });
  });

  it('Tuesday 24 November 2026 at 15:00 in Oslo: both telephones', async () => {
    expect(await openNow('2026-11-24T14:00:00Z')).toMatchObject({ [`${RK} telephone`]: true, [`${KPH} telephone`]: true, [`${KPH} chat`]: true });
  });

  it('Sunday 29 November 2026 at 03:00 in Oslo: only what is always open', async () => {
    expect(await openNow('2026-11-29T02:00:00Z')).toMatchObject({
      [`${RK} telephone`]: false, [`${RK} chat`]: false, [`${RK} voicemail`]: true, [`${KPH} telephone`]: false, [`${KPH} email`]: true,
    });
  });
});
