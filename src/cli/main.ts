import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { startServer, prepareDb } from '../server/start.js';
import { issueSetupToken } from '../modules/auth/setup.js';
import { runUserCreate } from './user-create.js';
import { userManageCommands } from './user-manage.js';
import { loadDemoData } from '../modules/demo/service.js';
import { applyRetention } from '../modules/retention/service.js';

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
  demo                           load the synthetic demo year into the database, then exit
  setup-link                     print a one-time link to create the first administrator
  retention                      apply retention now (a running server does it hourly), then exit
`;

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'start': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean', default: false } } });
      const { db, engine, app } = await startServer(config);
      if (values.demo) {
        const n = await loadDemoData(db);
        console.log(n ? `Loaded the synthetic demo year: ${n} contacts (marked source=demo).` : 'Demo data already loaded.');
      }
      const token = await issueSetupToken(db);
      console.log(`Brobygger is running at ${config.publicUrl} (database: ${engine === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'})`);
      if (token) console.log(`No users yet. Create the first administrator here (valid 24 hours):\n  ${config.publicUrl}/setup?token=${token}`);
      app.log.debug('started');
      return;
    }
    case 'migrate': {
      const { db } = await prepareDb(config);
      await db.destroy();
      console.log('Database is up to date.');
      return;
    }
    case 'demo': {
      const { db } = await prepareDb(config);
      const n = await loadDemoData(db);
      await db.destroy();
      console.log(n ? `Loaded ${n} synthetic demo contacts.` : 'Demo data already loaded.');
      return;
    }
    case 'setup-link': {
      const { db } = await prepareDb(config);
      const token = await issueSetupToken(db);
      await db.destroy();
      console.log(token ? `${config.publicUrl}/setup?token=${token}` : 'Users exist already: no setup link.');
      return;
    }
    case 'retention': {
      const { db } = await prepareDb(config);
      const result = await applyRetention(db, { sessionIdleMs: config.sessionIdleMs });
      await db.destroy();
      if (!result) console.log('Another node is applying retention right now.');
      else {
        console.log(`Expired sessions deleted: ${result.sessionsDeleted}`);
        for (const h of result.helplines) {
          console.log(`${h.helplineId}: summaries of contacts before ${h.before} blanked: ${h.summariesBlanked}; edit histories deleted: ${h.revisionsDeleted}`);
        }
      }
      return;
    }
    case 'user': {
      // Temporary dispatch until the CLI runs commands inside a running server too.
      const manage = userManageCommands[rest[0] ?? ''];
      if (manage) {
        const { db } = await prepareDb(config);
        let code = 1;
        try {
          code = await manage({ db, config, stdin: '', print: (line) => console.log(line) }, rest.slice(1));
        } finally {
          await db.destroy();
        }
        // After closing: PGlite's runtime resets the exit code when it shuts down.
        process.exitCode = code;
        return;
      }
      if (rest[0] !== 'create') break;
      await runUserCreate(config, rest.slice(1));
      return;
    }
  }
  process.stdout.write(HELP);
  process.exitCode = command ? 1 : 0;
}

main(process.argv.slice(2)).catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
