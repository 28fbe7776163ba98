import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../../server/route-types.js';
import { actorOf } from '../../server/plugins/access.js';
import { UserCreateBody, UserResponse } from '../../shared/schemas/auth.js';
import { PasswordResetLinkResponse, UserIdParams, UserListItem, UserUpdateBody } from '../../shared/schemas/users.js';
import { createUser, listUsers } from './service.js';
import { deactivateUser, reactivateUser, updateUser } from './manage.js';
import { issuePasswordResetLink } from './password-reset.js';

export async function userRoutes(app: FastifyInstance) {
  const r = typed(app);
  const manage = { access: 'user.manage' } as const;
  r.get('/users', { config: manage, schema: { tags: ['users'], response: { 200: z.array(UserListItem) } } }, async () => listUsers(app.db));
  r.post('/users', { config: manage, schema: { tags: ['users'], body: UserCreateBody, response: { 201: UserResponse } } }, async (request, reply) => {
    const user = await createUser(app.db, actorOf(request).id, request.body);
    return reply.status(201).send(user);
  });
  r.patch('/users/:id', { config: manage, schema: { tags: ['users'], params: UserIdParams, body: UserUpdateBody, response: { 204: z.null() } } }, async (request, reply) => {
    await updateUser(app.db, actorOf(request).id, request.params.id, request.body);
    return reply.status(204).send(null);
  });
  r.post('/users/:id/deactivate', { config: manage, schema: { tags: ['users'], params: UserIdParams, response: { 204: z.null() } } }, async (request, reply) => {
    await deactivateUser(app.db, actorOf(request).id, request.params.id);
    return reply.status(204).send(null);
  });
  r.post('/users/:id/reactivate', { config: manage, schema: { tags: ['users'], params: UserIdParams, response: { 204: z.null() } } }, async (request, reply) => {
    await reactivateUser(app.db, actorOf(request).id, request.params.id);
    return reply.status(204).send(null);
  });
  r.post('/users/:id/password-reset-link', { config: manage, schema: { tags: ['users'], params: UserIdParams, response: { 201: PasswordResetLinkResponse } } }, async (request, reply) => {
    return reply.status(201).send(await issuePasswordResetLink(app.db, app.config, actorOf(request).id, request.params.id));
  });
}
