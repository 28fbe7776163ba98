// One process trying to take a data directory's lock (for the takeover race test): says READY,
// waits for a line on standard input so that all contenders start together, then prints WON or
// whom it was refused by; a winner holds the lock until its standard input closes.
import { acquireDataDirLock, DataDirBusyError } from '../db/data-dir-lock.js';

const dir = process.argv[2];
process.stdout.write('READY\n');
process.stdin.once('data', async () => {
  try {
    const lock = await acquireDataDirLock(dir, 'contender');
    process.stdout.write(`WON ${process.pid}\n`);
    process.stdin.on('end', () => {
      lock.release();
      process.exit(0);
    });
  } catch (err) {
    process.stdout.write(err instanceof DataDirBusyError ? `BUSY ${err.owner.pid}\n` : `ERROR ${String(err)}\n`);
    process.exit(0);
  }
});
