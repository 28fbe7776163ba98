import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../server/errors.js';
import { openSession } from './service.js';
import { DEVICE_COOKIE, DEVICE_MAX_AGE_S, type openLoginGate } from './login-throttle.js';
import { closeChallenge } from './second-factor.js';
import { clearChallengeCookie, setSessionCookie } from './cookies.js';
import { presentMe } from './routes.js';

/** A wrong code or passkey costs the pending sign-in one of its tries, then the error goes to the user. */
export async function countingFailures<T>(fn: () => Promise<T>, onFailure: () => Promise<void>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError && err.status === 400) await onFailure();
    throw err;
  }
}

/**
 * Ends a pending sign-in whose second step (an app code, a recovery code or a passkey) was right:
 * the throttle forgets the failures, the challenge is closed, and the session opens.
 */
export async function finishSecondStep(
  app: FastifyInstance,
  reply: FastifyReply,
  row: Parameters<typeof openSession>[2],
  challengeToken: string,
  gate: Awaited<ReturnType<typeof openLoginGate>>,
) {
  const device = await gate.succeeded(row.id);
  await closeChallenge(app.db, challengeToken);
  const session = await openSession(app.db, app.config, row, true);
  // The session cookie first: clients that read the first Set-Cookie get the session.
  setSessionCookie(app, reply, session.token);
  clearChallengeCookie(reply);
  reply.setCookie(DEVICE_COOKIE, device, { path: '/api/auth', httpOnly: true, sameSite: 'strict', secure: app.config.production, maxAge: DEVICE_MAX_AGE_S });
  return presentMe(session.user);
}
