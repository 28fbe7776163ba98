import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../test/db.js';
import type { Db } from './connection.js';
import { copyLine, transactionWithCopy } from './copy.js';

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await freshDb());
  await sql`CREATE TABLE copy_probe (id int PRIMARY KEY, note text)`.execute(db);
});
afterAll(async () => { await drop(); });

const notes = async () => (await sql<{ id: number; note: string | null }>`SELECT id, note FROM copy_probe ORDER BY id`.execute(db)).rows;

describe('COPY inside a transaction', () => {
  it('loads text exactly, nulls included, and commits with the statements around it', async () => {
    await transactionWithCopy(db, async (trx, copyIn) => {
      await copyIn('copy_probe', ['id', 'note'], copyLine([1, 'tab\there, line\nbreak, back\\slash, \\N, æøå']) + copyLine([2, null]));
      await sql`INSERT INTO copy_probe VALUES (3, 'from SQL')`.execute(trx);
    });
    expect(await notes()).toEqual([{ id: 1, note: 'tab\there, line\nbreak, back\\slash, \\N, æøå' }, { id: 2, note: null }, { id: 3, note: 'from SQL' }]);
  });

  it('a refused COPY takes back the whole transaction, and the database keeps working', async () => {
    const before = await notes();
    const attempt = transactionWithCopy(db, async (trx, copyIn) => {
      await sql`INSERT INTO copy_probe VALUES (10, 'before the failure')`.execute(trx);
      await copyIn('copy_probe', ['id', 'note'], copyLine([11, 'fine']) + copyLine([1, 'duplicate key']));
    });
    await expect(attempt).rejects.toThrow(/duplicate key|unique/i);
    expect(await notes()).toEqual(before);
    // Every pooled connection still answers (a broken one was not handed back).
    const answers = await Promise.all(Array.from({ length: 12 }, () => sql<{ one: number }>`SELECT 1 AS one`.execute(db)));
    expect(answers.every((a) => a.rows[0].one === 1)).toBe(true);
  });

  it('an error in the caller takes back the COPYs already done', async () => {
    const before = await notes();
    await expect(transactionWithCopy(db, async (_trx, copyIn) => {
      await copyIn('copy_probe', ['id', 'note'], copyLine([20, 'loaded']));
      throw new Error('a bad row later in the file');
    })).rejects.toThrow('a bad row later in the file');
    expect(await notes()).toEqual(before);
  });
});
