import type { CliCommand } from './command.js';
import { auditVerify, check, demo, migrate, retention, setupLink } from './db-commands.js';
import { userCreate } from './user-create.js';
import { userManageCommands } from './user-manage.js';
import { backup, restore } from '../modules/backup/commands.js';
import { keyForgetUnreadable, keyRotate, keyStatus } from './key-commands.js';

/** `{ list: f }` under `user` becomes `{ 'user list': f }`. */
export const withPrefix = (prefix: string, record: Record<string, CliCommand>): Record<string, CliCommand> =>
  Object.fromEntries(Object.entries(record).map(([words, command]) => [`${prefix} ${words}`, command]));

/**
 * Every command that works on the database, by its command words. The CLI runs it itself when it
 * can open the database, or has the server that holds the embedded database run it (cli/main.ts).
 * Add a group of subcommands with `withPrefix('user', record)`.
 */
export const COMMANDS: Record<string, CliCommand> = {
  migrate,
  demo,
  'setup-link': setupLink,
  retention,
  'user create': userCreate,
  ...withPrefix('user', userManageCommands),
  'audit verify': auditVerify,
  'key status': keyStatus,
  'key rotate': keyRotate,
  'key forget-unreadable': keyForgetUnreadable,
  backup,
  restore,
  check,
};

/** Commands whose first argument is a file: resolved against the caller's directory, not the server's. */
export const FILE_ARGUMENT = new Set(['backup', 'restore']);
/** Options whose value is a file, by command: resolved against the caller's directory, too. */
export const FILE_OPTIONS: Record<string, string[]> = { 'audit verify': ['--anchors'] };
/** Commands that read standard input (a password); the others get '' and never wait for it. */
export const READS_STDIN = new Set(['user create']);

/** The command named by the first words of argv (longest match), and the arguments after them. */
export function findCommand(argv: string[], commands = COMMANDS): { words: string; command: CliCommand; args: string[] } | null {
  for (let n = Math.min(argv.length, 3); n > 0; n--) {
    const words = argv.slice(0, n).join(' ');
    const command = Object.hasOwn(commands, words) ? commands[words] : undefined;
    if (command) return { words, command, args: argv.slice(n) };
  }
  return null;
}

/** The arguments with every file (FILE_ARGUMENT, FILE_OPTIONS) made absolute against `cwd`: a server carrying out the command has another. */
export function withAbsoluteFiles(words: string, args: string[], resolve: (file: string) => string): string[] {
  const out = FILE_ARGUMENT.has(words) && args[0] ? [resolve(args[0]), ...args.slice(1)] : [...args];
  for (const option of FILE_OPTIONS[words] ?? []) {
    for (let i = 0; i < out.length; i++) {
      if (out[i] === option && out[i + 1] !== undefined) out[i + 1] = resolve(out[i + 1]);
      else if (out[i].startsWith(`${option}=`)) out[i] = `${option}=${resolve(out[i].slice(option.length + 1))}`;
    }
  }
  return out;
}
