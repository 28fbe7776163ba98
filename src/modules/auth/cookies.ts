import type { FastifyInstance, FastifyReply } from 'fastify';
import { SESSION_COOKIE } from '../../server/plugins/access.js';

/** The half-signed-in state between password and second step; it opens only the second-step routes. */
export const CHALLENGE_COOKIE = 'bb_challenge';
const CHALLENGE_PATH = '/api/auth';

export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: app.config.production,
    maxAge: Math.floor(app.config.sessionAbsoluteMs / 1000),
  });
}

export function setChallengeCookie(app: FastifyInstance, reply: FastifyReply, token: string, maxAgeSeconds: number) {
  reply.setCookie(CHALLENGE_COOKIE, token, { path: CHALLENGE_PATH, httpOnly: true, sameSite: 'strict', secure: app.config.production, maxAge: maxAgeSeconds });
}

export function clearChallengeCookie(reply: FastifyReply) {
  reply.clearCookie(CHALLENGE_COOKIE, { path: CHALLENGE_PATH });
}
