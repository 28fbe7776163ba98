import crypto from 'node:crypto';
import type pg from 'pg';

/**
 * Marks a statement that runs on almost every request (a page of the list, opening a contact, a
 * session): put at the end of its SQL, it makes each PostgreSQL connection parse and plan the
 * statement once and afterwards only bind and run it. Under a full shift, parsing, analysing and
 * planning took a third of the database server's CPU (perf, issue 8).
 *
 * Only statements whose text is one of a few fixed shapes are marked: every distinct text stays
 * prepared on every connection for as long as the connection lives. A marked statement keeps its
 * plan choice to PostgreSQL (plan_cache_mode auto: custom plans first, a generic one only when
 * it costs no more), so a marked statement never gets a plan a fresh one would not.
 */
export const PREPARED = '/*prepared*/';

const names = new Map<string, string>();
const preparing = new WeakSet<pg.Pool>();

/** The statement's name on every connection: from its text, so all connections agree. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `bb_${crypto.createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

type Query = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/** Runs statements that end with PREPARED as named prepared statements on this pool's connections. */
export function prepareMarkedStatements(pool: pg.Pool): pg.Pool {
  if (preparing.has(pool)) return pool;
  preparing.add(pool);
  pool.on('connect', (client) => {
    const query = client.query as unknown as Query;
    (client as unknown as { query: Query }).query = function (this: pg.PoolClient, config, values, callback) {
      if (typeof config === 'string' && config.endsWith(PREPARED) && Array.isArray(values)) {
        return query.call(this, { name: nameOf(config), text: config, values }, callback);
      }
      return query.call(this, config, values, callback);
    };
  });
  return pool;
}
