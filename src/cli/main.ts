import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type AppConfig } from '../config.js';
import { errorMessageForTerminal, serializeError } from '../server/logging.js';
import { startServer, prepareDb } from '../server/start.js';
import { issueSetupToken } from '../modules/auth/setup.js';
import { loadDemoData } from '../modules/demo/service.js';
import type { Db } from '../db/connection.js';
import { DataDirBusyError } from '../db/data-dir-lock.js';
import { DamagedDatabaseError } from '../db/integrity-files.js';
import { COMMANDS, READS_STDIN, findCommand, withAbsoluteFiles } from './registry.js';
import { NoControlChannelError, forwardToServer, serveControlChannel, type ControlRequest } from './control-channel.js';

const HELP = `brobygger <command>

  start [--demo]                 start the server (migrates, loads data/helplines); --demo adds a synthetic year
  migrate                        run database migrations and load helpline files, then exit
  user create --email E --role R [--name N] [--helpline ID ...] [--locale nb|da|en]
                                 create a user; the password is read from stdin
  user list                      users with role, helplines, status and last sign-in
  user set-role --email E --role R
  user set-helplines --email E (--helpline ID ... | --none)
  user deactivate --email E      (sessions end at once)    user reactivate --email E
  user reset-link --email E      print a one-time link for the user to set a new password
  user reset-second-factor --email E
                                 remove the user's app, recovery codes and passkeys (sessions end)
  demo                           load the synthetic demo year into the database, then exit
  setup-link                     print a one-time link to create the first administrator
  retention                      apply retention now (a running server does it hourly), then exit
  audit verify [--anchors FILE]  verify the audit log's hash chain, and against the anchors in FILE
                                 (default AUDIT_ANCHOR_FILE)
  key status                     which field-encryption key is current, and how many values each key holds
  key rotate                     make a new field-encryption key and re-encrypt every value under it
  key forget-unreadable [--yes]  remove the values under a key lost for good (the start refuses while they exist)
  backup FILE                    write a backup of the whole database to FILE (while the server runs, too)
  restore FILE                   replace everything in the database by the backup in FILE, all or nothing
  check                          check that the database is whole; exits non-zero if it is damaged

While a server runs on the embedded database (DATA_DIR), the other commands are carried out by
that server. With DATABASE_URL set, they connect to PostgreSQL themselves.
`;

const print = (line: string) => process.stdout.write(`${line}\n`);
const printErr = (line: string) => process.stderr.write(`${line}\n`);

/** Runs one registered command on an open database; what a running server does for the CLI, too. */
async function runRequest(db: Db, config: AppConfig, request: ControlRequest, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const found = findCommand(request.argv);
  if (!found) {
    err(`Unknown command: ${request.argv.slice(0, 2).join(' ')}`);
    return 1;
  }
  return found.command({ db, config, stdin: request.stdin, print: out }, found.args);
}

/** Standard input, for the commands that take a secret there; others never wait for it (cron, scripts). */
async function readStdin(words: string): Promise<string> {
  if (!READS_STDIN.has(words)) return '';
  if (process.stdin.isTTY) process.stderr.write('Password (then Enter and Ctrl-D): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function start(config: AppConfig, rest: string[]): Promise<void> {
  const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean', default: false } } });
  const { db, engine, app } = await startServer(config);
  if (values.demo) {
    const n = await loadDemoData(db);
    console.log(n ? `Loaded the synthetic demo year: ${n} contacts (marked source=demo).` : 'Demo data already loaded.');
  }
  if (engine === 'pglite') {
    // The CLI reaches the database through this server while it holds the directory.
    await serveControlChannel(config.dataDir, (request, out, err) => {
      app.log.info({ command: findCommand(request.argv)?.words ?? 'unknown' }, 'command from the CLI');
      return runRequest(db, config, request, out, err);
    });
  }
  const token = await issueSetupToken(db);
  console.log(`Brobygger is running at ${config.publicUrl} (database: ${engine === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'})`);
  if (token) console.log(`No users yet. Create the first administrator here (valid 24 hours):\n  ${config.publicUrl}/setup?token=${token}`);
}

async function main(argv: string[]): Promise<number | undefined> {
  const config = loadConfig();
  if (argv[0] === 'start') {
    await start(config, argv.slice(1));
    return undefined; // keeps serving
  }
  const found = findCommand(argv, COMMANDS);
  if (!found) {
    process.stdout.write(HELP);
    return argv.length ? 1 : 0;
  }
  const args = withAbsoluteFiles(found.words, found.args, (file) => path.resolve(file));
  const request: ControlRequest = { argv: [...found.words.split(' '), ...args], stdin: await readStdin(found.words) };
  let db: Db;
  try {
    ({ db } = await prepareDb(config));
  } catch (err) {
    // A server holds the embedded database: it runs the command for us.
    if (!(err instanceof DataDirBusyError) || !err.owner.command.startsWith('start')) throw err;
    try {
      return await forwardToServer(config.dataDir, request, { out: print, err: printErr });
    } catch (channelError) {
      if (channelError instanceof NoControlChannelError) throw new Error(`${err.message} It does not answer commands: ${channelError.message}.`);
      throw channelError;
    }
  }
  try {
    return await runRequest(db, config, request, print, printErr);
  } finally {
    await db.destroy();
  }
}

// Node would print a crashing error whole, with the query parameters a database error carries.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (err: unknown) => {
    console.error(`${event}: ${JSON.stringify(serializeError(err))}`);
    process.exit(1);
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (err: Error) => {
    // Never the values a database error carries (a password's user, an e-mail): see logging.ts.
    console.error(errorMessageForTerminal(err));
    process.exit(err instanceof DamagedDatabaseError ? 2 : 1);
  },
);
