import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { to as copyTo } from 'pg-copy-streams';
import { driverOf, type Db } from '../../db/connection.js';

/** What a backup reads inside one snapshot: plain queries and COPY … TO in COPY's text format. */
export interface SnapshotReader {
  query<R>(text: string): Promise<R[]>;
  copyOut(table: string, columns: readonly string[]): Promise<Buffer>;
}

const copyStatement = (table: string, columns: readonly string[]) => `COPY ${quote(table)} (${columns.map(quote).join(', ')}) TO`;
export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Runs `fn` in one REPEATABLE READ, READ ONLY transaction: every table is read as of the same
 * moment while the server goes on writing (PostgreSQL's MVCC; on PGlite the single connection is
 * held for the backup, so requests wait for it rather than see it half-done).
 */
export async function inSnapshot<T>(db: Db, fn: (reader: SnapshotReader) => Promise<T>): Promise<T> {
  const driver = driverOf(db);
  if (driver.engine === 'pglite') {
    return db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
      await sql`SET TRANSACTION READ ONLY`.execute(trx);
      return fn({
        query: async <R>(text: string) => (await sql.raw<R>(text).execute(trx)).rows,
        copyOut: async (table, columns) => {
          // Inside the Kysely transaction, which holds PGlite's one connection for us.
          const result = await driver.client.query(`${copyStatement(table, columns)} '/dev/blob'`);
          return result.blob ? Buffer.from(await result.blob.arrayBuffer()) : Buffer.alloc(0);
        },
      });
    });
  }
  const client = await driver.pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const result = await fn({
      query: async <R>(text: string) => (await client.query(text)).rows as R[],
      copyOut: async (table, columns) => {
        const chunks: Buffer[] = [];
        await pipeline(client.query(copyTo(`${copyStatement(table, columns)} STDOUT`)), new Writable({ write: (chunk, _enc, done) => (chunks.push(chunk), done()) }));
        return Buffer.concat(chunks);
      },
    });
    await client.query('COMMIT');
    return result;
  } catch (err) {
    broken = err instanceof Error ? err : new Error(String(err));
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release(broken);
  }
}
