import { describe, expect, it } from 'vitest';
import { buildReport } from './report.js';
import type { RollupCount } from './queries.js';
import type { HelplineSnapshot } from '../helplines/snapshot.js';

const snapshot: HelplineSnapshot = { id: 'tiny-line', timeZone: 'Europe/Oslo', channels: ['telephone'], categories: new Map(), byCode: new Map() };
const count = (set: RollupCount['set'], kind: string, n: number, extra: Partial<RollupCount> = {}): RollupCount => ({
  set, kind, n, month: null, channel: null, who_id: null, age_group_id: null, gender_id: null, country: null, body_type_id: null, follow_up: null, ...extra,
});

function tiny(suppress: boolean) {
  return buildReport({
    snapshot, helplineName: 'Tiny', year: 2024, locale: 'nb', suppress, themes: [],
    counts: [count('kind', 'first_contact', 3), count('kind', 'knowledge_request', 40), count('who', 'first_contact', 3), count('channel', 'first_contact', 3, { channel: 'telephone' })],
    previousKinds: { first_contact: 12, knowledge_request: 30 },
    demoContacts: 0,
  });
}

describe('small-cell suppression', () => {
  it('shows small counts as "<5" and gives no percent change that would reveal them', () => {
    const r = tiny(true);
    const first = r.tables.find((t) => t.id === 'kind')!.rows.find((x) => x.key === 'first_contact')!;
    expect(first.values).toEqual(['<5', 12, '–']);
    const knowledge = r.tables.find((t) => t.id === 'kind')!.rows.find((x) => x.key === 'knowledge_request')!;
    expect(knowledge.values).toEqual([40, 30, 33]);
    expect(r.summary.firstContactsFromIndividuals).toBe('<5');
    expect(r.tables.find((t) => t.id === 'who')!.note).toContain('<5 av <5');
  });

  it('without the switch every number is shown as counted', () => {
    const r = tiny(false);
    expect(r.tables.find((t) => t.id === 'kind')!.rows.find((x) => x.key === 'first_contact')!.values).toEqual([3, 12, -75]);
    expect(r.summary).toMatchObject({ total: 43, previousTotal: 42, changePercent: 2 });
  });
});
