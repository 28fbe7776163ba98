import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirBusyError, lockOwner, LOCK_FILE } from './data-dir-lock.js';
import { PROCESS_TEST_MS } from '../test/wait.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-lock-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => fs.mkdtempSync(path.join(root, `d${++n}-`));

/** A pid that certainly belongs to no process: one that ran and exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function leaveStaleLock(dir: string) {
  const stale = { pid: deadPid(), host: os.hostname(), command: 'start', since: '2026-01-01T00:00:00.000Z', token: 'left-by-kill-9' };
  fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(stale));
}

describe('the data directory lock', () => {
  it('refuses a second holder, naming the first; free again once released', async () => {
    const dir = freshDir();
    const lock = await acquireDataDirLock(dir, 'start --demo');
    const refusal = await acquireDataDirLock(dir, 'migrate').catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(DataDirBusyError);
    expect((refusal as Error).message).toMatch(new RegExp(`^The data directory ${dir} is in use by process ${process.pid} \\(brobygger start --demo, since \\d{4}-\\d\\d-\\d\\dT`));
    expect(lockOwner(dir)?.pid).toBe(process.pid);
    lock.release();
    expect(lockOwner(dir)).toBeNull();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    (await acquireDataDirLock(dir, 'migrate')).release();
  });

  it('takes over a lock whose owner is dead', async () => {
    const dir = freshDir();
    leaveStaleLock(dir);
    expect(lockOwner(dir)).toBeNull();
    const lock = await acquireDataDirLock(dir, 'start');
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('of several processes racing to take over a dead lock, exactly one wins', { timeout: PROCESS_TEST_MS }, async () => {
    const dir = freshDir();
    leaveStaleLock(dir);
    const contender = path.join(path.dirname(fileURLToPath(import.meta.url)), '../test/lock-contender.ts');
    const children = Array.from({ length: 6 }, () => spawn(process.execPath, ['--import', 'tsx', contender, dir], { stdio: ['pipe', 'pipe', 'inherit'] }));
    const lines = children.map((child) => {
      const queue: string[] = [];
      let wake = () => {};
      let buffered = '';
      // A contender that ends without a word fails the test at once, not at its timeout.
      let closed: string | undefined;
      child.once('close', (code) => {
        closed = `CLOSED (exit code ${code})`;
        wake();
      });
      child.stdout.on('data', (d) => {
        buffered += d;
        let i;
        while ((i = buffered.indexOf('\n')) !== -1) {
          queue.push(buffered.slice(0, i));
          buffered = buffered.slice(i + 1);
          wake();
        }
      });
      return async () => {
        while (!queue.length) {
          if (closed) return closed;
          await new Promise<void>((r) => (wake = r));
        }
        return queue.shift()!;
      };
    });
    expect(await Promise.all(lines.map((next) => next()))).toEqual(Array(6).fill('READY'));
    for (const child of children) child.stdin.write('go\n'); // all at once
    const said = lines.map((next) => next());
    const results = await Promise.all(said);
    const winners = results.filter((r) => r.startsWith('WON'));
    expect(winners, results.join('; ')).toHaveLength(1);
    const winnerPid = winners[0].split(' ')[1];
    expect(results.filter((r) => r === `BUSY ${winnerPid}`)).toHaveLength(5);
    for (const child of children) child.stdin.end();
    await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null)));
    expect(lockOwner(dir)).toBeNull();
  });
});
