import type { Db } from '../../db/connection.js';
import type { AppConfig } from '../../config.js';
import { AppError } from '../../server/errors.js';
import { login, newToken, sha256 } from './service.js';
import { createUser, countUsers } from '../users/service.js';

const SETUP_TOKEN_HOURS = 24;

/**
 * On a database without users, makes a one-time link for creating the first administrator.
 * Returns null when users exist. Only the hash of the token is stored.
 */
export async function issueSetupToken(db: Db): Promise<string | null> {
  if ((await countUsers(db)) > 0) return null;
  const token = newToken();
  await db.deleteFrom('setup_tokens').execute();
  await db.insertInto('setup_tokens').values({ token_hash: sha256(token), expires_at: new Date(Date.now() + SETUP_TOKEN_HOURS * 3_600_000) }).execute();
  return token;
}

export async function completeSetup(db: Db, config: AppConfig, body: { token: string; email: string; displayName: string; password: string }) {
  if ((await countUsers(db)) > 0) throw new AppError(409, 'setup_done');
  const row = await db.selectFrom('setup_tokens').selectAll().where('token_hash', '=', sha256(body.token)).executeTakeFirst();
  if (!row || new Date(row.expires_at).getTime() < Date.now()) throw new AppError(400, 'invalid_setup_token', 'token');
  await createUser(db, null, { email: body.email, displayName: body.displayName, role: 'admin', locale: 'nb', password: body.password, helplineIds: [] });
  await db.deleteFrom('setup_tokens').execute();
  return login(db, config, body.email, body.password);
}
