import { parseArgs } from 'node:util';
import type { AppConfig } from '../config.js';
import { prepareDb } from '../server/start.js';
import { createUser } from '../modules/users/service.js';
import { UserCreateBody } from '../shared/schemas/auth.js';
import { fieldLabel, formatMessage } from '../shared/i18n/messages.js';
import { AppError } from '../server/errors.js';
import { assertStrongPassword } from '../modules/auth/password-strength.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** `brobygger user create --email … --role …`, password from stdin (never a flag: it would sit in shell history). */
export async function runUserCreate(config: AppConfig, args: string[]) {
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
  const password = await readStdin();
  const parsed = UserCreateBody.safeParse({
    email: values.email,
    role: values.role,
    displayName: values.name ?? values.email ?? '',
    locale: values.locale,
    password,
    helplineIds: values.helpline,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join('.');
    throw new Error(`${fieldLabel('en', field)} (${field}): ${issue.message}`);
  }
  try {
    // Before the database is opened: a weak password is refused at once.
    assertStrongPassword(parsed.data.password, [parsed.data.email, parsed.data.displayName]);
  } catch (err) {
    if (err instanceof AppError) throw new Error(formatMessage('en', err.code, { field: fieldLabel('en', err.field ?? '') }));
    throw err;
  }
  const { db } = await prepareDb(config);
  try {
    const user = await createUser(db, null, parsed.data);
    console.log(`Created ${user.role} ${user.email}`);
  } catch (err) {
    if (err instanceof AppError) throw new Error(formatMessage('en', err.code, { field: fieldLabel('en', err.field ?? '') }));
    throw err;
  } finally {
    await db.destroy();
  }
}
