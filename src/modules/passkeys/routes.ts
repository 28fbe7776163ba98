import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { typed } from '../../server/route-types.js';
import { SESSION_COOKIE, actorOf } from '../../server/plugins/access.js';
import { AppError } from '../../server/errors.js';
import { Me } from '../../shared/schemas/auth.js';
import {
  Passkey, PasskeyIdParams, PasskeyList, PasskeyOptions, PasskeyRegistrationBody, PasskeyRemovalBody, PasskeySignInBody,
} from '../../shared/schemas/passkeys.js';
import { checkPassword, sha256 } from '../auth/service.js';
import { DEVICE_COOKIE, DEVICE_MAX_AGE_S, openLoginGate } from '../auth/login-throttle.js';
import { failChallenge, resolveChallenge, verifySecondFactor } from '../auth/second-factor.js';
import { findSecondFactor } from '../auth/second-factor-queries.js';
import { secondFactorRequired } from '../auth/policy.js';
import { CHALLENGE_COOKIE } from '../auth/cookies.js';
import { countingFailures, finishSecondStep } from '../auth/second-step.js';
import { countPasskeys } from './queries.js';
import { signInRateLimit } from '../auth/sign-in-rate-limit.js';
import { listPasskeys, registerPasskey, registrationOptions, removePasskey, signInOptions, verifyPasskeySignIn } from './service.js';

const ErrorBody = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });

/** Passkeys (WebAuthn) as a second factor: added in a session, used after the password (decision 0020). */
export async function passkeyRoutes(app: FastifyInstance) {
  const r = typed(app);
  // The same per-address limit as the password and code steps (decision 0013).
  const PASSKEY_RATE_LIMIT = signInRateLimit(app.config);
  const sessionHash = (cookies: Record<string, string | undefined>) => sha256(cookies[SESSION_COOKIE] ?? '');

  r.get('/auth/passkeys', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], response: { 200: PasskeyList } },
  }, async (request) => ({ passkeys: await listPasskeys(app.db, actorOf(request).id) }));

  r.post('/auth/passkeys/registration-options', {
    config: { access: 'authenticated', rateLimit: PASSKEY_RATE_LIMIT },
    schema: { tags: ['auth'], response: { 200: PasskeyOptions, 409: ErrorBody } },
  }, async (request) => registrationOptions(app.db, app.config, actorOf(request), sessionHash(request.cookies)));

  r.post('/auth/passkeys', {
    config: { access: 'authenticated', rateLimit: PASSKEY_RATE_LIMIT },
    schema: { tags: ['auth'], body: PasskeyRegistrationBody, response: { 201: Passkey, 400: ErrorBody, 409: ErrorBody } },
  }, async (request, reply) => {
    const { passkeyName, passkey } = request.body;
    const created = await registerPasskey(app.db, app.config, actorOf(request).id, sessionHash(request.cookies), passkeyName, passkey as unknown as RegistrationResponseJSON);
    return reply.status(201).send(created);
  });

  r.delete('/auth/passkeys/:id', {
    config: { access: 'authenticated', rateLimit: PASSKEY_RATE_LIMIT },
    schema: { tags: ['auth'], params: PasskeyIdParams, body: PasskeyRemovalBody, response: { 204: z.null(), 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody } },
  }, async (request, reply) => {
    const user = actorOf(request);
    const { password, code } = request.body;
    if (!password && !code) throw new AppError(400, 'required', 'password');
    // A role that must have a second factor keeps one: the last passkey goes only beside an app.
    const totp = await findSecondFactor(app.db, user.id);
    if (secondFactorRequired(user.role) && !totp?.confirmed_at && (await countPasskeys(app.db, user.id)) <= 1) {
      throw new AppError(409, 'last_second_factor');
    }
    // Confirming is guessing the password or a code again: slowed like sign-in (decision 0013).
    const gate = await openLoginGate(app.db, { email: user.email, address: request.ip, deviceToken: request.cookies[DEVICE_COOKIE] });
    let confirmedWith: string;
    if (password) {
      await checkPassword(app.db, user.email, password).catch((err: unknown) => {
        throw err instanceof AppError && err.status === 401 ? new AppError(400, 'wrong_password', 'password') : err;
      });
      confirmedWith = 'password';
    } else {
      confirmedWith = await verifySecondFactor(app.db, app.config, user.id, code!);
    }
    const device = await gate.succeeded(user.id);
    reply.setCookie(DEVICE_COOKIE, device, { path: '/api/auth', httpOnly: true, sameSite: 'strict', secure: app.config.production, maxAge: DEVICE_MAX_AGE_S });
    await removePasskey(app.db, user.id, request.params.id, confirmedWith);
    return reply.status(204).send(null);
  });

  r.post('/auth/passkey-sign-in/options', {
    // Public: the pending sign-in in the challenge cookie is what is checked.
    config: { access: 'public', rateLimit: PASSKEY_RATE_LIMIT },
    schema: { tags: ['auth'], response: { 200: PasskeyOptions, 401: ErrorBody, 409: ErrorBody } },
  }, async (request, reply) => {
    const token = request.cookies[CHALLENGE_COOKIE];
    const row = await resolveChallenge(app.db, token, 'verify');
    reply.header('cache-control', 'no-store');
    return signInOptions(app.db, app.config, row.id, sha256(token!));
  });

  r.post('/auth/passkey-sign-in', {
    config: { access: 'public', rateLimit: PASSKEY_RATE_LIMIT },
    schema: { tags: ['auth'], body: PasskeySignInBody, response: { 200: Me, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody } },
  }, async (request, reply) => {
    const token = request.cookies[CHALLENGE_COOKIE];
    const row = await resolveChallenge(app.db, token, 'verify');
    // The same gate as a code: a failed passkey counts like a wrong code until one succeeds.
    const gate = await openLoginGate(app.db, { email: row.email, address: request.ip, deviceToken: request.cookies[DEVICE_COOKIE] });
    await countingFailures(
      () => verifyPasskeySignIn(app.db, app.config, row.id, sha256(token!), request.body.passkey as unknown as AuthenticationResponseJSON),
      () => failChallenge(app.db, token!),
    );
    return finishSecondStep(app, reply, row, token!, gate);
  });
}
