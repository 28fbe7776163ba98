#!/usr/bin/env node
// Usage: node scripts/with-postgres.mjs <command...>
// Runs the command against a throwaway PostgreSQL server (TEST_DATABASE_URL), so the integration
// suite can prove it works on real PostgreSQL as well as PGlite, with nothing to set up by hand.
// The server and its data directory are removed afterwards, whatever the outcome.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { startThrowawayPostgres } from './postgres-server.mjs';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: node scripts/with-postgres.mjs <command...>');
  process.exit(2);
}

let exitCode = 1;
let server;
try {
  server = await startThrowawayPostgres();
  console.log(`with-postgres: PostgreSQL (${server.bindir}) at ${server.url}`);
  const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: server.url } });
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
  server?.stop();
}
process.exit(exitCode);
