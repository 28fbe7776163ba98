import { describe, expect, it } from 'vitest';
import { createUser } from '../users/service.js';
import { useTestApp, PASSWORD, RK } from '../../test/app.js';
import { signIn } from '../../test/second-factor.js';

/**
 * With the default settings, a helpline's office behind one address signs in when its shift
 * starts: sixty counsellors in the same minute are all let in (the route limit was 20 a minute
 * per address, which refused the 21st colleague).
 */
const ctx = useTestApp(RK);
const OFFICE = '10.70.0.1';

describe('a shift change behind one office address', () => {
  it('lets sixty counsellors sign in and enrol their second factor within a minute', async () => {
    const emails: string[] = [];
    for (let i = 0; i < 60; i++) {
      const email = `shift-${i}@example.org`;
      await createUser(ctx.t.db, null, { email, displayName: `Skift ${i}`, role: 'counsellor', locale: 'nb', password: PASSWORD, helplineIds: [RK] });
      emails.push(email);
    }
    // Each enrols the second factor counsellors must have (password, QR page, first code): three
    // sign-in requests each from the office's one address, and each ends with a session.
    let sessions = 0;
    for (const email of emails) {
      const { cookie } = await signIn(ctx.t.app, email, PASSWORD, null, OFFICE);
      const me = await ctx.t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      if (me.statusCode === 200 && me.json().email === email) sessions++;
    }
    expect(sessions).toBe(60);
  }, 120_000);

  it('still refuses a flood: the 121st code from one address in a minute is answered 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 121; i++) {
      const res = await ctx.t.app.inject({ method: 'POST', url: '/api/auth/second-factor/verify', remoteAddress: '10.70.0.2', payload: { code: '000000' } });
      statuses.push(res.statusCode);
    }
    // Without a pending sign-in each code is refused as such (401), until the limit answers instead.
    expect(statuses.slice(0, 120)).toEqual(Array(120).fill(401));
    expect(statuses[120]).toBe(429);
  }, 120_000);
});
