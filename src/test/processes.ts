// Real `brobygger` processes for tests of what happens between processes (locks, the CLI, restarts).
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PATIENCE_MS, waitFor } from './wait.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'bin/brobygger.js');

export const cliEnv = (dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  DATA_DIR: dataDir,
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  NODE_ENV: 'test',
  DATABASE_URL: '',
  ...extra,
});

/**
 * Runs `brobygger ARGS` to its end: exit code and everything it printed. One that has not ended
 * after PATIENCE_MS is killed, and the test fails with what it printed so far.
 */
export function brobygger(dataDir: string, args: string[], stdin = '', cwd = ROOT, extraEnv: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: cliEnv(dataDir, extraEnv), stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    const hung = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`brobygger ${args.join(' ')} did not end within ${PATIENCE_MS} ms:\n${out}`));
    }, PATIENCE_MS);
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.stdin.end(stdin);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(hung);
      resolve({ code, out });
    });
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM and wait for the exit (SIGKILL if it has not ended after PATIENCE_MS). */
  stop: () => Promise<void>;
  /** kill -9, as a crash or an impatient operator would. */
  kill: () => Promise<void>;
}

/** Starts `brobygger start` and resolves once it says it runs (with its control channel open). */
export async function startServerProcess(dataDir: string, timeoutMs = PATIENCE_MS, extraEnv: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'start'], { cwd: ROOT, env: cliEnv(dataDir, { ...extraEnv, PORT: String(port) }), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitFor(() => {
      if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}) before it ran`);
      return out.includes('Brobygger is running');
    }, { what: 'the server to say it runs', timeoutMs });
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${(err as Error).message}:\n${out}`);
  }
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), PATIENCE_MS);
    await exited;
    clearTimeout(timer);
  };
  return { url: `http://127.0.0.1:${port}`, child, output: () => out, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

/** Logs in over HTTP; the status code. */
export async function loginStatus(url: string, email: string, password: string): Promise<number> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  return res.status;
}
