import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';
import { encryptWith, nextKeyFile, readKeyFile, writeNewKey } from './field-encryption.js';
import { storedKeyIds } from './encrypted-columns.js';
import { assertFieldKeys, MissingFieldKeyError } from './field-keys.js';
import { rotateFieldKey } from './rotate-key.js';
import { keyForgetUnreadable, keyStatus } from '../../cli/key-commands.js';

// Issue 9 point 5: a command rotates the key and re-encrypts; start refuses without the key once
// encrypted data exists. A key file of this test's own: other test files share the default one.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-rotate-'));
const keyFile = path.join(dir, 'field.key');
const ctx = useTestApp(RK, { keyFile });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Json = Record<string, any>;
const send = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Json) => ctx.t.app.inject({ method, url, headers: { cookie }, payload });

async function protectedPerson(cookie: string) {
  const id = (await send(cookie, 'POST', '/api/cases', { helplineId: RK, userGroup: 'housing_programme', pseudonym: 'Rotasjon' })).json().id as string;
  await send(cookie, 'PUT', `/api/cases/${id}/consent`, { form: 'signed', givenOn: '2024-06-01', covers: ['nav'] });
  expect((await send(cookie, 'PUT', `/api/cases/${id}/person`, { name: 'Amina Hassan', reach: 'SMS først' })).statusCode).toBe(200);
  expect((await send(cookie, 'PUT', `/api/cases/${id}/protection`, { level: 'kode6', address: 'Storgata 5, 9008 Tromsø' })).statusCode).toBe(200);
  return id;
}

const revealed = async (cookie: string, id: string) => (await send(cookie, 'POST', `/api/cases/${id}/protection/reveal`, { reason: 'Kontroll etter nøkkelbytte' })).json().address;

describe('rotating the field-encryption key', () => {
  it('re-encrypts every value under a new key, keeps the old one retired beside it, and every value still reads the same', async () => {
    const owner = await ctx.t.as('caseworker'); // its second-factor secret is encrypted too
    const id = await protectedPerson(owner.cookie);
    const old = readKeyFile(keyFile)!;
    const before = await storedKeyIds(ctx.t.db);
    expect([...before.keys()]).toEqual([old.id]);
    // The caseworker's app secret, the person's name and reach, the address.
    expect(before.get(old.id)).toBeGreaterThanOrEqual(4);

    const r = await rotateFieldKey(ctx.t.db, keyFile);
    expect(r.from).toBe(old.id);
    expect(r.to).not.toBe(old.id);
    expect(r.reencrypted).toBe(before.get(old.id));
    expect(readKeyFile(keyFile)!.id).toBe(r.to);
    expect(readKeyFile(r.retiredFile)!.id).toBe(old.id);
    expect(fs.statSync(r.retiredFile).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(nextKeyFile(keyFile))).toBe(false);
    expect([...(await storedKeyIds(ctx.t.db)).keys()]).toEqual([r.to]);

    // Still readable: the person's name and the address.
    expect((await send(owner.cookie, 'GET', `/api/cases/${id}`)).json().person.name).toBe('Amina Hassan');
    expect(await revealed(owner.cookie, id)).toBe('Storgata 5, 9008 Tromsø');
    // Readable without the retired key, too: nothing needs it any more.
    fs.rmSync(r.retiredFile);
    expect(await revealed(owner.cookie, id)).toBe('Storgata 5, 9008 Tromsø');
    await expect(assertFieldKeys(ctx.t.db, keyFile)).resolves.toBeUndefined();

    // `brobygger key status` tells an operator the same.
    const lines: string[] = [];
    await keyStatus({ db: ctx.t.db, config: ctx.t.app.config, stdin: '', print: (l) => lines.push(l) }, []);
    expect(lines).toEqual([`Current key: ${r.to} (${keyFile})`, `Encrypted values under key ${r.to}: ${r.reencrypted} (current)`]);
  });

  it('finishes a rotation cut short: values already under the new key read meanwhile, and a second run uses that same key', async () => {
    const owner = await ctx.t.as('counsellor');
    const id = await protectedPerson(owner.cookie);
    // As a crash leaves it after the transaction: the new key beside the old, one value under it.
    writeNewKey(nextKeyFile(keyFile));
    const pending = readKeyFile(nextKeyFile(keyFile))!;
    await ctx.t.db.updateTable('case_protections').set({ address_encrypted: encryptWith(pending, 'Storgata 5, 9008 Tromsø') }).where('case_id', '=', id).execute();
    expect(await revealed(owner.cookie, id)).toBe('Storgata 5, 9008 Tromsø');

    const r = await rotateFieldKey(ctx.t.db, keyFile);
    expect(r.to).toBe(pending.id);
    expect([...(await storedKeyIds(ctx.t.db)).keys()]).toEqual([pending.id]);
    expect(await revealed(owner.cookie, id)).toBe('Storgata 5, 9008 Tromsø');
  });

  it('a start refuses, naming the key and how many values need it, when the key file is gone or holds another key; a key lost for good can be let go', async () => {
    const current = readKeyFile(keyFile)!;
    const away = `${keyFile}.away`;
    fs.renameSync(keyFile, away);
    try {
      const missing = await assertFieldKeys(ctx.t.db, keyFile).catch((err: Error) => err);
      expect(missing).toBeInstanceOf(MissingFieldKeyError);
      expect((missing as Error).message).toMatch(new RegExp(`encrypted value\\(s\\) in the database need key ${current.id}, but BROBYGGER_KEY_FILE \\(.*\\) does not exist`));
      writeNewKey(keyFile);
      const other = await assertFieldKeys(ctx.t.db, keyFile).catch((err: Error) => err);
      expect((other as Error).message).toContain(`holds key ${readKeyFile(keyFile)!.id}`);

      // A key lost for good: without --yes nothing goes; with it, the unreadable values go, and a start may go on.
      const lines: string[] = [];
      const cli = { db: ctx.t.db, config: ctx.t.app.config, stdin: '', print: (l: string) => lines.push(l) };
      const count = (await storedKeyIds(ctx.t.db)).get(current.id)!;
      expect(await keyForgetUnreadable(cli, [])).toBe(1);
      expect((await storedKeyIds(ctx.t.db)).get(current.id)).toBe(count);
      expect(await keyForgetUnreadable(cli, ['--yes'])).toBe(0);
      expect(lines.at(-1)).toBe(`Removed ${count} value(s) under key ${current.id}. Users without a second factor now enrol again when they sign in.`);
      expect(await storedKeyIds(ctx.t.db)).toEqual(new Map());
      await expect(assertFieldKeys(ctx.t.db, keyFile)).resolves.toBeUndefined();
      // The cases are still there, without the person's name or the address.
      const persons = await ctx.t.db.selectFrom('case_persons').select(['name_encrypted', 'reach_encrypted']).execute();
      expect(persons.length).toBeGreaterThan(0);
      expect(persons.every((p) => p.name_encrypted === null && p.reach_encrypted === null)).toBe(true);
      const audit = await ctx.t.db.selectFrom('audit_log').select('detail').where('action', '=', 'key.forget_unreadable').execute();
      expect(audit).toEqual([{ detail: { values: count } }]);
    } finally {
      fs.rmSync(keyFile, { force: true });
      fs.renameSync(away, keyFile);
    }
  });
});
