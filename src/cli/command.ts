import type { Db } from '../db/connection.js';
import type { AppConfig } from '../config.js';

/**
 * What a CLI command gets. The same command runs either in the CLI's own process (which opened the
 * database itself) or inside a running server that holds the embedded database's lock, which runs
 * it on the CLI's behalf; so a command never opens the database, never touches process.stdin,
 * process.stdout or process.exit, and prints only through `print`.
 */
export interface CliContext {
  db: Db;
  config: AppConfig;
  /** Everything the user piped to the CLI's standard input (a password, say), read up front. */
  stdin: string;
  /** One line to the user's terminal. */
  print: (line: string) => void;
}

/** A command: its arguments after the command words; resolves to the process exit code. */
export type CliCommand = (ctx: CliContext, args: string[]) => Promise<number>;
