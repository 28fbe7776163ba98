// The real server and CLI as child processes: end-to-end tests see exactly what `npm start` serves.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { lastSentStep, signInOverHttp } from '../../src/test/second-factor.js';
import { PATIENCE_MS, waitFor } from '../../src/test/wait.js';
import { rememberSecret } from './two-factor.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'bin/brobygger.js');
export const PASSWORD = 'Fjordlykt-sykkelbjelle-2026';

export function freshDataDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function env(dataDir: string, port = 0): NodeJS.ProcessEnv {
  return { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'test' };
}

/**
 * Runs a CLI command to completion. While a server holds the data dir, the CLI has that server
 * carry the command out (docs/decisions/0009), so this works with or without a running server.
 */
export function cli(dataDir: string, args: string[], stdin = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: env(dataDir), stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.stdin.end(stdin);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`brobygger ${args.join(' ')} failed (${code}): ${out}`))));
  });
}

/** `brobygger user create`, the password on stdin as an operator would type it. */
export async function createUser(dataDir: string, email: string, role: string, helplines: string[] = ['rode-kors-telefonen']): Promise<void> {
  const args = ['user', 'create', '--email', email, '--role', role, '--name', email.split('@')[0], ...helplines.flatMap((h) => ['--helpline', h])];
  await cli(dataDir, args, `${PASSWORD}\n`);
}

/**
 * Enrols a counsellor's (or anyone's) second factor over HTTP as their first sign-in would, and
 * remembers the secret so the browser helpers can type codes.
 */
export async function enrolSecondFactor(baseUrl: string, email: string): Promise<void> {
  const { totpSecret } = await signInOverHttp(baseUrl, email, PASSWORD);
  if (!totpSecret) throw new Error(`${email} was not asked to enrol`);
  rememberSecret(baseUrl, email, totpSecret, lastSentStep(totpSecret));
}

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

/** Starts `brobygger start` and resolves once it has printed that it runs (after --demo has loaded). */
export async function startServer(dataDir: string, opts: { demo?: boolean; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<RunningServer> {
  if (!fs.existsSync(path.join(ROOT, 'dist/web/index.html'))) throw new Error('dist/web is missing: run `npx vite build` first');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [CLI, 'start', ...(opts.demo ? ['--demo'] : [])], { cwd: ROOT, env: { ...env(dataDir, port), ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => {
    out += d;
    process.stderr.write(d); // warnings and errors of the server belong in the test output
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await waitFor(() => {
      if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}) before it ran`);
      return out.includes('Brobygger is running');
    }, { what: 'the server to say it runs', timeoutMs: opts.timeoutMs ?? PATIENCE_MS });
  } catch (err) {
    await stop(child, exited);
    throw new Error(`${(err as Error).message}:\n${out}`);
  }
  const health = await fetch(`${url}/healthz`);
  if (!health.ok) throw new Error(`server runs but /healthz answers ${health.status}`);
  return { url, stop: () => stop(child, exited) };
}

/** SIGTERM lets the server seal its audit log and close PGlite; SIGKILL only if it hangs (PATIENCE_MS). */
async function stop(child: ChildProcess, exited: Promise<number | null>) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), PATIENCE_MS);
  await exited;
  clearTimeout(timer);
}
