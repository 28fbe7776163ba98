import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../../server/route-types.js';
import { AppError } from '../../server/errors.js';
import { Answer, loadRightsGuide, ruleFor, type RightsGuide } from './data.js';
import { PUBLIC_READS_LIMIT } from '../../server/rate-limit/public-reads.js';

const Text = z.object({ nb: z.string(), da: z.string(), en: z.string() });
const Source = z.object({ seed: z.string(), line: z.number(), quote: z.string(), section: z.string() });
const AnswerOut = z.object({
  status: z.string(), domain: z.string(), answer: Answer, conditions: Text, legal_basis: z.string(), source: Source, last_verified: z.string(),
  /** The handbook gives children more than the general rule, and this is the child's answer. */
  child_override: z.boolean(),
});
const Child = z.enum(['true', 'false']).default('false');
/** Reference text from a public handbook: open to anyone, limited per address like the directory. */
const publicRoute = { access: 'public' as const, rateLimit: PUBLIC_READS_LIMIT };

function answerOf(guide: RightsGuide, status: string, domain: string, child: boolean) {
  if (!guide.statuses.some((s) => s.id === status)) throw new AppError(400, 'invalid_value', 'status');
  if (!guide.domains.some((d) => d.id === domain)) throw new AppError(400, 'invalid_value', 'domain');
  const found = ruleFor(guide, status, domain, child);
  // Every pair has a rule (a test shows it); a missing one is a broken data file, not bad input.
  if (!found) throw new Error(`rights guide: no rule for ${status} × ${domain}`);
  const { rule, childOverride } = found;
  return { status, domain, answer: rule.answer, conditions: rule.conditions, legal_basis: rule.legal_basis, source: rule.source, last_verified: rule.last_verified, child_override: childOverride };
}

/**
 * The rights guide (issue 10 point 4): for a migration status and a domain, what the person is
 * entitled to, on what conditions and legal basis, and where handbook 004 says so.
 */
export async function rightsRoutes(app: FastifyInstance) {
  const r = typed(app);
  const guide = loadRightsGuide();
  r.get('/rights', {
    config: publicRoute,
    schema: { tags: ['rights'], response: { 200: z.object({ statuses: z.array(z.object({ id: z.string(), label: Text, minor: z.boolean(), section: z.string() })), domains: z.array(z.object({ id: z.string(), label: Text })) }) } },
  }, async () => ({ statuses: guide.statuses, domains: guide.domains }));
  r.get('/rights/answer', {
    config: publicRoute,
    schema: { tags: ['rights'], querystring: z.object({ status: z.string().max(60), domain: z.string().max(60), child: Child }), response: { 200: AnswerOut } },
  }, async (request) => answerOf(guide, request.query.status, request.query.domain, request.query.child === 'true'));
  r.get('/rights/statuses/:status', {
    config: publicRoute,
    schema: { tags: ['rights'], params: z.object({ status: z.string().max(60) }), querystring: z.object({ child: Child }), response: { 200: z.object({ answers: z.array(AnswerOut) }) } },
  }, async (request) => ({ answers: guide.domains.map((d) => answerOf(guide, request.params.status, d.id, request.query.child === 'true')) }));
}
