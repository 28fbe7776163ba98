// The authenticator app of the e2e users: their TOTP secrets, and the last code step each sent,
// kept in a file per server so that test files (separate processes) never send a code twice.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { currentTotpStep, totpCode } from '../../src/modules/auth/totp.js';
import { waitFor } from '../../src/test/wait.js';

type Store = Record<string, { secret: string; lastStep: number }>;

function file(baseUrl: string): string {
  return path.join(os.tmpdir(), `bb-e2e-totp-${new URL(baseUrl).port}.json`);
}

function read(baseUrl: string): Store {
  try {
    return JSON.parse(fs.readFileSync(file(baseUrl), 'utf8')) as Store;
  } catch {
    return {};
  }
}

export function rememberSecret(baseUrl: string, email: string, secret: string, lastStep = 0): void {
  const store = read(baseUrl);
  store[email] = { secret, lastStep };
  fs.writeFileSync(file(baseUrl), JSON.stringify(store), { mode: 0o600 });
}

export function hasSecret(baseUrl: string, email: string): boolean {
  return !!read(baseUrl)[email];
}

export function forgetSecrets(baseUrl: string): void {
  fs.rmSync(file(baseUrl), { force: true });
}

/** A code the server has not seen for this user: now's, or the next (accepted one step early), else wait. */
export async function nextCode(baseUrl: string, email: string): Promise<string> {
  const entry = read(baseUrl)[email];
  if (!entry) throw new Error(`no TOTP secret remembered for ${email}`);
  const step = Math.max(currentTotpStep(), entry.lastStep + 1);
  await waitFor(() => step <= currentTotpStep() + 1, { what: `TOTP step ${step - 1} to begin`, intervalMs: 250 });
  rememberSecret(baseUrl, email, entry.secret, step);
  return totpCode(entry.secret, step * 30_000 + 1000);
}
