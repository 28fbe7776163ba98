import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../../server/route-types.js';
import { actorOf } from '../../server/plugins/access.js';
import { UserCreateBody, UserResponse } from '../../shared/schemas/auth.js';
import { createUser, listUsers } from './service.js';

export async function userRoutes(app: FastifyInstance) {
  const r = typed(app);
  r.get('/users', { config: { access: 'user.manage' }, schema: { tags: ['users'], response: { 200: z.array(UserResponse) } } }, async () => listUsers(app.db));
  r.post('/users', { config: { access: 'user.manage' }, schema: { tags: ['users'], body: UserCreateBody, response: { 201: UserResponse } } }, async (request, reply) => {
    const user = await createUser(app.db, actorOf(request).id, request.body);
    return reply.status(201).send(user);
  });
}
