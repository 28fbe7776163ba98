import type { Db } from '../../db/connection.js';
import { AppError } from '../../server/errors.js';
import type { Locale, Role } from '../../shared/enums.js';
import { hashPassword } from '../auth/service.js';
import { assertStrongPassword } from '../auth/password-strength.js';
import { writeAudit } from '../audit/service.js';
import * as q from './queries.js';

export { countUsers } from './queries.js';

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  locale: Locale;
  password: string;
  helplineIds: string[];
}

/** Postgres' unique_violation: the e-mail index caught what the check before it could not see. */
function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

export async function createUser(db: Db, actorId: string | null, input: NewUser) {
  assertStrongPassword(input.password, [input.email, input.displayName]);
  const passwordHash = await hashPassword(input.password);
  // Two simultaneous requests for one e-mail both pass the check; the unique index stops the
  // second, which must say "taken" like the check does, not fail.
  return db.transaction().execute(async (trx) => {
    if (await q.emailExists(trx, input.email)) throw new AppError(409, 'email_taken', 'email');
    const known = await q.existingHelplineIds(trx, input.helplineIds);
    const unknown = input.helplineIds.find((id) => !known.some((k) => k.id === id));
    if (unknown) throw new AppError(400, 'invalid_value', 'helplineIds');
    const { id } = await q.insertUser(trx, { email: input.email, display_name: input.displayName, password_hash: passwordHash, role: input.role, locale: input.locale });
    await q.setHelplines(trx, id, input.helplineIds);
    await writeAudit(trx, { actorId, action: 'user.create', entity: 'user', entityId: id, detail: { role: input.role, helplineIds: input.helplineIds } });
    return { id, email: input.email, displayName: input.displayName, role: input.role, locale: input.locale, helplineIds: input.helplineIds, disabled: false };
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw new AppError(409, 'email_taken', 'email');
    throw err;
  });
}

export async function listUsers(db: Db) {
  const rows = await q.listUsers(db);
  return rows.map((u) => ({
    id: u.id, email: u.email, displayName: u.display_name, role: u.role as Role, locale: u.locale as Locale, helplineIds: u.helplineIds, disabled: !!u.disabled_at,
    lastLoginAt: u.last_login_at ? new Date(u.last_login_at).toISOString() : null,
  }));
}

export function setUserLocale(db: Db, userId: string, locale: Locale) {
  return q.updateLocale(db, userId, locale);
}
