import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { useTestApp, RK } from '../../test/app.js';
import { loadInitialDirectory } from '../directory/initial-content.js';

/**
 * A referral made to a service found in the directory (issue 10: casework referrals linked to
 * directory services): NOAS, free legal aid for asylum seekers (seed 004 l. 11814), as a lawyer.
 */
const NOAS = 'd344cbc0-1f47-5d00-9c00-b730b3a38cf7';
const ctx = useTestApp(RK);
type Json = Record<string, any>;

beforeAll(async () => {
  await loadInitialDirectory(ctx.t.db, loadConfig({}).directoryInitialContent!);
});

describe('a referral to a directory service', () => {
  it('keeps the service and takes its name; a service not in the directory is refused by name', async () => {
    const owner = await ctx.t.as('caseworker');
    const send = (method: 'POST' | 'PUT', url: string, payload: Json) => ctx.t.app.inject({ method, url, headers: { cookie: owner.cookie }, payload });
    const opened = (await send('POST', '/api/cases', { helplineId: RK, userGroup: 'helpline', pseudonym: 'Henvist' })).json();
    expect((await send('PUT', `/api/cases/${opened.id}/consent`, { form: 'verbal', givenOn: '2026-11-02', covers: ['lawyer'] })).statusCode).toBe(200);

    const referral = { agencyType: 'lawyer', reason: 'Klage på avslag', referredOn: '2026-11-03', directoryServiceId: NOAS };
    const res = await send('POST', `/api/cases/${opened.id}/referrals`, referral);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().referrals[0]).toMatchObject({ agencyType: 'lawyer', agencyName: 'NOAS – rettshjelp for asylsøkere', directoryServiceId: NOAS });

    const unknown = await send('POST', `/api/cases/${opened.id}/referrals`, { ...referral, directoryServiceId: '00000000-0000-4000-8000-000000000001' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().field).toBe('directoryServiceId');
    expect((await ctx.t.db.selectFrom('case_referrals').select('id').where('case_id', '=', opened.id).execute()).length).toBe(1);
  });
});
