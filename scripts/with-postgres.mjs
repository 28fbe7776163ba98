#!/usr/bin/env node
// Usage: node scripts/with-postgres.mjs <command...>
// Runs the command against a throwaway PostgreSQL server (TEST_DATABASE_URL), so the integration
// suite can prove it works on real PostgreSQL as well as PGlite, with nothing to set up by hand.
// The server and its data directory are removed afterwards, whatever the outcome.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: node scripts/with-postgres.mjs <command...>');
  process.exit(2);
}

/** Server binaries: pg_config knows where Debian puts them; else the newest /usr/lib/postgresql/N/bin. */
function findBindir() {
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const candidates = fromConfig.status === 0 ? [fromConfig.stdout.trim()] : [];
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    const versions = fs.readdirSync(debian).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, 'bin')));
  }
  // pg_config may come from libpq-dev without the server: require initdb next to it.
  const dir = candidates.find((d) => fs.existsSync(path.join(d, 'initdb')));
  if (!dir) throw new Error('PostgreSQL server binaries not found (install the postgresql package)');
  return dir;
}

/** A port nobody listens on right now (the tiny race until postgres binds it is acceptable for tests). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const bindir = findBindir();
const isRoot = process.getuid?.() === 0;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-pg-'));
const dataDir = path.join(tmp, 'data');
const logFile = path.join(tmp, 'postgres.log');

// PostgreSQL refuses to run as root: as root, the directory belongs to and the binaries run as `postgres`.
if (isRoot) {
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout);
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout);
  if (!uid) throw new Error('running as root needs a "postgres" system user');
  fs.chownSync(tmp, uid, gid);
}

function pg(bin, args) {
  const file = path.join(bindir, bin);
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  // cwd: the postgres user may not be allowed into the caller's directory.
  const res = spawnSync(cmd, argv, { cwd: tmp, encoding: 'utf8' });
  if (res.status !== 0) {
    const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
    throw new Error(`${bin} ${args[0]} failed (${res.status}):\n${res.stdout}${res.stderr}${log}`);
  }
}

let started = false;
let cleaned = false;
function cleanup() {
  if (cleaned) return;
  cleaned = true;
  try {
    // fast: rolls back open transactions and disconnects test clients instead of waiting for them.
    if (started) pg('pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w']);
  } catch (err) {
    console.error(String(err));
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

let exitCode = 1;
try {
  const port = await freePort();
  pg('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
  // Loopback only, sockets in our own directory (not /var/run/postgresql), fsync on like production.
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${tmp} -c fsync=on`;
  started = true;
  pg('pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', opts]);

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  console.log(`with-postgres: PostgreSQL (${bindir}) at ${url}`);
  const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: url } });
  // Ctrl+C reaches the child through the terminal; a plain kill of this script is passed on.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  exitCode = await new Promise((resolve) => {
    child.on('error', (err) => {
      console.error(`with-postgres: cannot run ${command[0]}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? 128 + (os.constants.signals[signal] ?? 0)));
  });
} catch (err) {
  console.error(`with-postgres: ${err.message}`);
} finally {
  cleanup();
}
process.exit(exitCode);
