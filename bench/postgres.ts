import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

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
  /** Creates an empty database and returns its URL. */
  createDatabase: (name: string) => Promise<string>;
  stop: () => void;
}

export function findBindir(): string | null {
  const root = '/usr/lib/postgresql';
  const fromEnv = process.env.PG_BINDIR ? [process.env.PG_BINDIR] : [];
  const debian = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)).map((v) => path.join(root, v, 'bin')) : [];
  return [...fromEnv, ...debian].find((d) => fs.existsSync(path.join(d, 'initdb'))) ?? null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

// Production-like: fsync and synchronous_commit stay on; only memory and checkpoint spacing are
// raised from the tiny defaults so a 1M-row load is not dominated by forced checkpoints.
const SETTINGS = ['shared_buffers=512MB', 'max_wal_size=4GB', 'max_connections=100', 'fsync=on', 'synchronous_commit=on'];

export async function startPostgres(): Promise<PgServer> {
  const bindir = findBindir();
  if (!bindir) throw new Error('PostgreSQL server binaries not found (set PG_BINDIR)');
  const isRoot = process.getuid?.() === 0;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-pg-'));
  const dataDir = path.join(tmp, 'data');
  const logFile = path.join(tmp, 'postgres.log');
  if (isRoot) {
    // PostgreSQL refuses root: the directory belongs to, and the binaries run as, `postgres`.
    const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout);
    if (!id('-u')) throw new Error('running as root needs a "postgres" system user');
    fs.chownSync(tmp, id('-u'), id('-g'));
  }
  const run = (bin: string, args: string[]) => {
    const file = path.join(bindir, bin);
    const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
    const res = spawnSync(cmd, argv, { cwd: tmp, encoding: 'utf8' });
    if (res.status !== 0) {
      const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
      throw new Error(`${bin} failed (${res.status}):\n${res.stdout}${res.stderr}${log}`);
    }
    return res.stdout;
  };

  let started = false;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      if (started) run('pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w']);
    } catch (err) {
      console.error(String(err));
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.once('exit', stop);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => { stop(); process.exit(130); });

  try {
    const port = await freePort();
    run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
    const opts = [`-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${tmp}`, ...SETTINGS.map((s) => `-c ${s}`)].join(' ');
    started = true;
    run('pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', opts]);
    const base = `postgres://postgres@127.0.0.1:${port}`;
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
    return { base, bindir, version: rows[0].server_version, settings: SETTINGS.join(', '), pids, createDatabase, stop };
  } catch (err) {
    stop();
    throw err;
  }
}
