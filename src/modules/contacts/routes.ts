import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../../server/route-types.js';
import { actorOf } from '../../server/plugins/access.js';
import { ContactInput, ContactUpdateBody, ContactResponse, ContactListQuery, ContactListResponse, ContactRevision, ContactAuthor } from '../../shared/schemas/contacts.js';
import { createContact, getContact, updateContact, contactHistory } from './service.js';
import { contactAuthors, listContacts } from './list-service.js';

const IdParams = z.object({ id: z.uuid() });

export async function contactRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.post('/contacts', {
    config: { access: 'contact.create' },
    schema: { tags: ['contacts'], body: ContactInput, response: { 201: ContactResponse } },
  }, async (request, reply) => {
    // The web app says it is the form; anything else is an API client.
    const source = request.headers['x-brobygger-client'] === 'web' ? 'form' : 'api';
    return reply.status(201).send(await createContact(app.db, actorOf(request), request.body, source));
  });

  r.get('/contacts', {
    config: { access: 'contact.read' },
    schema: { tags: ['contacts'], querystring: ContactListQuery, response: { 200: ContactListResponse } },
  }, async (request) => listContacts(app.db, actorOf(request), request.query));

  r.get('/contacts/authors', {
    config: { access: 'contact.read' },
    schema: { tags: ['contacts'], querystring: z.object({ helplineId: z.string().min(2).max(60).optional() }), response: { 200: z.array(ContactAuthor) } },
  }, async (request) => contactAuthors(app.db, actorOf(request), request.query.helplineId));

  r.get('/contacts/:id', {
    config: { access: 'contact.read' },
    schema: { tags: ['contacts'], params: IdParams, response: { 200: ContactResponse } },
  }, async (request) => getContact(app.db, actorOf(request), request.params.id));

  r.put('/contacts/:id', {
    config: { access: 'contact.update' },
    schema: { tags: ['contacts'], params: IdParams, body: ContactUpdateBody, response: { 200: ContactResponse } },
  }, async (request) => updateContact(app.db, actorOf(request), request.params.id, request.body));

  r.get('/contacts/:id/history', {
    config: { access: 'contact.read' },
    schema: { tags: ['contacts'], params: IdParams, response: { 200: z.array(ContactRevision) } },
  }, async (request) => contactHistory(app.db, actorOf(request), request.params.id));
}
