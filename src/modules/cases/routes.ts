import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../../server/route-types.js';
import { actorOf } from '../../server/plugins/access.js';
import { CaseListQuery, CaseListResponse, CaseOpenBody, CaseResponse, CaseStatusBody, ConsentBody, ConsentWithdrawBody, PersonBody, ReferralBody, ReferralOutcomeBody, ActivityBody, HandOverBody, CaseAccessEntry, ProtectionBody, RevealBody, RevealedProtection, MailItemBody, MailHandledBody, AnonymiseBody, TaskBody, TaskDoneBody, DueTask, DueTasksQuery } from '../../shared/schemas/cases.js';
import { changeCaseStatus, getCase, listCases, openCase } from './service.js';
import { recordConsent, savePerson, withdrawConsent } from './consent.js';
import { createReferral, recordReferralOutcome } from './referrals.js';
import { logActivity } from './activities.js';
import { caseAccessLog, handOver, handOverCandidates } from './handover.js';
import { endProtection, revealProtection, saveProtection } from './protection.js';
import { recordMailHandled, recordMailItem } from './mail.js';
import { anonymiseOnRequest } from './anonymise.js';
import { addTask, dueTasks, setTaskDone } from './tasks.js';
import { exportCase } from './export.js';
import { caseExportHtml } from './export-html.js';
import { requestLocale } from '../../server/plugins/locale.js';

const IdParams = z.object({ id: z.uuid() });
const ReferralParams = z.object({ id: z.uuid(), referralId: z.uuid() });
const MailParams = z.object({ id: z.uuid(), itemId: z.uuid() });
const TaskParams = z.object({ id: z.uuid(), taskId: z.uuid() });

/** Follow-up cases (issue 9): open, list, read, change status. Each route's action is in the README's table. */
export async function caseRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.post('/cases', {
    config: { access: 'case.open' },
    schema: { tags: ['cases'], body: CaseOpenBody, response: { 201: CaseResponse } },
  }, async (request, reply) => reply.status(201).send(await openCase(app.db, actorOf(request), request.body, app.config.keyFile)));

  r.get('/cases', {
    config: { access: 'case.read' },
    schema: { tags: ['cases'], querystring: CaseListQuery, response: { 200: CaseListResponse } },
  }, async (request) => listCases(app.db, actorOf(request), request.query));

  // What is due on the caseload: tasks and time-limit reminders (before /cases/:id, which it is not).
  r.get('/cases/tasks', {
    config: { access: 'case.read' },
    schema: { tags: ['cases'], querystring: DueTasksQuery, response: { 200: z.array(DueTask) } },
  }, async (request) => dueTasks(app.db, actorOf(request), request.query.scope));

  r.get('/cases/:id', {
    config: { access: 'case.read' },
    schema: { tags: ['cases'], params: IdParams, response: { 200: CaseResponse } },
  }, async (request) => getCase(app.db, actorOf(request), request.params.id, app.config.keyFile));

  r.post('/cases/:id/status', {
    config: { access: 'case.update' },
    schema: { tags: ['cases'], params: IdParams, body: CaseStatusBody, response: { 200: CaseResponse } },
  }, async (request) => changeCaseStatus(app.db, actorOf(request), request.params.id, request.body, app.config.keyFile));

  // Consent and the person it lets us know: changes to the case, by its owner or a coordinator.
  r.put('/cases/:id/consent', {
    config: { access: 'case.update' },
    schema: { tags: ['cases'], params: IdParams, body: ConsentBody, response: { 200: CaseResponse } },
  }, async (request) => recordConsent(app.db, actorOf(request), request.params.id, request.body, app.config.keyFile));

  r.post('/cases/:id/consent/withdraw', {
    config: { access: 'case.update' },
    schema: { tags: ['cases'], params: IdParams, body: ConsentWithdrawBody, response: { 200: CaseResponse } },
  }, async (request) => withdrawConsent(app.db, actorOf(request), request.params.id, request.body, app.config.keyFile));

  r.put('/cases/:id/person', {
    config: { access: 'case.update' },
    schema: { tags: ['cases'], params: IdParams, body: PersonBody, response: { 200: CaseResponse } },
  }, async (request) => savePerson(app.db, actorOf(request), request.params.id, request.body, app.config.keyFile));

  // Referrals: consent-gated (a coordinator's written reason overrides), audited.
  r.post('/cases/:id/referrals', {
    config: { access: 'case.update' },
    schema: { tags: ['cases'], params: IdParams, body: ReferralBody, response: { 201: CaseResponse } },
  }, async (request, reply) => reply.status(201).send(await createReferral(app.db, actorOf(request), request.params.id, request.body, app.config.keyFile)));

  r.put('/cases/:id/referrals/:referralId/outcome', {
    config: { access: 'case.update' },
    schema: { tags: ['cases'], params: ReferralParams, body: ReferralOutcomeBody, response: { 200: CaseResponse } },
  }, async (request) => recordReferralOutcome(app.db, actorOf(request), request.params.id, request.params.referralId, request.body, app.config.keyFile));

  // The activity log (seed 002's categories).
  r.post('/cases/:id/activities', {
    config: { access: 'case.update' },
    schema: { tags: ['cases'], params: IdParams, body: ActivityBody, response: { 201: CaseResponse } },
  }, async (request, reply) => reply.status(201).send(await logActivity(app.db, actorOf(request), request.params.id, request.body, app.config.keyFile)));

  // Sperret adresse (kode 6/7) and the mail register (decision 0032): the address is only ever
  // answered by the reveal route, to the owner or a coordinator, with a reason that is audited.
  r.put('/cases/:id/protection', {
    config: { access: 'case.update' },
    schema: { tags: ['cases'], params: IdParams, body: ProtectionBody, response: { 200: CaseResponse } },
  }, async (request) => saveProtection(app.db, actorOf(request), request.params.id, request.body, app.config.keyFile));

  r.delete('/cases/:id/protection', {
    config: { access: 'case.update' },
    schema: { tags: ['cases'], params: IdParams, response: { 200: CaseResponse } },
  }, async (request) => endProtection(app.db, actorOf(request), request.params.id, app.config.keyFile));

  r.post('/cases/:id/protection/reveal', {
    config: { access: 'case.protected' },
    schema: { tags: ['cases'], params: IdParams, body: RevealBody, response: { 200: RevealedProtection } },
  }, async (request) => revealProtection(app.db, actorOf(request), request.params.id, request.body, app.config.keyFile));

  r.post('/cases/:id/mail', {
    config: { access: 'case.update' },
    schema: { tags: ['cases'], params: IdParams, body: MailItemBody, response: { 201: CaseResponse } },
  }, async (request, reply) => reply.status(201).send(await recordMailItem(app.db, actorOf(request), request.params.id, request.body, app.config.keyFile)));

  r.put('/cases/:id/mail/:itemId', {
    config: { access: 'case.update' },
    schema: { tags: ['cases'], params: MailParams, body: MailHandledBody, response: { 200: CaseResponse } },
  }, async (request) => recordMailHandled(app.db, actorOf(request), request.params.id, request.params.itemId, request.body, app.config.keyFile));

  r.get('/cases/:id/colleagues', {
    config: { access: 'case.update' },
    schema: { tags: ['cases'], params: IdParams, response: { 200: z.array(z.object({ id: z.uuid(), displayName: z.string() })) } },
  }, async (request) => handOverCandidates(app.db, actorOf(request), request.params.id));

  r.post('/cases/:id/owner', {
    config: { access: 'case.update' },
    schema: { tags: ['cases'], params: IdParams, body: HandOverBody, response: { 204: z.null() } },
  }, async (request, reply) => {
    await handOver(app.db, actorOf(request), request.params.id, request.body);
    return reply.status(204).send(null);
  });

  r.post('/cases/:id/tasks', {
    config: { access: 'case.update' },
    schema: { tags: ['cases'], params: IdParams, body: TaskBody, response: { 201: CaseResponse } },
  }, async (request, reply) => reply.status(201).send(await addTask(app.db, actorOf(request), request.params.id, request.body, app.config.keyFile)));

  r.put('/cases/:id/tasks/:taskId', {
    config: { access: 'case.update' },
    schema: { tags: ['cases'], params: TaskParams, body: TaskDoneBody, response: { 200: CaseResponse } },
  }, async (request) => setTaskDone(app.db, actorOf(request), request.params.id, request.params.taskId, request.body, app.config.keyFile));

  // Data protection (issue 9 point 8, decision 0033): an access request's export, erasure on request.
  r.get('/cases/:id/export.json', {
    config: { access: 'case.export' },
    schema: { tags: ['cases'], params: IdParams, produces: ['application/json'] },
  }, async (request, reply) => {
    const data = await exportCase(app.db, actorOf(request), request.params.id, app.config.keyFile);
    return reply.header('content-disposition', `attachment; filename="innsyn-${request.params.id.slice(0, 8)}.json"`).type('application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
  });

  r.get('/cases/:id/export.html', {
    config: { access: 'case.export' },
    schema: { tags: ['cases'], params: IdParams, produces: ['text/html'] },
  }, async (request, reply) => {
    const data = await exportCase(app.db, actorOf(request), request.params.id, app.config.keyFile);
    return reply.type('text/html; charset=utf-8').send(caseExportHtml(data, requestLocale(request)));
  });

  r.post('/cases/:id/anonymise', {
    config: { access: 'case.erase' },
    schema: { tags: ['cases'], params: IdParams, body: AnonymiseBody, response: { 200: CaseResponse } },
  }, async (request) => anonymiseOnRequest(app.db, actorOf(request), request.params.id, request.body, app.config.keyFile));

  r.get('/cases/:id/access-log', {
    config: { access: 'case.audit' },
    schema: { tags: ['cases'], params: IdParams, response: { 200: z.array(CaseAccessEntry) } },
  }, async (request) => caseAccessLog(app.db, actorOf(request), request.params.id));
}
