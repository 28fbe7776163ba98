import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../test/db.js';
import { driverOf, sideBySide, type Db } from './connection.js';

/**
 * A request's independent statements run side by side on the pool while its queue is short, and
 * on one connection once as many requests wait as the pool has connections (issue 8).
 */
let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => ({ db, drop } = await freshDb()));
afterAll(() => drop());

const backend = (on: Db) => sql<{ pid: number }>`SELECT pg_backend_pid() AS pid, pg_sleep(0.05)`.execute(on).then((r) => r.rows[0].pid);
const threeAtOnce = (on: Db) => Promise.all([backend(on), backend(on), backend(on)]);

describe('statements side by side', () => {
  it('answer on either engine', async () => {
    const pids = await sideBySide(db, threeAtOnce);
    expect(pids).toHaveLength(3);
    expect(pids.every((p) => Number.isInteger(p))).toBe(true);
  });

  it.runIf(process.env.TEST_DATABASE_URL)('use three connections while the pool has them free, one while many requests queue', async () => {
    expect(new Set(await sideBySide(db, threeAtOnce)).size).toBe(3);

    // Every connection busy and a request waiting: the three statements share one connection.
    const driver = driverOf(db);
    if (driver.engine !== 'postgres') throw new Error('PostgreSQL expected');
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    const holders = Array.from({ length: 2 * driver.pool.options.max }, () => db.connection().execute(() => held));
    await new Promise((r) => setTimeout(r, 100));
    expect(driver.pool.waitingCount).toBe(driver.pool.options.max);
    const queued = sideBySide(db, threeAtOnce);
    release();
    await Promise.all(holders);
    expect(new Set(await queued).size).toBe(1);
  });
});
