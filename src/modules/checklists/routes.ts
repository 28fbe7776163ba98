import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../../server/route-types.js';
import { actorOf } from '../../server/plugins/access.js';
import { notFound } from '../../server/errors.js';
import { loadChecklists } from './data.js';
import { caseTicks, saveCaseTicks } from './ticks.js';
import { PUBLIC_READS_LIMIT } from '../../server/rate-limit/public-reads.js';

/** Reference text from a public handbook: open to anyone, limited per address like the directory. */
const publicRoute = { access: 'public' as const, rateLimit: PUBLIC_READS_LIMIT };
const Json = z.record(z.string(), z.unknown());
const TicksParams = z.object({ id: z.uuid(), checklistId: z.string().regex(/^[a-z0-9-]{1,60}$/) });
const TicksBody = z.object({ itemIds: z.array(z.string().max(60)).max(500), minor: z.boolean(), acute: z.boolean(), version: z.number().int().min(0) });
const Text = z.object({ nb: z.string(), da: z.string(), en: z.string() });
const NextStep = z.object({
  when: z.enum(['any_ticked', 'minor', 'acute']), text: Text, contacts: z.array(z.string()).optional(),
  source: z.object({ seed: z.string(), line: z.number(), quote: z.string().optional(), section: z.string().optional() }),
});
const TicksOut = z.object({ checklistId: z.string(), itemIds: z.array(z.string()), minor: z.boolean(), acute: z.boolean(), version: z.number(), updatedAt: z.string().nullable(), nextSteps: z.array(NextStep) });

/**
 * The handbook's checklists (issue 10 point 5): read by anyone; ticked on a follow-up case by
 * those who may work it, where what is ticked is case data (read and change audited).
 */
export async function checklistRoutes(app: FastifyInstance) {
  const r = typed(app);
  const lists = loadChecklists();
  r.get('/checklists', {
    config: publicRoute,
    schema: { tags: ['checklists'], response: { 200: z.array(z.object({ id: z.string(), title: Json, intro: Json, last_verified: z.string(), items: z.number() })) } },
  }, async () => lists.map((c) => ({ id: c.id, title: c.title, intro: c.intro, last_verified: c.last_verified, items: c.sections.reduce((n, s) => n + s.items.length, 0) })));
  r.get('/checklists/:checklistId', {
    config: publicRoute,
    schema: { tags: ['checklists'], params: z.object({ checklistId: z.string().max(60) }), response: { 200: Json } },
  }, async (request) => {
    const found = lists.find((c) => c.id === request.params.checklistId);
    if (!found) throw notFound();
    return found as unknown as Record<string, unknown>;
  });
  r.get('/cases/:id/checklists/:checklistId', {
    config: { access: 'case.read' },
    schema: { tags: ['checklists'], params: TicksParams, response: { 200: TicksOut } },
  }, async (request) => caseTicks(app.db, actorOf(request), request.params.id, request.params.checklistId));
  r.put('/cases/:id/checklists/:checklistId', {
    config: { access: 'case.update' },
    schema: { tags: ['checklists'], params: TicksParams, body: TicksBody, response: { 200: TicksOut } },
  }, async (request) => saveCaseTicks(app.db, actorOf(request), request.params.id, request.params.checklistId, request.body));
}
