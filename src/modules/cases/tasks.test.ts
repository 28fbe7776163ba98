import { describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';
import { applyRetention } from '../retention/service.js';

// Issue 9: tasks with due dates (point 6), and time-limit reminders on the job runner (point 8).
const ctx = useTestApp(RK);
type Json = Record<string, any>;
const send = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Json) => ctx.t.app.inject({ method, url, headers: { cookie }, payload });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function open(cookie: string, body: Json = {}) {
  const res = await send(cookie, 'POST', '/api/cases', { helplineId: RK, userGroup: 'housing_programme', pseudonym: 'Oppgaver', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Json;
}

describe('tasks on a case', () => {
  it('are added with a due date, listed by date on the case and, when due within 14 days, in the owner\'s to-do list; ticked off, they leave it', async () => {
    const owner = await ctx.t.as('caseworker');
    const c = await open(owner.cookie);
    const later = await send(owner.cookie, 'POST', `/api/cases/${c.id}/tasks`, { title: 'Følge opp søknad om bostøtte', dueOn: day(30) });
    expect(later.statusCode, later.body).toBe(201);
    const soon = await send(owner.cookie, 'POST', `/api/cases/${c.id}/tasks`, { title: 'Ring NAV-veileder', dueOn: day(3) });
    const tasks = soon.json().tasks as Json[];
    expect(tasks.map((t) => [t.title, t.dueOn, t.doneAt])).toEqual([['Ring NAV-veileder', day(3), null], ['Følge opp søknad om bostøtte', day(30), null]]);

    const due = await send(owner.cookie, 'GET', '/api/cases/tasks');
    expect(due.statusCode).toBe(200);
    expect(due.json()).toEqual([{ id: tasks[0].id, kind: 'task', title: 'Ring NAV-veileder', dueOn: day(3), version: 1, caseId: c.id, pseudonym: 'Oppgaver' }]);
    // Another caseworker's list does not have it.
    const other = await ctx.t.as('caseworker');
    expect((await send(other.cookie, 'GET', '/api/cases/tasks')).json()).toEqual([]);
    expect((await send(other.cookie, 'GET', '/api/cases/tasks?scope=service')).statusCode).toBe(403);

    const done = await send(owner.cookie, 'PUT', `/api/cases/${c.id}/tasks/${tasks[0].id}`, { done: true, version: 1 });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().tasks[0]).toMatchObject({ title: 'Ring NAV-veileder', doneAt: expect.any(String), doneByName: expect.stringContaining('caseworker'), version: 2 });
    expect((await send(owner.cookie, 'PUT', `/api/cases/${c.id}/tasks/${tasks[0].id}`, { done: false, version: 1 })).statusCode).toBe(409);
    expect((await send(owner.cookie, 'GET', '/api/cases/tasks')).json()).toEqual([]);
  });

  it('refuse a task without a title or with an impossible date, naming the field', async () => {
    const owner = await ctx.t.as('counsellor');
    const c = await open(owner.cookie);
    for (const [body, field] of [[{ title: ' ', dueOn: day(1) }, 'title'], [{ title: 'Ring', dueOn: '2024-02-30' }, 'dueOn']] as const) {
      const res = await send(owner.cookie, 'POST', `/api/cases/${c.id}/tasks`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe(field);
    }
    expect(await ctx.t.db.selectFrom('case_tasks').select('id').where('case_id', '=', c.id).execute()).toEqual([]);
  });
});

describe('time-limit reminders', () => {
  it('the hourly job writes one reminder per case whose time limit runs out within 14 days, once, and none for closed cases or later limits', async () => {
    const owner = await ctx.t.as('caseworker');
    const soon = await open(owner.cookie, { timeLimit: day(10) });
    const late = await open(owner.cookie, { timeLimit: day(40) });
    const closed = await open(owner.cookie, { timeLimit: day(5) });
    await send(owner.cookie, 'POST', `/api/cases/${closed.id}/status`, { status: 'closed', closeReason: 'time_limit_reached', version: 1 });

    const first = await applyRetention(ctx.t.db, { sessionIdleMs: 30 * 60_000 });
    expect(first?.remindersCreated).toBe(1);
    const again = await applyRetention(ctx.t.db, { sessionIdleMs: 30 * 60_000 });
    expect(again?.remindersCreated).toBe(0);

    const reminders = await ctx.t.db.selectFrom('case_tasks').select(['case_id', 'kind', 'due_on', 'title']).where('kind', '=', 'time_limit').where('case_id', 'in', [soon.id, late.id, closed.id]).execute();
    expect(reminders).toEqual([{ case_id: soon.id, kind: 'time_limit', due_on: day(10), title: null }]);
    // It shows in the owner's to-do list and on the case.
    const due = (await send(owner.cookie, 'GET', '/api/cases/tasks')).json() as Json[];
    expect(due).toEqual([expect.objectContaining({ kind: 'time_limit', dueOn: day(10), caseId: soon.id, title: null })]);
  });
});
