import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestApp, RK } from '../../test/app.js';
import { escalationRouteAt, nextStepsFor } from '../../shared/checklists.js';
import { loadChecklists } from './data.js';

/**
 * The handbook's checklists (issue 10 point 5): the mapping checklist, the six kinds of trafficking
 * indicators with the interview guide, and the escalation route for a minor by the time of day and
 * week (seed 004, kap. 3 and 16). Ticked on a case, they say what the handbook says to do next.
 */
const lists = loadChecklists();
const byId = (id: string) => lists.find((c) => c.id === id)!;
const SEED = path.resolve('../shared/seeds/004_99bf4d4e407cc16c.txt');

describe('the checklists\' data', () => {
  it('holds the issue\'s checklists, the indicators in the handbook\'s six kinds', () => {
    expect(lists.map((c) => c.id)).toEqual(['mapping', 'trafficking-indicators', 'interview-guide', 'minor-escalation']);
    expect(byId('trafficking-indicators').sections.map((s) => s.id)).toEqual(['general', 'prostitution', 'forced_labour', 'begging_crime', 'private_homes', 'children']);
    for (const c of lists) {
      expect(c.last_verified).toMatch(/^\d{4}-\d\d-\d\d$/);
      for (const s of c.sections) for (const item of s.items) expect(item.line, `${c.id} ${item.id}`).toBeGreaterThan(0);
    }
  });

  it.skipIf(!fs.existsSync(SEED))('quotes the handbook where each checklist, section and step says it comes from', () => {
    const lines = fs.readFileSync(SEED, 'utf8').split('\n');
    for (const c of lists) {
      const sources = [c.source, ...c.sections.map((s) => s.source), ...c.next_steps.map((s) => s.source), ...(c.routes ?? []).map((r) => r.source), ...(c.then ?? []).map((t) => t.source)];
      for (const s of sources.filter((x) => x.quote)) expect(lines[s.line - 1], `${c.id} line ${s.line}`).toContain(s.quote);
    }
  });
});

describe('the escalation route for a minor (004 l. 10579 on)', () => {
  const routes = byId('minor-escalation').routes!;
  const first = (iso: string, acute = false) => escalationRouteAt(routes, acute, new Date(iso))?.id;
  it('is the child welfare service in the daytime, the emergency service evenings and weekends, the police when acute', () => {
    // Tuesday 1 December 2026, 10:00 in Oslo (09:00 UTC, winter time).
    expect(first('2026-12-01T09:00:00Z')).toBe('daytime');
    // The same Tuesday at 20:00, and Saturday 5 December at 10:00.
    expect(first('2026-12-01T19:00:00Z')).toBe('evening_weekend');
    expect(first('2026-12-05T09:00:00Z')).toBe('evening_weekend');
    // Summer time: Tuesday 7 July 2026 08:30 in Oslo is 06:30 UTC.
    expect(first('2026-07-07T06:30:00Z')).toBe('daytime');
    expect(first('2026-12-01T09:00:00Z', true)).toBe('acute');
  });
});

const ctx = useTestApp(RK);
type Json = Record<string, any>;
const send = (cookie: string, method: 'GET' | 'PUT', url: string, payload?: Json) => ctx.t.app.inject({ method, url, headers: { cookie }, payload });

describe('indicators ticked on a case', () => {
  it('are saved with the case, say what to do next, and are audited', async () => {
    const owner = await ctx.t.as('counsellor');
    const opened = await ctx.t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: owner.cookie }, payload: { helplineId: RK, userGroup: 'helpline', pseudonym: 'Indikator' } });
    const caseId = opened.json().id as string;
    const url = `/api/cases/${caseId}/checklists/trafficking-indicators`;

    const empty = await send(owner.cookie, 'GET', url);
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toMatchObject({ itemIds: [], version: 0, nextSteps: [] });

    const saved = await send(owner.cookie, 'PUT', url, { itemIds: ['general-01', 'children-01'], minor: true, acute: false, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    const steps = saved.json().nextSteps as Json[];
    const indicators = byId('trafficking-indicators');
    expect(steps).toEqual(nextStepsFor(indicators, ['general-01'], { minor: true, acute: false }));
    // A minor: the child welfare service is always told (004 l. 10579); something ticked: the handbook's advice for that.
    expect(steps.map((s) => s.when)).toEqual(expect.arrayContaining(['minor', 'any_ticked']));
    expect(steps.map((s) => s.when)).not.toContain('acute');
    expect(steps.find((s) => s.when === 'minor')!.text.nb).toContain('barneverntjenesten alltid varsles');

    expect((await send(owner.cookie, 'GET', url)).json()).toMatchObject({ itemIds: ['general-01', 'children-01'], minor: true, version: 1 });
    // A second save over an old version is refused; an item of another list names its place.
    expect((await send(owner.cookie, 'PUT', url, { itemIds: [], minor: false, acute: false, version: 0 })).statusCode).toBe(409);
    const bad = await send(owner.cookie, 'PUT', url, { itemIds: ['general-01', 'no-such-item'], minor: false, acute: false, version: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('itemIds.1');

    const audit = await ctx.t.db.selectFrom('audit_log').select(['action', 'detail']).where('entity_id', '=', caseId).where('action', 'like', 'case.checklist%').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['case.checklist.read', 'case.checklist', 'case.checklist.read']);
    expect(audit[1].detail).toEqual({ checklistId: 'trafficking-indicators', ticked: 2, minor: true, acute: false });

    // Another counsellor's case does not exist for them.
    const other = await ctx.t.as('counsellor');
    expect((await send(other.cookie, 'GET', url)).statusCode).toBe(404);
    expect((await send(other.cookie, 'PUT', url, { itemIds: [], minor: false, acute: false, version: 1 })).statusCode).toBe(404);
    expect((await send(owner.cookie, 'GET', `/api/cases/${caseId}/checklists/no-such-list`)).statusCode).toBe(404);
  });
});
