import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/app.js';
import { loadRightsGuide } from './data.js';

/**
 * The rights guide (issue 10 point 4). Its rules are data (`data/rights/`); these tests hold the
 * data to the issue's demands — every status × domain answered, every rule with its source line in
 * handbook 004 and a last-verified date, children's rules overriding adults' — and check answers
 * against what the handbook says (seed 004, lines named at each).
 */
const guide = loadRightsGuide();
const SEED = path.resolve('../shared/seeds/004_99bf4d4e407cc16c.txt');

const STATUSES = ['asylum_seeker_reception', 'asylum_seeker_outside_reception', 'unaccompanied_minor_under_15', 'unaccompanied_minor_15_18', 'refused_appeal_pending',
  'final_refusal_irregular', 'protection_granted_settled', 'eea_fixed_abode_registered', 'eea_no_fixed_abode_registered', 'eea_no_fixed_abode_unregistered', 'eea_with_ehic',
  'trafficking_reflection_adult', 'trafficking_reflection_minor', 'labour_migrant', 'student', 'family_immigrant'];
const DOMAINS = ['emergency_health', 'necessary_health', 'gp', 'specialist_care', 'maternity_care', 'mental_health', 'dental_care', 'infectious_disease', 'interpreter',
  'social_assistance', 'housing', 'kindergarten', 'school', 'work', 'legal_aid'];

describe('the rights guide\'s data', () => {
  it('has the issue\'s statuses and domains', () => {
    expect(guide.statuses.map((s) => s.id)).toEqual(STATUSES);
    expect(guide.domains.map((d) => d.id)).toEqual(DOMAINS);
  });

  it('answers every status × domain pair once (for adults; children\'s rules only override)', () => {
    for (const status of STATUSES) {
      for (const domain of DOMAINS) {
        const general = guide.rules.filter((r) => r.domain === domain && r.statuses.includes(status) && r.age !== 'child');
        expect(general.length, `${status} × ${domain}`).toBe(1);
        expect(guide.rules.filter((r) => r.domain === domain && r.statuses.includes(status) && r.age === 'child').length, `${status} × ${domain} (child)`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('gives every rule its source line in handbook 004 and a last-verified date', () => {
    for (const rule of guide.rules) {
      expect(rule.source.seed).toBe('004');
      expect(rule.source.line).toBeGreaterThan(0);
      expect(rule.source.quote.length).toBeGreaterThan(0);
      expect(rule.last_verified).toMatch(/^20\d\d-\d\d-\d\d$/);
      expect(Number.isNaN(Date.parse(rule.last_verified))).toBe(false);
    }
  });

  it.skipIf(!fs.existsSync(SEED))('quotes each rule\'s source line as the handbook prints it', () => {
    const lines = fs.readFileSync(SEED, 'utf8').split('\n');
    for (const rule of guide.rules) expect(lines[rule.source.line - 1], `${rule.domain} ${rule.statuses.join(',')}`).toContain(rule.source.quote);
  });

  it('says "depends" only with what to check when the handbook does not say', () => {
    for (const rule of guide.rules.filter((r) => r.answer === 'depends')) expect(rule.conditions.nb.length).toBeGreaterThan(40);
  });
});

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const ask = async (query: Record<string, string>) => {
  const res = await t.app.inject({ method: 'GET', url: '/api/rights/answer', query });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { answer: string; child_override: boolean; legal_basis: string; source: { line: number; section: string }; conditions: { nb: string; da: string; en: string }; last_verified: string };
};

describe('GET /api/rights/answer', () => {
  it('answers as the handbook does', async () => {
    // Asylum seekers have the same right to primary health care as residents, GP included (004 l. 2319, 2720 on).
    expect((await ask({ status: 'asylum_seeker_reception', domain: 'gp' })).answer).toBe('entitled');
    // No right to a kindergarten place; the municipality gives one "så langt som det er mulig" (004 l. 2746).
    expect((await ask({ status: 'asylum_seeker_reception', domain: 'kindergarten' })).answer).toBe('limited');
    // Everyone has the right to emergency help, lawful residence or not (forskrift 2011-12-16-1255).
    expect((await ask({ status: 'final_refusal_irregular', domain: 'emergency_health' })).answer).toBe('entitled');
    // The reflection period gives six months' work permit (004 l. 10290).
    expect((await ask({ status: 'trafficking_reflection_adult', domain: 'work' })).answer).toBe('entitled');
    // Children 6–16 have the right and the duty to attend primary school (004 l. 2652).
    expect((await ask({ status: 'unaccompanied_minor_under_15', domain: 'school' })).answer).toBe('entitled');
  });

  it('lets a child\'s right override the adult rule where the handbook says so', async () => {
    // Adults without lawful residence get only care that cannot wait; children under 18 get primary and specialist care (004 l. 6041, 6474).
    const adult = await ask({ status: 'final_refusal_irregular', domain: 'specialist_care' });
    expect(adult).toMatchObject({ answer: 'limited', child_override: false });
    const child = await ask({ status: 'final_refusal_irregular', domain: 'specialist_care', child: 'true' });
    expect(child).toMatchObject({ answer: 'entitled', child_override: true });
    expect(child.legal_basis).toContain('2011-12-16-1255');
    expect(child.conditions.en).toMatch(/[Cc]hildren under 18/);
  });

  it('gives a status\'s answers for every domain, and names a bad field', async () => {
    const all = await t.app.inject({ method: 'GET', url: '/api/rights/statuses/student' });
    expect(all.json().answers.map((a: { domain: string }) => a.domain)).toEqual(DOMAINS);
    const bad = await t.app.inject({ method: 'GET', url: '/api/rights/answer?status=tourist&domain=gp', headers: { 'accept-language': 'en' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('status');
    const missing = await t.app.inject({ method: 'GET', url: '/api/rights/answer?status=student' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().field).toBe('domain');
  });
});
