import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../test/db.js';
import type { Db } from './connection.js';
import { PREPARED } from './prepared.js';

/**
 * Statements marked PREPARED are parsed and planned once per PostgreSQL connection (issue 8); on
 * either engine they answer exactly as unmarked ones, errors included.
 */
let db: Db;
let engine: 'pglite' | 'postgres';
let drop: () => Promise<void>;
beforeAll(async () => ({ db, engine, drop } = await freshDb()));
afterAll(() => drop());

const double = (n: number) => sql<{ n: number }>`SELECT ${n}::int * 2 AS n ${sql.raw(PREPARED)}`;

describe('statements marked as prepared', () => {
  it('give the same answers, each time with its own values', async () => {
    expect((await double(2).execute(db)).rows).toEqual([{ n: 4 }]);
    expect((await double(21).execute(db)).rows).toEqual([{ n: 42 }]);
  });

  it('fail as any statement does, and the next one runs', async () => {
    const bad = sql`SELECT ${'not a number'}::int AS n ${sql.raw(PREPARED)}`;
    await expect(bad.execute(db)).rejects.toThrow(/invalid input syntax for type integer/);
    expect((await double(5).execute(db)).rows).toEqual([{ n: 10 }]);
  });

  it.runIf(process.env.TEST_DATABASE_URL)('are prepared once on each PostgreSQL connection', async () => {
    expect(engine).toBe('postgres');
    await db.connection().execute(async (c) => {
      await double(1).execute(c);
      await double(3).execute(c);
      const { rows } = await sql<{ name: string; statement: string }>`SELECT name, statement FROM pg_prepared_statements`.execute(c);
      const mine = rows.filter((r) => r.statement.endsWith(PREPARED) && r.statement.includes('* 2 AS n'));
      expect(mine).toHaveLength(1);
      expect(mine[0].name).toMatch(/^bb_/);
    });
  });
});
