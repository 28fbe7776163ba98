import { ACTIVITY_CATEGORIES, PERSON_GENDERS, USER_GROUPS, type Locale } from '../../shared/enums.js';
import type { CaseReport } from '../../shared/schemas/case-report.js';
import { REPORT_WORDS, fill } from '../../shared/i18n/report-labels.js';
import { Ledger } from '../stats/disclosure/ledger.js';
import { suppress as suppressCells } from '../stats/disclosure/suppress.js';
import type { Solver } from '../stats/disclosure/intervals.js';
import { renderTable, shower, type DraftTable } from '../stats/report-draft.js';
import type { CaseReportCounts } from './queries.js';
import { AGE_BANDS, CASE_REPORT_WORDS, CASE_WORDS } from './words.js';

export interface CaseReportInput {
  helplineId: string;
  helplineName: string;
  year: number;
  locale: Locale;
  suppress: boolean;
  threshold: number;
  solver?: Solver;
  counts: CaseReportCounts;
}

const GENDERS = [...PERSON_GENDERS] as string[];
/** In the order of seed 002's sections: the housing programmes (5.2), the helpline (5.3), then the anonymous regulars (5.1). */
const REPORT_GROUPS = ['housing_programme', 'helpline', 'anonymous_regular'] as const satisfies readonly (typeof USER_GROUPS)[number][];
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * Seed 002's section 5 from grouped counts (issue 9 point 7). Pure, like the helpline report:
 * every number is a quantity of one ledger with the sums a reader can check, so the published
 * view hides small numbers and whatever would give them away (complementary suppression,
 * decision 0015), and the screen, the printable report and each download show the same figures.
 */
export function buildCaseReport(input: CaseReportInput): CaseReport {
  const { counts, locale } = input;
  const w = CASE_REPORT_WORDS[locale];
  const cw = CASE_WORDS[locale];
  const rw = REPORT_WORDS[locale];
  const ledger = new Ledger();
  const groups = [...REPORT_GROUPS] as string[];
  const add = (id: string, parts: string[]) => {
    ledger.q(id, parts.reduce((a, p) => a + ledger.value(p), 0));
    ledger.sum(id, parts);
    return id;
  };

  // Activities: group × category × month, and the sums of each way a table adds them up.
  const act = (g: string, cat: string, m: number) => counts.activities.filter((a) => a.user_group === g && a.category === cat && a.month === m).reduce((s, a) => s + a.n, 0);
  for (const g of groups) {
    for (const cat of ACTIVITY_CATEGORIES) ledger.q(`act:${g}:${cat}`, MONTHS.reduce((s, m) => s + act(g, cat, m), 0));
    for (const m of MONTHS) ledger.q(`actm:${m}:${g}`, ACTIVITY_CATEGORIES.reduce((s, cat) => s + act(g, cat, m), 0));
    add(`act:${g}:all`, ACTIVITY_CATEGORIES.map((cat) => `act:${g}:${cat}`));
    ledger.sum(`act:${g}:all`, MONTHS.map((m) => `actm:${m}:${g}`));
  }
  for (const cat of ACTIVITY_CATEGORIES) add(`act:all:${cat}`, groups.map((g) => `act:${g}:${cat}`));
  for (const m of MONTHS) add(`actm:${m}:all`, groups.map((g) => `actm:${m}:${g}`));
  add('act:all:all', groups.map((g) => `act:${g}:all`));
  ledger.sum('act:all:all', ACTIVITY_CATEGORIES.map((cat) => `act:all:${cat}`));
  ledger.sum('act:all:all', MONTHS.map((m) => `actm:${m}:all`));
  // Category × month over all groups (seed 002, 5.4: each category's year month by month): its
  // rows add up to the month totals above and its columns to the category totals, both checkable.
  for (const cat of ACTIVITY_CATEGORIES) {
    for (const m of MONTHS) ledger.q(`actcm:${m}:${cat}`, groups.reduce((s, g) => s + act(g, cat, m), 0));
    ledger.sum(`act:all:${cat}`, MONTHS.map((m) => `actcm:${m}:${cat}`));
  }
  for (const m of MONTHS) ledger.sum(`actm:${m}:all`, ACTIVITY_CATEGORIES.map((cat) => `actcm:${m}:${cat}`));

  // Users per group, and how many of them are new this year.
  for (const g of groups) {
    const u = counts.users.find((x) => x.user_group === g);
    ledger.q(`users:${g}`, u?.n ?? 0);
    ledger.q(`new:${g}`, u?.new ?? 0);
    ledger.within(`new:${g}`, `users:${g}`);
  }
  add('users:all', groups.map((g) => `users:${g}`));
  add('new:all', groups.map((g) => `new:${g}`));

  // Age band × gender of users with consent: part of all users.
  const ag = (b: string, g: string) => counts.ageGender.filter((x) => x.band === b && x.gender === g).reduce((s, x) => s + x.n, 0);
  for (const b of AGE_BANDS) for (const g of GENDERS) ledger.q(`ag:${b}:${g}`, ag(b, g));
  for (const b of AGE_BANDS) add(`ag:${b}:all`, GENDERS.map((g) => `ag:${b}:${g}`));
  for (const g of GENDERS) add(`ag:all:${g}`, AGE_BANDS.map((b) => `ag:${b}:${g}`));
  add('ag:all:all', AGE_BANDS.map((b) => `ag:${b}:all`));
  ledger.sum('ag:all:all', GENDERS.map((g) => `ag:all:${g}`));
  ledger.within('ag:all:all', 'users:all');

  // Referrals and mail received per group.
  for (const [kind, rows] of [['ref', counts.referrals], ['mail', counts.mail]] as const) {
    for (const g of groups) ledger.q(`${kind}:${g}`, rows.find((x) => x.user_group === g)?.n ?? 0);
    add(`${kind}:all`, groups.map((g) => `${kind}:${g}`));
  }

  const groupColumns = [...groups.map((g) => cw.userGroups[g as keyof typeof cw.userGroups]), rw.total];
  const byGroup = (prefix: string, key: string) => [...groups, 'all'].map((g) => ({ q: `${prefix}:${g}:${key}` }));
  const tables: DraftTable[] = [
    {
      id: 'users', title: w.users, columns: [w.users, w.newThisYear],
      rows: [...groups, 'all'].map((g) => ({ key: g === 'all' ? 'total' : g, label: g === 'all' ? rw.total : cw.userGroups[g as keyof typeof cw.userGroups], values: [{ q: `users:${g}` }, { q: `new:${g}` }] })),
    },
    {
      id: 'activities', title: w.activities, columns: groupColumns,
      rows: [...ACTIVITY_CATEGORIES.map((cat) => ({ key: cat as string, label: cw.activityCategories[cat], values: byGroup('act', cat) })), { key: 'total', label: rw.total, values: byGroup('act', 'all') }],
    },
    {
      id: 'activities_month', title: w.activitiesByMonth, columns: groupColumns,
      rows: [...MONTHS.map((m) => ({ key: String(m), label: rw.months[m - 1], values: [...groups, 'all'].map((g) => ({ q: `actm:${m}:${g}` })) })), { key: 'total', label: rw.total, values: byGroup('act', 'all') }],
    },
    {
      id: 'activities_month_category', title: w.activitiesByMonthCategory, columns: [...ACTIVITY_CATEGORIES.map((cat) => cw.activityCategories[cat]), rw.total],
      rows: [
        ...MONTHS.map((m) => ({ key: String(m), label: rw.months[m - 1], values: [...ACTIVITY_CATEGORIES.map((cat) => ({ q: `actcm:${m}:${cat}` })), { q: `actm:${m}:all` }] })),
        { key: 'total', label: rw.total, values: [...ACTIVITY_CATEGORIES.map((cat) => ({ q: `act:all:${cat}` })), { q: 'act:all:all' }] },
      ],
    },
    {
      id: 'age_gender', title: w.ageGender, columns: [...GENDERS.map((g) => cw.genders[g as keyof typeof cw.genders]), rw.total],
      rows: [...AGE_BANDS, 'all'].map((b) => ({ key: b === 'all' ? 'total' : b, label: b === 'all' ? rw.total : w.ageBands[b as (typeof AGE_BANDS)[number]], values: [...GENDERS, 'all'].map((g) => ({ q: `ag:${b}:${g}` })) })),
      note: () => w.consentNote,
    },
    {
      id: 'other', title: w.other, columns: [w.referrals, w.mailItems, w.physicalMeetings],
      rows: [...groups, 'all'].map((g) => ({ key: g === 'all' ? 'total' : g, label: g === 'all' ? rw.total : cw.userGroups[g as keyof typeof cw.userGroups], values: [{ q: `ref:${g}` }, { q: `mail:${g}` }, { q: `act:${g}:physical_meeting` }] })),
      note: () => w.mailNote,
    },
  ];

  let hidden = new Set<string>();
  if (input.suppress) {
    if (!input.solver) throw new Error('the published view needs the LP solver');
    hidden = suppressCells(input.solver, ledger, input.threshold).hidden;
  }
  const { show } = shower(ledger, hidden, locale);
  const rendered = tables.map((t) => renderTable(t, ledger, hidden, locale));
  if (input.suppress) for (const t of rendered) t.note = [t.note, fill(rw.hiddenNote, { threshold: input.threshold })].filter(Boolean).join(' ');
  return {
    helplineId: input.helplineId,
    helplineName: input.helplineName,
    year: input.year,
    locale,
    suppressed: input.suppress,
    threshold: input.threshold,
    summary: { users: show('users:all'), activities: show('act:all:all'), referrals: show('ref:all'), mailItems: show('mail:all'), physicalMeetings: show('act:all:physical_meeting') },
    tables: rendered,
  };
}
