import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../../server/route-types.js';
import { SESSION_COOKIE, actorOf } from '../../server/plugins/access.js';
import { LoginBody, Me, SetupBody, LocaleBody } from '../../shared/schemas/auth.js';
import { abilities } from './policy.js';
import { SecondStepResponse } from '../../shared/schemas/second-factor.js';
import { checkPassword, forgetSession, logout, openSession, type SessionUser } from './service.js';
import { closeChallenge, openChallenge, secondStepFor } from './second-factor.js';
import { CHALLENGE_COOKIE, clearChallengeCookie, setChallengeCookie, setSessionCookie } from './cookies.js';
import { secondFactorRoutes } from './second-factor-routes.js';
import { passkeyRoutes } from '../passkeys/routes.js';
import { hasPasskey } from '../passkeys/service.js';
import { completeSetup } from './setup.js';
import { DEVICE_COOKIE, DEVICE_MAX_AGE_S, openLoginGate } from './login-throttle.js';
import { setUserLocale } from '../users/service.js';
import { signInRateLimit } from './sign-in-rate-limit.js';

const ErrorBody = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });

export function presentMe(user: SessionUser): Me {
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role, locale: user.locale, helplineIds: user.helplineIds, abilities: abilities(user) };
}

export async function authRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.post('/auth/login', {
    config: { access: 'public', rateLimit: signInRateLimit(app.config) },
    // 200 with the user and a session when the password is all this user needs; 202 with the
    // second step (verify a code, or enrol first) and only a short-lived challenge cookie otherwise.
    schema: { tags: ['auth'], body: LoginBody, response: { 200: Me, 202: SecondStepResponse, 401: ErrorBody, 429: ErrorBody } },
  }, async (request, reply) => {
    const gate = await openLoginGate(app.db, { email: request.body.email, address: request.ip, deviceToken: request.cookies[DEVICE_COOKIE] });
    const row = await checkPassword(app.db, request.body.email, request.body.password);
    // The password was right: not a failure. Wrong second-factor codes are counted by their own gate.
    const device = await gate.succeeded(row.id);
    const setDeviceCookie = () => reply.setCookie(DEVICE_COOKIE, device, { path: '/api/auth', httpOnly: true, sameSite: 'strict', secure: app.config.production, maxAge: DEVICE_MAX_AGE_S });
    const step = await secondStepFor(app.db, row);
    if (step) {
      const challenge = await openChallenge(app.db, row.id, step);
      setChallengeCookie(app, reply, challenge.token, challenge.maxAgeSeconds);
      setDeviceCookie();
      const passkey = step === 'verify' && (await hasPasskey(app.db, row.id));
      return reply.status(202).send({ step, expiresInSeconds: challenge.maxAgeSeconds, ...(passkey ? { passkey: true as const } : {}) });
    }
    const { token, user } = await openSession(app.db, app.config, row, false);
    // The session cookie first: clients that read the first Set-Cookie get the session.
    setSessionCookie(app, reply, token);
    setDeviceCookie();
    return presentMe(user);
  });

  r.post('/auth/logout', { config: { access: 'public' }, schema: { tags: ['auth'], response: { 204: z.null() } } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(app.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    const challenge = request.cookies[CHALLENGE_COOKIE];
    if (challenge) await closeChallenge(app.db, challenge);
    clearChallengeCookie(reply);
    return reply.status(204).send(null);
  });

  r.get('/auth/me', { config: { access: 'authenticated' }, schema: { tags: ['auth'], response: { 200: Me } } }, async (request) => presentMe(actorOf(request)));

  r.put('/auth/me/locale', { config: { access: 'authenticated' }, schema: { tags: ['auth'], body: LocaleBody, response: { 200: Me } } }, async (request) => {
    const user = actorOf(request);
    await setUserLocale(app.db, user.id, request.body.locale);
    forgetSession(request.cookies[SESSION_COOKIE] ?? '');
    return presentMe({ ...user, locale: request.body.locale });
  });

  r.post('/setup', {
    config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], body: SetupBody, response: { 200: Me } },
  }, async (request, reply) => {
    const { token, user } = await completeSetup(app.db, app.config, request.body);
    setSessionCookie(app, reply, token);
    return presentMe(user);
  });

  await secondFactorRoutes(app);
  await passkeyRoutes(app);
}
