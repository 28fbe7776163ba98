import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

/** Seconds until the signed-in session ends unless used again (the idle timeout). */
export const IDLE_HEADER = 'x-session-idle-seconds';
/** Seconds until the session ends whatever the user does (the absolute lifetime). */
export const ABSOLUTE_HEADER = 'x-session-absolute-seconds';
/** The configured idle timeout in seconds, so the web app knows the server's grace after the idle end. */
export const IDLE_TIMEOUT_HEADER = 'x-session-idle-timeout-seconds';

/**
 * Every response to a signed-in request says how long the session has left, so the web app can
 * warn before it ends. Remaining seconds rather than times: the browser's clock may be off.
 */
export const sessionExpiryPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onSend', async (request, reply) => {
      const ends = request.user?.endsAt;
      if (!ends) return;
      const now = Date.now();
      reply.header(IDLE_HEADER, String(Math.max(0, Math.floor((ends.idle - now) / 1000))));
      reply.header(ABSOLUTE_HEADER, String(Math.max(0, Math.floor((ends.absolute - now) / 1000))));
      reply.header(IDLE_TIMEOUT_HEADER, String(Math.floor(app.config.sessionIdleMs / 1000)));
    });
  },
  { name: 'session-expiry', dependencies: ['access'] },
);
