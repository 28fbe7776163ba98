import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { typed } from '../../server/route-types.js';
import { actorOf } from '../../server/plugins/access.js';
import { Me } from '../../shared/schemas/auth.js';
import {
  EnrolmentConfirmedResponse, EnrolmentResponse, SecondFactorCodeBody, SecondFactorStatus, UserIdParams, UsersWithSecondFactor,
} from '../../shared/schemas/second-factor.js';
import { openSession } from './service.js';
import { DEVICE_COOKIE, openLoginGate } from './login-throttle.js';
import {
  closeChallenge, confirmEnrolment, failChallenge, resetSecondFactor, resolveChallenge, secondFactorStatus, startEnrolment,
  usersWithSecondFactor, verifySecondFactor,
} from './second-factor.js';
import { CHALLENGE_COOKIE, clearChallengeCookie, setSessionCookie } from './cookies.js';
import { presentMe } from './routes.js';
import { countingFailures, finishSecondStep } from './second-step.js';
import { signInRateLimit } from './sign-in-rate-limit.js';

const ErrorBody = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });

export async function secondFactorRoutes(app: FastifyInstance) {
  const r = typed(app);
  // Per address; wrong codes are slowed per account, address and browser by the sign-in gate.
  const CODE_RATE_LIMIT = signInRateLimit(app.config);

  // Enrolment runs either inside a session (any role, voluntarily) or, for roles that must have a
  // second factor, on the pending sign-in that the password opened.
  async function enrolmentSubject(request: FastifyRequest) {
    if (request.user) return { user: request.user, challengeToken: null, row: null };
    const challengeToken = request.cookies[CHALLENGE_COOKIE];
    const row = await resolveChallenge(app.db, challengeToken, 'enrol');
    return { user: { id: row.id, email: row.email }, challengeToken: challengeToken!, row };
  }

  r.post('/auth/second-factor/verify', {
    // Public: the pending sign-in in the challenge cookie is what is checked.
    config: { access: 'public', rateLimit: CODE_RATE_LIMIT },
    schema: { tags: ['auth'], body: SecondFactorCodeBody, response: { 200: Me, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody } },
  }, async (request, reply) => {
    const token = request.cookies[CHALLENGE_COOKIE];
    const row = await resolveChallenge(app.db, token, 'verify');
    // Wrong codes are slowed like wrong passwords (per account, address and device), never locked:
    // the attempt counts as a failure until the code is right (decision 0013).
    const gate = await openLoginGate(app.db, { email: row.email, address: request.ip, deviceToken: request.cookies[DEVICE_COOKIE] });
    await countingFailures(
      () => verifySecondFactor(app.db, app.config, row.id, request.body.code),
      () => failChallenge(app.db, token!),
    );
    return finishSecondStep(app, reply, row, token!, gate);
  });

  r.post('/auth/second-factor/enrolment', {
    config: { access: 'public', rateLimit: CODE_RATE_LIMIT },
    schema: { tags: ['auth'], response: { 200: EnrolmentResponse, 401: ErrorBody, 409: ErrorBody } },
  }, async (request, reply) => {
    const { user } = await enrolmentSubject(request);
    reply.header('cache-control', 'no-store');
    return startEnrolment(app.db, app.config, user);
  });

  r.post('/auth/second-factor/enrolment/confirm', {
    config: { access: 'public', rateLimit: CODE_RATE_LIMIT },
    schema: { tags: ['auth'], body: SecondFactorCodeBody, response: { 200: EnrolmentConfirmedResponse, 400: ErrorBody, 401: ErrorBody, 409: ErrorBody } },
  }, async (request, reply) => {
    const { user, challengeToken, row } = await enrolmentSubject(request);
    const recoveryCodes = await countingFailures(
      () => confirmEnrolment(app.db, app.config, user.id, request.body.code),
      async () => {
        if (challengeToken) await failChallenge(app.db, challengeToken);
      },
    );
    reply.header('cache-control', 'no-store');
    if (!challengeToken || !row) return { recoveryCodes, me: presentMe(actorOf(request)) };
    await closeChallenge(app.db, challengeToken);
    const session = await openSession(app.db, app.config, row, true);
    clearChallengeCookie(reply);
    setSessionCookie(app, reply, session.token);
    return { recoveryCodes, me: presentMe(session.user) };
  });

  r.get('/auth/second-factor', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], response: { 200: SecondFactorStatus } },
  }, async (request) => secondFactorStatus(app.db, actorOf(request).id));

  r.get('/users/second-factors', {
    config: { access: 'user.manage' },
    schema: { tags: ['users'], response: { 200: UsersWithSecondFactor } },
  }, async () => ({ userIds: await usersWithSecondFactor(app.db) }));

  r.delete('/users/:id/second-factor', {
    config: { access: 'user.manage' },
    schema: { tags: ['users'], params: UserIdParams, response: { 204: z.null(), 404: ErrorBody } },
  }, async (request, reply) => {
    await resetSecondFactor(app.db, actorOf(request).id, request.params.id);
    return reply.status(204).send(null);
  });
}
