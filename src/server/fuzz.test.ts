import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { testApp, type TestApp, RK } from '../test/app.js';

/** Random payloads at every write endpoint: never a 500, always a `{ code, message }` error or success. */
let t: TestApp;
let admin: string;
let counsellor: string;
let contactId: string;
beforeAll(async () => {
  t = await testApp();
  admin = (await t.as('admin', [])).cookie;
  counsellor = (await t.as('counsellor', [RK])).cookie;
  const ids = await t.db.selectFrom('taxonomy_categories').select(['id', 'dimension']).where('helpline_id', '=', RK).execute();
  const theme = ids.find((c) => c.dimension === 'theme')!.id;
  const res = await t.app.inject({ method: 'POST', url: '/api/contacts', headers: { cookie: counsellor }, payload: { helplineId: RK, channel: 'telephone', kind: 'first_contact', startedAt: '2022-01-01T10:00:00Z', themes: [{ themeId: theme }] } });
  contactId = res.json().id;
});
afterAll(async () => { await t.close(); });

// Values that look like a contact's fields but with every kind of wrong type, size and shape.
const fieldValue = fc.oneof(
  fc.anything(),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.constantFrom('telephone', 'first_contact', RK, 'NO', 'not_asked', '2022-01-01T10:00:00Z', '', 'x'.repeat(5000), -1, 0, 2 ** 31, null),
  fc.array(fc.record({ themeId: fc.oneof(fc.integer(), fc.string()), subthemeIds: fc.array(fc.integer()) })),
);
const contactLike = fc.dictionary(
  fc.constantFrom('helplineId', 'channel', 'kind', 'startedAt', 'durationMinutes', 'whoId', 'ageGroupId', 'age', 'genderId', 'country', 'bodyTypeId', 'themes', 'summary', 'outcomes', 'referredToId', 'version', 'name', '__proto__', 'constructor'),
  fieldValue,
);
const payload = fc.oneof(contactLike, fc.anything(), fc.string());

const targets = () => [
  { method: 'POST', url: '/api/contacts', cookie: counsellor },
  { method: 'PUT', url: `/api/contacts/${contactId}`, cookie: counsellor },
  { method: 'POST', url: '/api/users', cookie: admin },
  { method: 'PUT', url: '/api/auth/me/locale', cookie: counsellor },
  { method: 'POST', url: '/api/setup', cookie: '' },
  { method: 'POST', url: `/api/imports?helplineId=${RK}&format=csv`, cookie: admin },
] as const;

describe('malformed requests never cause a 500', () => {
  it('JSON bodies of any shape', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets().keys()), payload, async (i, body) => {
        const target = targets()[i];
        const res = await t.app.inject({ method: target.method, url: target.url, headers: { cookie: target.cookie, 'content-type': 'application/json' }, payload: JSON.stringify(body) ?? 'null' });
        expect(res.statusCode, res.body).toBeLessThan(500);
        if (res.statusCode >= 400) expect(Object.keys(res.json())).toEqual(expect.arrayContaining(['code', 'message']));
      }),
      { numRuns: 300 },
    );
  });

  it('raw bytes that are not JSON at all', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets().keys()), fc.uint8Array({ maxLength: 400 }), async (i, bytes) => {
        const target = targets()[i];
        const res = await t.app.inject({ method: target.method, url: target.url, headers: { cookie: target.cookie, 'content-type': 'application/json' }, payload: Buffer.from(bytes) });
        expect(res.statusCode, res.body).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
  });
});
