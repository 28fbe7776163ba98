import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../../server/route-types.js';
import { actorOf } from '../../server/plugins/access.js';
import { HelplineResponse, TaxonomyResponse } from '../../shared/schemas/helplines.js';
import { IsoDate } from '../../shared/schemas/dates.js';
import { listHelplinesFor, taxonomyFor } from './service.js';

export async function helplineRoutes(app: FastifyInstance) {
  const r = typed(app);
  r.get('/helplines', { config: { access: 'helpline.read' }, schema: { tags: ['helplines'], response: { 200: z.array(HelplineResponse) } } }, async (request) =>
    listHelplinesFor(app.db, actorOf(request)),
  );
  r.get('/helplines/:helplineId/taxonomy', {
    config: { access: 'helpline.read' },
    schema: {
      tags: ['helplines'],
      params: z.object({ helplineId: z.string().min(2).max(60) }),
      querystring: z.object({ at: IsoDate().optional() }),
      response: { 200: TaxonomyResponse },
    },
  }, async (request) => taxonomyFor(app.db, actorOf(request), request.params.helplineId, request.query.at));
}
