import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import { driverOf, type Db } from './connection.js';
import type { Database } from './types.js';

/** Loads rows, already in COPY's text format (see `copyLine`), into the table's columns. */
export type CopyIn = (table: string, columns: readonly string[], text: string) => Promise<void>;

/**
 * Runs `fn` in one transaction that can also bulk-load rows with COPY, the cheapest way into
 * PostgreSQL: no statement to parse and no parameter arrays to build in Node or unpack in the
 * server. Kysely has no COPY, so on PostgreSQL the transaction runs on one connection taken from
 * the pool, with a Kysely bound to just that connection; PGlite has a single session anyway and
 * reads COPY data from a blob.
 */
export async function transactionWithCopy<T>(db: Db, fn: (trx: Transaction<Database>, copyIn: CopyIn) => Promise<T>): Promise<T> {
  const driver = driverOf(db);
  const statement = (table: string, columns: readonly string[], source: string) => `COPY ${table} (${columns.join(', ')}) FROM ${source}`;
  if (driver.engine === 'pglite') {
    const copyIn = inOrder(async (table, columns, text) => {
      await driver.client.query(statement(table, columns, "'/dev/blob'"), [], { blob: new Blob([text]) });
    });
    return db.transaction().execute((trx) => fn(trx, copyIn));
  }
  const client = await driver.pool.connect();
  let broken: Error | undefined;
  const single = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: { connect: async () => ({ query: client.query.bind(client), release: () => undefined }), end: async () => undefined } as never }),
  });
  const copyIn = inOrder((table, columns, text) => pipeline(Readable.from([text]), client.query(copyFrom(statement(table, columns, 'STDIN')))));
  try {
    return await single.transaction().execute((trx) => fn(trx, copyIn));
  } catch (err) {
    broken = err instanceof Error ? err : new Error(String(err));
    throw err;
  } finally {
    // A connection whose transaction failed mid-COPY is not handed back to the pool for reuse.
    client.release(broken);
  }
}

/** Runs COPYs one after the other in the order they were asked for (a connection does one at a time). */
function inOrder(copy: CopyIn): CopyIn {
  let tail: Promise<unknown> = Promise.resolve();
  return (table, columns, text) => {
    const done = tail.then(() => copy(table, columns, text));
    tail = done.catch(() => undefined);
    return done;
  };
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One row in COPY's text format: tab-separated, `\N` for null, backslash escapes. */
export function copyLine(values: readonly (string | number | null | undefined)[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) line += '\t';
    if (v === null || v === undefined) line += '\\N';
    else if (typeof v === 'number') line += String(v);
    else line += /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : v;
  }
  return `${line}\n`;
}
