import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, sameDayLastYear } from './report.js';
import type { RollupCount } from './queries.js';
import type { HelplineSnapshot } from '../helplines/snapshot.js';
import { loadSolver, type Solver } from './disclosure/intervals.js';

const snapshot: HelplineSnapshot = { id: 'tiny-line', timeZone: 'Europe/Oslo', channels: ['telephone', 'chat'], categories: new Map(), byCode: new Map() };
const count = (set: RollupCount['set'], kind: string, n: number, extra: Partial<RollupCount> = {}): RollupCount => ({
  set, kind, n, month: null, channel: null, who_id: null, age_group_id: null, gender_id: null, country: null, body_type_id: null, follow_up: null, ...extra,
});
/** n contacts of a kind in a month by a channel, with the grouped counts the database would give. */
const contacts = (kind: string, n: number, month: number, channel: string): RollupCount[] => [
  count('kind', kind, n), count('month', kind, n, { month }), count('channel', kind, n, { channel }),
  ...(kind === 'first_contact' ? [count('who', kind, n), count('age_gender', kind, n), count('country', kind, n, { country: 'not_asked' })] : []),
  ...(kind === 'knowledge_request' ? [count('body_type', kind, n)] : []),
];

let solver: Solver;
beforeAll(async () => { solver = await loadSolver(); });

function tiny(suppress: boolean, threshold?: number) {
  return buildReport({
    snapshot, helplineName: 'Tiny', year: 2024, locale: 'nb', suppress, solver, threshold, themes: [],
    counts: [...contacts('first_contact', 3, 1, 'telephone'), ...contacts('knowledge_request', 30, 2, 'chat'), ...contacts('knowledge_request', 10, 3, 'telephone')],
    previousKinds: { first_contact: 12, knowledge_request: 30 },
    demoContacts: 0,
  });
}
const rowOf = (r: ReturnType<typeof tiny>, table: string, key: string) => r.tables.find((t) => t.id === table)!.rows.find((x) => x.key === key)!.values;

describe('small-cell suppression', () => {
  it('hides small counts with «:», not «<5», and gives no percent change that would reveal them', () => {
    const r = tiny(true);
    expect(r.view).toBe('published');
    expect(rowOf(r, 'kind', 'first_contact')).toEqual([':', 12, '–']);
    expect(r.summary.firstContactsFromIndividuals).toBe(':');
    expect(r.tables.find((t) => t.id === 'who')!.note).toContain('«:» = skjult');
    expect(JSON.stringify(r)).not.toContain('<5');
  });

  it('hides a second number wherever a hidden one could be worked out by subtraction', () => {
    const r = tiny(true);
    // 3 first contacts + 40 knowledge requests = 43: with 43 and 40 shown, 3 would follow.
    expect([r.summary.total, r.summary.knowledgeRequests]).toContain(':');
    const telephone = rowOf(r, 'channel_all', 'telephone');
    expect(telephone[0]).toBe(':');
    expect(telephone.filter((v) => v === ':').length).toBeGreaterThanOrEqual(2);
  });

  it('a helpline with a higher threshold hides more', () => {
    // 10 knowledge requests in March: shown as counted internally, hidden as small under a threshold of 11.
    expect(rowOf(tiny(false, 11), 'month_all', '3')[2]).toBe(10);
    expect(rowOf(tiny(true, 11), 'month_all', '3')[2]).toBe(':');
    expect(tiny(true, 11).threshold).toBe(11);
  });

  it('without the switch every number is shown as counted', () => {
    const r = tiny(false);
    expect(r.view).toBe('internal');
    expect(rowOf(r, 'kind', 'first_contact')).toEqual([3, 12, -75]);
    expect(r.summary).toMatchObject({ total: 43, previousTotal: 42, changePercent: 2, allContacts: 43 });
  });
});

describe('the same period last year', () => {
  it('is the same day a year earlier; 29 February becomes 28 February', () => {
    expect(sameDayLastYear('2026-11-30')).toBe('2025-11-30');
    expect(sameDayLastYear('2024-02-29')).toBe('2023-02-28');
  });
});
