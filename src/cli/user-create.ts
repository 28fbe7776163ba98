import { parseArgs } from 'node:util';
import type { CliCommand } from './command.js';
import { createUser } from '../modules/users/service.js';
import { UserCreateBody } from '../shared/schemas/auth.js';
import { fieldLabel, formatMessage } from '../shared/i18n/messages.js';
import { AppError } from '../server/errors.js';
import { assertStrongPassword } from '../modules/auth/password-strength.js';

/** `brobygger user create --email … --role …`, password from stdin (never a flag: it would sit in shell history). */
export const userCreate: CliCommand = async (ctx, args) => {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      locale: { type: 'string', default: 'nb' },
      helpline: { type: 'string', multiple: true, default: [] },
    },
  });
  const parsed = UserCreateBody.safeParse({
    email: values.email,
    role: values.role,
    displayName: values.name ?? values.email ?? '',
    locale: values.locale,
    password: ctx.stdin.replace(/\r?\n$/, ''),
    helplineIds: values.helpline,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join('.');
    ctx.print(`${fieldLabel('en', field)} (${field}): ${issue.message}`);
    return 1;
  }
  try {
    // Before the database is touched: a weak password is refused at once.
    assertStrongPassword(parsed.data.password, [parsed.data.email, parsed.data.displayName]);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    ctx.print(formatMessage('en', err.code, { field: fieldLabel('en', err.field ?? '') }));
    return 1;
  }
  try {
    const user = await createUser(ctx.db, null, parsed.data);
    ctx.print(`Created ${user.role} ${user.email}`);
    return 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    ctx.print(formatMessage('en', err.code, { field: fieldLabel('en', err.field ?? '') }));
    return 1;
  }
};
