import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { typed } from '../../server/route-types.js';
import { SESSION_COOKIE, actorOf } from '../../server/plugins/access.js';
import { LoginBody, Me, SetupBody, LocaleBody } from '../../shared/schemas/auth.js';
import { abilities } from './policy.js';
import { forgetSession, login, logout, type SessionUser } from './service.js';
import { completeSetup } from './setup.js';
import { DEVICE_COOKIE, DEVICE_MAX_AGE_S, openLoginGate } from './login-throttle.js';
import { setUserLocale } from '../users/service.js';

const ErrorBody = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });

export function presentMe(user: SessionUser): Me {
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role, locale: user.locale, helplineIds: user.helplineIds, abilities: abilities(user) };
}

function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: app.config.production,
    maxAge: Math.floor(app.config.sessionAbsoluteMs / 1000),
  });
}

export async function authRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.post('/auth/login', {
    config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], body: LoginBody, response: { 200: Me, 401: ErrorBody, 429: ErrorBody } },
  }, async (request, reply) => {
    const gate = await openLoginGate(app.db, { email: request.body.email, address: request.ip, deviceToken: request.cookies[DEVICE_COOKIE] });
    const { token, user } = await login(app.db, app.config, request.body.email, request.body.password);
    const device = await gate.succeeded(user.id);
    // The session cookie first: clients that read the first Set-Cookie get the session.
    setSessionCookie(app, reply, token);
    reply.setCookie(DEVICE_COOKIE, device, { path: '/api/auth/login', httpOnly: true, sameSite: 'strict', secure: app.config.production, maxAge: DEVICE_MAX_AGE_S });
    return presentMe(user);
  });

  r.post('/auth/logout', { config: { access: 'public' }, schema: { tags: ['auth'], response: { 204: z.null() } } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(app.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
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
}
