import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type Access } from '../../modules/auth/policy.js';
import { checkMetricsToken } from '../metrics/token.js';
import { resolveSession, type SessionUser } from '../../modules/auth/service.js';
import { forbidden, unauthenticated } from '../errors.js';

export const SESSION_COOKIE = 'bb_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares who may call it: an action, `authenticated` or `public`. */
    access?: Access;
  }
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

/** All routes the app registered, with their declared access (for the route-walking test). */
export const registeredRoutes: { method: string; url: string; access: Access | undefined }[] = [];

/**
 * Deny by default: the app refuses to start if an API route lacks an access declaration, and
 * every request is checked against it before the handler runs.
 */
export const accessPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('user', null);
    app.addHook('onRoute', (route) => {
      const access = (route.config as { access?: Access } | undefined)?.access;
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) registeredRoutes.push({ method, url: route.url, access });
      if (!access && !methods.every((m) => m === 'HEAD')) {
        throw new Error(`Route ${methods.join(',')} ${route.url} declares no access (config.access)`);
      }
    });
    app.addHook('onRequest', async (request: FastifyRequest) => {
      const token = request.cookies?.[SESSION_COOKIE];
      if (token) {
        request.user = await resolveSession(app.db, app.config, token);
        if (request.user) request.locale = request.user.locale;
      }
    });
    // preParsing: refuse before the body is even read (an outsider's 48 MB upload is not buffered),
    // so an outsider learns nothing from errors and costs nothing.
    app.addHook('preParsing', async (request: FastifyRequest) => {
      const access = request.routeOptions.config?.access;
      if (access === 'public') return;
      if (access === 'metrics-token') return checkMetricsToken(app.config.metricsToken, request.headers.authorization);
      if (!access) throw forbidden();
      if (!request.user) throw unauthenticated();
      if (access !== 'authenticated' && !can(request.user, access)) throw forbidden();
    });
  },
  { name: 'access', dependencies: ['db', '@fastify/cookie'] },
);

/** The signed-in user; only call in routes whose access is not `public`. */
export function actorOf(request: FastifyRequest): SessionUser {
  if (!request.user) throw unauthenticated();
  return request.user;
}
