import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startThrowawayPostgres } from '../scripts/postgres-server.mjs';

/**
 * A throwaway PostgreSQL server for the benchmarks: its own data directory in /tmp, loopback
 * only, a free port, stopped and removed by `stop()` (and by an exit hook, whatever happens).
 */
export interface PgServer {
  /** Server URL without a database name (append `/dbname`). */
  base: string;
  bindir: string;
  version: string;
  /** The settings the server was started with, for the report. */
  settings: string;
  /** Process ids of the server and its backends (for CPU accounting). */
  pids: () => number[];
  /**
   * The URL of a database over the server's Unix socket instead of TCP (same host only): each
   * statement's send costs the node less than through the loopback's TCP stack.
   */
  socketUrl: (name: string) => string;
  /** Creates an empty database and returns its URL. */
  createDatabase: (name: string) => Promise<string>;
  stop: () => void;
}

// Production-like: fsync and synchronous_commit stay on; only memory and checkpoint spacing are
// raised from the tiny defaults so a 1M-row load is not dominated by forced checkpoints.
const SETTINGS = ['shared_buffers=512MB', 'max_wal_size=4GB', 'max_connections=100', 'fsync=on', 'synchronous_commit=on',
  // BENCH_PG_STATEMENTS=1: the full shift prints the statements that took the server's time.
  ...(process.env.BENCH_PG_STATEMENTS ? ['shared_preload_libraries=pg_stat_statements'] : []),
  // BENCH_PG_SETTINGS='log_min_duration_statement=1000;log_lock_waits=on': more server settings,
  // e.g. to find in its log (postgres.log in the server's /tmp/bb-bench-pg-* folder) what waited.
  ...(process.env.BENCH_PG_SETTINGS ?? '').split(';').map((x) => x.trim()).filter(Boolean)];

export async function startPostgres(): Promise<PgServer> {
  const server = await startThrowawayPostgres({ settings: SETTINGS, prefix: 'bb-bench-pg-' });
  const { base, bindir, dataDir, socketDir, port } = server;
  const socketUrl = (name: string) => `postgres://postgres@/${name}?host=${encodeURIComponent(socketDir)}&port=${port}`;
  const stop = server.stop;
  process.once('exit', stop);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => { stop(); process.exit(130); });
  try {
    const admin = new pg.Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    const { rows } = await admin.query<{ server_version: string }>('SHOW server_version');
    await admin.end();
    const createDatabase = async (name: string) => {
      const c = new pg.Client({ connectionString: `${base}/postgres` });
      await c.connect();
      await c.query(`CREATE DATABASE ${name}`);
      await c.end();
      return `${base}/${name}`;
    };
    const pids = () => {
      try {
        const main = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
        const children = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).filter((d) => {
          try {
            return Number(fs.readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === main;
          } catch {
            return false;
          }
        });
        return [main, ...children.map(Number)];
      } catch {
        return [];
      }
    };
    return { base, bindir, version: rows[0].server_version, settings: SETTINGS.join(', '), pids, socketUrl, createDatabase, stop };
  } catch (err) {
    stop();
    throw err;
  }
}
