import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { currentTotpStep, totpCode } from '../modules/auth/totp.js';
import { waitFor } from './wait.js';

/**
 * Signing in as a user does, through the real routes: password, then enrolment or a code from the
 * authenticator app, computed here from the secret the enrolment page showed.
 */
const lastStep = new Map<string, number>();

/**
 * A code the server has not seen yet for this secret: the current one, or the next one (a code
 * is accepted one step early), waiting for the clock when both are used.
 */
export async function freshCode(secret: string): Promise<string> {
  const step = Math.max(currentTotpStep(), (lastStep.get(secret) ?? 0) + 1);
  await waitFor(() => step <= currentTotpStep() + 1, { what: `TOTP step ${step - 1} to begin`, intervalMs: 250 });
  lastStep.set(secret, step);
  return totpCode(secret, step * 30_000 + 1000);
}

let addresses = 0;
function nextAddress(): string {
  const n = ++addresses;
  return `10.250.${(n >> 8) & 255}.${n & 255}`;
}

/** The last time step this process sent for a secret (the e2e helpers carry it across processes). */
export function lastSentStep(secret: string): number {
  return lastStep.get(secret) ?? 0;
}

export function cookieNamed(res: LightMyRequestResponse, name: string): string {
  const c = res.cookies.find((x) => x.name === name && x.value);
  if (!c) throw new Error(`no ${name} cookie: ${res.statusCode} ${res.body}`);
  return `${name}=${c.value}`;
}

export interface SignedIn {
  cookie: string;
  /** Set when the user has a second factor (enrolled here or before). */
  totpSecret: string | null;
  recoveryCodes: string[];
}

/**
 * Signs in with the password; a role that must have a second factor is enrolled on the way (the
 * QR page's secret, a first code, recovery codes), and one that has one answers with a fresh code.
 */
export async function signIn(app: FastifyInstance, email: string, password: string, totpSecret: string | null = null, from?: string): Promise<SignedIn> {
  // Each sign-in from its own address unless told (as users at their own desks): the sign-in
  // routes are rate limited per address, and a test file signs in many users within a minute.
  const remoteAddress = from ?? nextAddress();
  const inject = (opts: { url: string; cookie?: string; payload?: object }) =>
    app.inject({ method: 'POST', url: opts.url, headers: opts.cookie ? { cookie: opts.cookie } : {}, payload: opts.payload, remoteAddress });
  const login = await inject({ url: '/api/auth/login', payload: { email, password } });
  if (login.statusCode === 200) return { cookie: cookieNamed(login, 'bb_session'), totpSecret, recoveryCodes: [] };
  if (login.statusCode !== 202) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  const challenge = cookieNamed(login, 'bb_challenge');
  if (login.json().step === 'verify') {
    if (!totpSecret) throw new Error(`${email} has a second factor: pass its secret`);
    const res = await inject({ url: '/api/auth/second-factor/verify', cookie: challenge, payload: { code: await freshCode(totpSecret) } });
    if (res.statusCode !== 200) throw new Error(`second step failed: ${res.statusCode} ${res.body}`);
    return { cookie: cookieNamed(res, 'bb_session'), totpSecret, recoveryCodes: [] };
  }
  const enrolment = await inject({ url: '/api/auth/second-factor/enrolment', cookie: challenge });
  if (enrolment.statusCode !== 200) throw new Error(`enrolment failed: ${enrolment.statusCode} ${enrolment.body}`);
  const secret = enrolment.json().secret as string;
  const confirm = await inject({ url: '/api/auth/second-factor/enrolment/confirm', cookie: challenge, payload: { code: await freshCode(secret) } });
  if (confirm.statusCode !== 200) throw new Error(`enrolment confirmation failed: ${confirm.statusCode} ${confirm.body}`);
  return { cookie: cookieNamed(confirm, 'bb_session'), totpSecret: secret, recoveryCodes: confirm.json().recoveryCodes };
}

function setCookie(res: Response, name: string): string {
  const c = res.headers.getSetCookie().find((x) => x.startsWith(`${name}=`));
  if (!c) throw new Error(`no ${name} cookie (${res.status})`);
  return c.split(';')[0];
}

/**
 * The same sign-in over real HTTP, for a server on a port (the durability test, benchmarks, e2e
 * set-up): enrols when the server asks for it, answers with a fresh code when it asks for one.
 */
export async function signInOverHttp(baseUrl: string, email: string, password: string, totpSecret: string | null = null): Promise<SignedIn> {
  const post = (url: string, body: object | undefined, cookie?: string) =>
    fetch(`${baseUrl}${url}`, {
      method: 'POST',
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}), origin: baseUrl },
      body: body ? JSON.stringify(body) : undefined,
    });
  const login = await post('/api/auth/login', { email, password });
  if (login.status === 200) return { cookie: setCookie(login, 'bb_session'), totpSecret, recoveryCodes: [] };
  if (login.status !== 202) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const challenge = setCookie(login, 'bb_challenge');
  const { step } = (await login.json()) as { step: string };
  if (step === 'verify') {
    if (!totpSecret) throw new Error(`${email} has a second factor: pass its secret`);
    const res = await post('/api/auth/second-factor/verify', { code: await freshCode(totpSecret) }, challenge);
    if (res.status !== 200) throw new Error(`second step failed: ${res.status} ${await res.text()}`);
    return { cookie: setCookie(res, 'bb_session'), totpSecret, recoveryCodes: [] };
  }
  const enrolment = await post('/api/auth/second-factor/enrolment', undefined, challenge);
  if (enrolment.status !== 200) throw new Error(`enrolment failed: ${enrolment.status} ${await enrolment.text()}`);
  const { secret } = (await enrolment.json()) as { secret: string };
  const confirm = await post('/api/auth/second-factor/enrolment/confirm', { code: await freshCode(secret) }, challenge);
  if (confirm.status !== 200) throw new Error(`enrolment confirmation failed: ${confirm.status} ${await confirm.text()}`);
  const { recoveryCodes } = (await confirm.json()) as { recoveryCodes: string[] };
  return { cookie: setCookie(confirm, 'bb_session'), totpSecret: secret, recoveryCodes };
}
