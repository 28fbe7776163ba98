// Starts one real server on a fresh PGlite data dir with the users the tests sign in as.
import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { cli, createUser, enrolSecondFactor, freshDataDir, startServer } from './support/server.js';
import { forgetSecrets } from './support/two-factor.js';

export const USERS = {
  counsellor: 'counsellor@e2e.example.org',
  admin: 'admin@e2e.example.org',
  /** A counsellor who has not set up two-factor sign-in: e2e/two-factor.e2e.ts enrols them in the browser. */
  newcomer: 'newcomer@e2e.example.org',
  coordinator: 'coordinator@e2e.example.org',
};

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    users: typeof USERS;
  }
}

/** Users and demo data first: PGlite lets only one process open the data dir, so the server comes last. */
async function prepare(dataDir: string) {
  await createUser(dataDir, USERS.counsellor, 'counsellor');
  await createUser(dataDir, USERS.admin, 'admin');
  await createUser(dataDir, USERS.newcomer, 'counsellor');
  await createUser(dataDir, USERS.coordinator, 'coordinator');
  // The synthetic demo year: the dashboard is checked with real tables and charts, and a new
  // contact must raise a count that is not zero.
  await cli(dataDir, ['demo']);
  return startServer(dataDir);
}

export default async function setup(project: TestProject) {
  const dataDir = freshDataDir('bb-e2e-');
  const server = await prepare(dataDir).catch((err: unknown) => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });
  // The counsellor and the coordinator sign in with a second factor from the start, as every role
  // that reads contacts must (the newcomer enrols in the browser, in e2e/two-factor.e2e.ts).
  await enrolSecondFactor(server.url, USERS.counsellor);
  await enrolSecondFactor(server.url, USERS.coordinator);
  project.provide('baseUrl', server.url);
  project.provide('users', USERS);
  return async () => {
    await server.stop();
    forgetSecrets(server.url);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
