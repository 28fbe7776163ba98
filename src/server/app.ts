import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import { FIND_HELP_HEADERS, helmetHeaders, isFindHelpPage } from './security-headers.js';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Db } from '../db/connection.js';
import type { AppConfig } from '../config.js';
import type { DestinationStream } from 'pino';
import { loggerOptions } from './logging.js';
import { logAndTimeRequests } from './request-log.js';
import { metricsRoutes } from './metrics/routes.js';
import { dbPlugin } from './plugins/db.js';
import { localePlugin } from './plugins/locale.js';
import { errorsPlugin } from './plugins/errors.js';
import { accessPlugin } from './plugins/access.js';
import { requestGuardsPlugin } from './plugins/request-guards.js';
import { sessionExpiryPlugin } from '../modules/auth/session-expiry.js';
import { healthRoutes } from './health-routes.js';
import { sharedRateLimitStore } from './rate-limit/store.js';
import { authRoutes } from '../modules/auth/routes.js';
import { userRoutes } from '../modules/users/routes.js';
import { sessionRoutes } from '../modules/auth/session-routes.js';
import { passwordResetRoutes } from '../modules/users/password-reset-routes.js';
import { helplineRoutes } from '../modules/helplines/routes.js';
import { contactRoutes } from '../modules/contacts/routes.js';
import { auditRoutes } from '../modules/audit/routes.js';
import { importRoutes } from '../modules/imports/routes.js';
import { contactExportRoutes } from '../modules/contacts/export-routes.js';
import { statsRoutes } from '../modules/stats/routes.js';
import { caseRoutes } from '../modules/cases/routes.js';
import { directoryRoutes } from '../modules/directory/routes.js';
import { rightsRoutes } from '../modules/rights/routes.js';
import { checklistRoutes } from '../modules/checklists/routes.js';
import { caseReportRoutes } from '../modules/case-report/routes.js';

export interface BuildOptions {
  db: Db;
  config: AppConfig;
  /** Serve the built web app from this folder when it exists. */
  webDir?: string;
  logger?: boolean;
  /** Where log lines go (default stdout); tests read them. */
  logStream?: DestinationStream;
}

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Errors are logged without query parameters or row values (see logging.ts).
    logger: opts.logger === false ? false : loggerOptions(opts.config.logLevel, opts.logStream),
    // About 1 MB for everything but the import route (its own limit): a larger body is refused
    // with 413 from its Content-Length, before it is read.
    bodyLimit: 1024 * 1024,
    // X-Forwarded-For only from the proxies in TRUSTED_PROXIES: anyone can write the header.
    trustProxy: opts.config.trustedProxies.length ? opts.config.trustedProxies : false,
    // One line per request instead of Fastify's two, none for health checks (request-log.ts).
    logController: new LogController({ disableRequestLogging: true }),
  });
  logAndTimeRequests(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(dbPlugin, { db: opts.db, config: opts.config });
  await app.register(localePlugin);
  await app.register(errorsPlugin);
  await app.register(cookie);
  // helmet's headers are the same on every response: worked out once, then set on each (running
  // helmet's thirteen middlewares per request was a few per cent of a busy node's time, issue 8).
  const securityHeaders = helmetHeaders({
    contentSecurityPolicy: {
      directives: { 'default-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'style-src': ["'self'", "'unsafe-inline'"], 'script-src': ["'self'"] },
    },
  });
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of securityHeaders) reply.raw.setHeader(name, value);
    done();
  });
  // Counted in the database, so every node on it shares each limit (docs/decisions/0025).
  const store = sharedRateLimitStore(opts.db, { onError: (err) => app.log.error({ err }, 'rate limit could not be counted') });
  await app.register(rateLimit, { global: false, store });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Brobygger API', version: '0.1.0', description: 'Helpline contacts, taxonomies and statistics.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'bb_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(accessPlugin);
  await app.register(requestGuardsPlugin);
  await app.register(sessionExpiryPlugin);

  await app.register(healthRoutes);
  await app.register(metricsRoutes);
  await app.register(authRoutes, { prefix: '/api' });
  await app.register(userRoutes, { prefix: '/api' });
  await app.register(sessionRoutes, { prefix: '/api' });
  await app.register(passwordResetRoutes, { prefix: '/api' });
  await app.register(helplineRoutes, { prefix: '/api' });
  await app.register(contactExportRoutes, { prefix: '/api' });
  await app.register(contactRoutes, { prefix: '/api' });
  await app.register(caseRoutes, { prefix: '/api' });
  await app.register(caseReportRoutes, { prefix: '/api' });
  await app.register(importRoutes, { prefix: '/api' });
  await app.register(auditRoutes, { prefix: '/api' });
  await app.register(statsRoutes, { prefix: '/api' });
  await app.register(directoryRoutes, { prefix: '/api' });
  await app.register(rightsRoutes, { prefix: '/api' });
  await app.register(checklistRoutes, { prefix: '/api' });

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  const webDir = opts.webDir;
  if (webDir && fs.existsSync(path.join(webDir, 'index.html'))) {
    // serve: false: only reply.sendFile; one declared route serves files and the client-side routes.
    await app.register(fastifyStatic, { root: webDir, serve: false });
    app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.callNotFound();
      const wanted = decodeURIComponent(request.url.split('?')[0]).replace(/^\/+/, '');
      const file = path.join(webDir, wanted);
      if (wanted && file.startsWith(webDir) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return reply.header('cache-control', wanted.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache').sendFile(wanted);
      }
      if (isFindHelpPage(request.url)) return reply.headers(FIND_HELP_HEADERS).sendFile('index.html', { cacheControl: false });
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }
  return app;
}
