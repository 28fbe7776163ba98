import type { CliCommand } from '../../cli/command.js';
import { BackupRefusedError, backupTo, restoreFrom } from './service.js';

const sum = (rows: Record<string, number>) => Object.values(rows).reduce((a, b) => a + b, 0);

/** `brobygger backup FILE`: the whole database, as of one moment, while the server goes on serving. */
export const backup: CliCommand = async (ctx, args) => {
  const file = args[0];
  if (!file || args.length > 1) {
    ctx.print('Usage: brobygger backup FILE');
    return 1;
  }
  const result = await backupTo(ctx.db, file);
  ctx.print(`Backup written to ${result.file}: ${sum(result.rows)} rows in ${Object.keys(result.rows).length} tables (contacts: ${result.rows.contacts ?? 0}), ${result.bytes} bytes.`);
  return 0;
};

/** `brobygger restore FILE`: everything replaced by the backup, all or nothing. */
export const restore: CliCommand = async (ctx, args) => {
  const file = args[0];
  if (!file || args.length > 1) {
    ctx.print('Usage: brobygger restore FILE');
    return 1;
  }
  try {
    const result = await restoreFrom(ctx.db, file);
    ctx.print(`Restored the backup of ${result.createdAt}: ${sum(result.rows)} rows (contacts: ${result.rows.contacts ?? 0}). The audit log verifies.`);
    return 0;
  } catch (err) {
    const why = err instanceof BackupRefusedError ? err.message : `Restoring ${args[0]} failed: ${err instanceof Error ? err.message : String(err)}.`;
    ctx.print(`${why} Nothing was changed.`);
    return 1;
  }
};
