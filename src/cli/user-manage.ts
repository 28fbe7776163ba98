import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliCommand, CliContext } from './command.js';
import { AppError } from '../server/errors.js';
import { ROLES, type Role } from '../shared/enums.js';
import { fieldLabel, formatMessage } from '../shared/i18n/messages.js';
import { listUsers } from '../modules/users/service.js';
import { deactivateUser, reactivateUser, updateUser } from '../modules/users/manage.js';
import { issuePasswordResetLink } from '../modules/users/password-reset.js';
import { emailExists } from '../modules/users/queries.js';
import { resetSecondFactor } from '../modules/auth/second-factor.js';

/**
 * `brobygger user <list|set-role|set-helplines|deactivate|reactivate|reset-link|reset-second-factor>`: the same user
 * management as the web app's users page, through the same service functions, so the same rules
 * (last administrator kept, sessions ended at once) and the same audit entries apply. The audit
 * actor is empty: whoever runs the CLI has the server's shell, not an account.
 */

type Options = NonNullable<ParseArgsConfig['options']>;

/** Runs `body` with parsed flags; a wrong flag or a refused change is one line and exit code 1. */
function command(options: Options, body: (ctx: CliContext, values: Record<string, string | string[] | boolean | undefined>) => Promise<number>): CliCommand {
  return async (ctx, args) => {
    try {
      const { values } = parseArgs({ args, options, strict: true, allowPositionals: false });
      return await body(ctx, values as Record<string, string | string[] | boolean | undefined>);
    } catch (err) {
      if (err instanceof AppError) ctx.print(formatMessage('en', err.code, { ...err.params, field: fieldLabel('en', err.field ?? '') }));
      else if (err instanceof TypeError || err instanceof UsageError) ctx.print(err.message);
      else throw err;
      return 1;
    }
  };
}

class UsageError extends Error {}

async function userIdOf(ctx: CliContext, email: unknown): Promise<string> {
  if (typeof email !== 'string' || !email) throw new UsageError('--email is required.');
  const row = await emailExists(ctx.db, email);
  if (!row) throw new UsageError(`No user has the e-mail ${email}.`);
  return row.id;
}

function roleOf(value: unknown): Role {
  if (!ROLES.includes(value as Role)) throw new UsageError(`--role must be one of: ${ROLES.join(', ')}.`);
  return value as Role;
}

const list = command({}, async (ctx) => {
  const users = await listUsers(ctx.db);
  ctx.print(['e-mail', 'role', 'helplines', 'status', 'last sign-in'].join('\t'));
  for (const u of users) {
    ctx.print([u.email, u.role, u.helplineIds.join(',') || '-', u.disabled ? 'deactivated' : 'active', u.lastLoginAt ?? 'never'].join('\t'));
  }
  return 0;
});

const setRole = command({ email: { type: 'string' }, role: { type: 'string' } }, async (ctx, v) => {
  const id = await userIdOf(ctx, v.email);
  const role = roleOf(v.role);
  await updateUser(ctx.db, null, id, { role });
  ctx.print(`${v.email} is now ${role}; their sessions have ended.`);
  return 0;
});

const setHelplines = command({ email: { type: 'string' }, helpline: { type: 'string', multiple: true, default: [] }, none: { type: 'boolean', default: false } }, async (ctx, v) => {
  const id = await userIdOf(ctx, v.email);
  const helplineIds = v.helpline as string[];
  // No helpline at all must be asked for explicitly, not the result of a forgotten flag.
  if (!helplineIds.length && !v.none) throw new UsageError('Give --helpline ID (repeatable), or --none for no helplines.');
  if (helplineIds.length && v.none) throw new UsageError('Give either --helpline or --none, not both.');
  await updateUser(ctx.db, null, id, { helplineIds });
  ctx.print(`${v.email} now works on: ${helplineIds.join(', ') || 'no helplines'}.`);
  return 0;
});

const deactivate = command({ email: { type: 'string' } }, async (ctx, v) => {
  await deactivateUser(ctx.db, null, await userIdOf(ctx, v.email));
  ctx.print(`${v.email} is deactivated; their sessions have ended.`);
  return 0;
});

const reactivate = command({ email: { type: 'string' } }, async (ctx, v) => {
  await reactivateUser(ctx.db, null, await userIdOf(ctx, v.email));
  ctx.print(`${v.email} can sign in again.`);
  return 0;
});

const resetLink = command({ email: { type: 'string' } }, async (ctx, v) => {
  const link = await issuePasswordResetLink(ctx.db, ctx.config, null, await userIdOf(ctx, v.email));
  ctx.print(`One-time link for ${v.email} to set a new password (valid until ${link.expiresAt}):`);
  ctx.print(`  ${link.url}`);
  return 0;
});

// For the administrator who lost their own authenticator app or passkey: no one else can reset it in the web app.
const resetSecondFactorCommand = command({ email: { type: 'string' } }, async (ctx, v) => {
  await resetSecondFactor(ctx.db, null, await userIdOf(ctx, v.email));
  ctx.print(`${v.email}'s second factor (app, recovery codes and passkeys) is removed; their sessions have ended.`);
  return 0;
});

export const userManageCommands: Record<string, CliCommand> = {
  list,
  'set-role': setRole,
  'set-helplines': setHelplines,
  deactivate,
  reactivate,
  'reset-link': resetLink,
  'reset-second-factor': resetSecondFactorCommand,
};
