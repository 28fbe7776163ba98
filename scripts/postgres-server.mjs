// A throwaway PostgreSQL server: its own data directory in /tmp, loopback only, a free port,
// fsync on like production. Shared by `npm run test:pg` (scripts/with-postgres.mjs) and the
// benchmarks (bench/postgres.ts). The server and its directory go away with stop().
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Server binaries: PG_BINDIR, pg_config, else the newest /usr/lib/postgresql/N/bin with an initdb. */
export function findBindir() {
  const candidates = process.env.PG_BINDIR ? [process.env.PG_BINDIR] : [];
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromConfig.status === 0) candidates.push(fromConfig.stdout.trim());
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) candidates.push(...fs.readdirSync(debian).sort((a, b) => Number(b) - Number(a)).map((v) => path.join(debian, v, 'bin')));
  // pg_config may come from libpq-dev without the server: require initdb next to it.
  const dir = candidates.find((d) => fs.existsSync(path.join(d, 'initdb')));
  if (!dir) throw new Error('PostgreSQL server binaries not found (install the postgresql package or set PG_BINDIR)');
  return dir;
}

/** A port nobody listens on right now (the tiny race until postgres binds it is acceptable here). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts the server with extra `-c` settings; resolves to { url, base, port, bindir, dataDir, socketDir, stop }
 * (socketDir holds its Unix socket, `.s.PGSQL.<port>`).
 * `url` points at the `postgres` database, `base` has no database name.
 */
export async function startThrowawayPostgres({ settings = [], prefix = 'bb-pg-' } = {}) {
  const bindir = findBindir();
  const isRoot = process.getuid?.() === 0;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dataDir = path.join(tmp, 'data');
  const logFile = path.join(tmp, 'postgres.log');
  // PostgreSQL refuses to run as root: as root, the directory belongs to and the binaries run as `postgres`.
  if (isRoot) {
    const id = (flag) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout);
    if (!id('-u')) throw new Error('running as root needs a "postgres" system user');
    fs.chownSync(tmp, id('-u'), id('-g'));
  }
  const run = (bin, args) => {
    const file = path.join(bindir, bin);
    const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
    // cwd: the postgres user may not be allowed into the caller's directory.
    const res = spawnSync(cmd, argv, { cwd: tmp, encoding: 'utf8' });
    if (res.status !== 0) {
      const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
      throw new Error(`${bin} ${args[0]} failed (${res.status}):\n${res.stdout}${res.stderr}${log}`);
    }
    return res.stdout;
  };
  let started = false;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      // fast: rolls back open transactions and disconnects clients instead of waiting for them.
      if (started) run('pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w']);
    } catch (err) {
      console.error(String(err));
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    const port = await freePort();
    run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
    // Loopback only, sockets in our own directory (not /var/run/postgresql).
    const opts = [`-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${tmp} -c fsync=on`, ...settings.map((s) => `-c ${s}`)].join(' ');
    started = true;
    run('pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', opts]);
    const base = `postgres://postgres@127.0.0.1:${port}`;
    return { url: `${base}/postgres`, base, port, bindir, dataDir, socketDir: tmp, stop };
  } catch (err) {
    stop();
    throw err;
  }
}
