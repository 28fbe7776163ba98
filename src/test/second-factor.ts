import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { currentTotpStep, totpCode } from '../modules/auth/totp.js';

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
  while (step > currentTotpStep() + 1) await new Promise((r) => setTimeout(r, 250));
  lastStep.set(secret, step);
  return totpCode(secret, step * 30_000 + 1000);
}

let addresses = 0;
function nextAddress(): string {
  const n = ++addresses;
  return `10.250.${(n >> 8) & 255}.${n & 255}`;
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
export async function signIn(app: FastifyInstance, email: string, password: string, totpSecret: string | null = null): Promise<SignedIn> {
  // Each sign-in from its own address, as users at their own desks: the sign-in routes are rate
  // limited per address, and a test file signs in many users within a minute.
  const remoteAddress = nextAddress();
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
