/**
 * Builds the seed-002 reproduction data set (data/seed-002/*.csv, in the import format of
 * docs/import-format.md) from the figures that Rapport 2022 of Røde Kors-telefonen publishes.
 * Every number below is either stated in the report (marked SEED) or chosen by us where the
 * report only shows a chart whose numbers are not in its text (marked CHOSEN); see
 * docs/seed-002-reproduction.md. Run: npx tsx scripts/build-seed-002.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';

type Counts = Record<string, number>;

interface YearSpec {
  year: number;
  firstContacts: number;
  knowledgeRequests: number;
  who: Counts;
  ageGroup: Counts;
  gender: Counts;
  channel: Counts;
  month: number[];
  country: Counts;
  themes: { code: string; n: number; subthemes?: Counts }[];
  followUp: number;
  bodyType: Counts;
  knowledgeMonth: number[];
}

export const YEAR_2022: YearSpec = {
  year: 2022,
  firstContacts: 88, // SEED 4.1: first contacts from individuals
  knowledgeRequests: 23, // SEED 4.1 (3.1 says 22 from external bodies)
  // SEED: 45 from the person affected; CHOSEN: how the other 43 split.
  who: { person_affected: 45, family: 24, wider_network: 11, other_organisation: 8 },
  // SEED: 16 under 18, 61 over 18; the remaining 11 did not state an age ('' = not stated).
  ageGroup: { under_18: 16, over_18: 61, '': 11 },
  // SEED: 67 women, 18 men, 1 transgender person; the report also says 3 did not state a gender,
  // which would make 89 of 88 — the data can hold only 2 (see the doc).
  gender: { kvinne: 67, mann: 18, transperson: 1, '': 2 },
  // CHOSEN, within SEED's "telephone, e-mail, WhatsApp and physical visits; a clear majority by telephone".
  channel: { telephone: 60, email: 13, whatsapp: 9, walk_in: 6 },
  // CHOSEN, within SEED's "most in March and September, fewest in April and October".
  month: [7, 8, 12, 3, 7, 8, 5, 7, 12, 3, 8, 8],
  // SEED: 4 with background from Chechnya counted under Russia, Iraqi Kurdistan under Iraq, a large
  // share not stated or not asked. CHOSEN: the other countries and the split.
  country: { RU: 4, IQ: 3, PK: 6, SO: 5, AF: 4, SY: 3, TR: 2, ER: 2, MA: 2, IR: 2, not_stated: 33, not_asked: 22 },
  // SEED: the four largest themes and their order; CHOSEN: the counts and the subtheme split.
  themes: [
    { code: 'negativ_sosial_kontroll', n: 52 },
    { code: 'andre_aeresrelatert_vold', n: 31 },
    { code: 'tvangsekteskap', n: 27, subthemes: { te_planlagt: 12, te_i_ekteskap: 6, te_vold_ved_brudd: 5, te_utfrysning: 4 } },
    { code: 'ufrivillig_utenlandsopphold', n: 18, subthemes: { uu_trussel: 11, uu_i_utlandet: 7 } },
    { code: 'vold_i_nare_relasjoner', n: 9 },
    { code: 'etterlatt_i_utlandet', n: 6 },
    { code: 'kjonnslemlestelse', n: 5 },
    { code: 'jomfruhinne', n: 3 },
  ],
  followUp: 21, // SEED 4.1: 21 registered as follow-up cases
  // SEED 3.1: 22 from external bodies; CHOSEN: the types. The 23rd has no type recorded.
  bodyType: { school: 6, health: 4, nav: 3, child_welfare: 2, police: 2, municipality: 2, voluntary_org: 2, crisis_centre: 1, '': 1 },
  knowledgeMonth: [2, 2, 3, 1, 2, 2, 1, 1, 3, 2, 2, 2],
};

export const YEAR_2021: YearSpec = {
  year: 2021,
  // SEED: 111 is +46 % on 2021, so 2021 had 76 (111/76 = 1.46). CHOSEN: the split.
  firstContacts: 62,
  knowledgeRequests: 14,
  who: { person_affected: 33, family: 17, wider_network: 7, other_organisation: 5 },
  ageGroup: { under_18: 13, over_18: 41, '': 8 },
  // SEED: the number of men doubled from 2021 to 2022 (18), so 9 in 2021.
  gender: { kvinne: 50, mann: 9, '': 3 },
  channel: { telephone: 44, email: 9, whatsapp: 5, walk_in: 4 },
  month: [5, 6, 7, 4, 5, 6, 3, 4, 7, 5, 5, 5],
  country: { PK: 5, SO: 4, IQ: 3, AF: 3, RU: 2, SY: 2, not_stated: 25, not_asked: 18 },
  themes: [
    { code: 'negativ_sosial_kontroll', n: 35 },
    { code: 'tvangsekteskap', n: 20, subthemes: { te_planlagt: 10, te_i_ekteskap: 5, te_vold_ved_brudd: 3, te_utfrysning: 2 } },
    { code: 'andre_aeresrelatert_vold', n: 18 },
    { code: 'ufrivillig_utenlandsopphold', n: 12, subthemes: { uu_trussel: 8, uu_i_utlandet: 4 } },
    { code: 'etterlatt_i_utlandet', n: 4 },
    { code: 'kjonnslemlestelse', n: 3 },
  ],
  followUp: 15,
  bodyType: { school: 5, health: 3, nav: 2, police: 1, municipality: 2, voluntary_org: 1 },
  knowledgeMonth: [1, 1, 2, 1, 1, 1, 0, 1, 2, 1, 2, 1],
};

/** Expands {code: n} into a list of n codes each, in the order given. */
function expand(counts: Counts, expected: number, what: string): string[] {
  const list = Object.entries(counts).flatMap(([code, n]) => Array<string>(n).fill(code));
  if (list.length !== expected) throw new Error(`${what}: ${list.length} values for ${expected} contacts`);
  return list;
}

/** Spreads a list over the contacts with a stride, so dimensions are mixed rather than aligned. */
function spread<T>(list: T[], stride: number): T[] {
  const out = new Array<T>(list.length);
  let j = 0;
  for (const v of list) {
    while (out[j % list.length] !== undefined) j++;
    out[j % list.length] = v;
    j += stride;
  }
  return out;
}

function dayOf(year: number, month: number, i: number): string {
  const day = 1 + ((i * 7) % 27);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} ${String(9 + (i % 7)).padStart(2, '0')}:${String((i * 13) % 60).padStart(2, '0')}`;
}

export function buildRows(s: YearSpec): Record<string, string | number>[] {
  const n = s.firstContacts;
  const months = s.month.flatMap((k, m) => Array<number>(k).fill(m + 1));
  if (months.length !== n) throw new Error(`months: ${months.length} for ${n}`);
  const who = spread(expand(s.who, n, 'who'), 7);
  const age = spread(expand(s.ageGroup, n, 'age'), 5);
  const gender = spread(expand(s.gender, n, 'gender'), 3);
  const channel = spread(expand(s.channel, n, 'channel'), 11);
  const country = spread(expand(s.country, n, 'country'), 13);
  // Themes: walk round the contacts, so each theme lands on distinct contacts and all get one.
  const themes: string[][] = Array.from({ length: n }, () => []);
  let cursor = 0;
  for (const t of s.themes) {
    const subs = t.subthemes ? expand(t.subthemes, t.n, t.code) : [];
    for (let k = 0; k < t.n; k++) {
      themes[cursor % n].push(subs.length ? `${t.code}(${subs[k]})` : t.code);
      cursor++;
    }
  }
  if (themes.some((x) => x.length === 0)) throw new Error('a contact without a theme');
  const rows: Record<string, string | number>[] = [];
  for (let i = 0; i < n; i++) {
    rows.push({
      date_time: dayOf(s.year, months[i], i),
      channel: channel[i],
      kind: 'first_contact',
      duration_minutes: 10 + ((i * 17) % 50),
      who: who[i],
      age_group: age[i],
      age: '',
      gender: gender[i],
      country: country[i],
      body_type: '',
      themes: themes[i].join('|'),
      summary: '',
      outcomes: i % Math.round(n / s.followUp) === 0 && rows.filter((r) => String(r.outcomes).includes('follow_up_case')).length < s.followUp ? 'advice_given|follow_up_case' : 'advice_given',
      referred_to: '',
    });
  }
  // Top up follow-up cases if the stride fell short, from the end.
  for (let i = n - 1; rows.filter((r) => String(r.outcomes).includes('follow_up_case')).length < s.followUp; i--) {
    if (!String(rows[i].outcomes).includes('follow_up_case')) rows[i].outcomes = 'advice_given|follow_up_case';
  }
  const kMonths = s.knowledgeMonth.flatMap((k, m) => Array<number>(k).fill(m + 1));
  const bodies = expand(s.bodyType, s.knowledgeRequests, 'body type');
  if (kMonths.length !== s.knowledgeRequests) throw new Error('knowledge months');
  for (let i = 0; i < s.knowledgeRequests; i++) {
    rows.push({
      date_time: dayOf(s.year, kMonths[i], i + 3),
      channel: i % 3 === 0 ? 'email' : 'telephone',
      kind: 'knowledge_request',
      duration_minutes: 20,
      who: '',
      age_group: '',
      age: '',
      gender: '',
      country: 'not_asked',
      body_type: bodies[i],
      themes: s.themes[i % 3].code,
      summary: '',
      outcomes: 'advice_given',
      referred_to: '',
    });
  }
  return rows;
}

const COLUMNS = ['date_time', 'channel', 'kind', 'duration_minutes', 'who', 'age_group', 'age', 'gender', 'country', 'body_type', 'themes', 'summary', 'outcomes', 'referred_to'];

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve('data/seed-002');
  fs.mkdirSync(dir, { recursive: true });
  for (const spec of [YEAR_2021, YEAR_2022]) {
    const file = path.join(dir, `rode-kors-telefonen-${spec.year}.csv`);
    fs.writeFileSync(file, stringify(buildRows(spec), { header: true, columns: COLUMNS }));
    console.log(`wrote ${file}`);
  }
}
