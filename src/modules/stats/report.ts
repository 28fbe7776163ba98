import type { Locale } from '../../shared/enums.js';
import { CHANNELS, CONTACT_KINDS, LIMITS } from '../../shared/enums.js';
import type { Report } from '../../shared/schemas/stats.js';
import { REPORT_WORDS, fill, formatDay, type ReportWords } from '../../shared/i18n/report-labels.js';
import type { HelplineSnapshot } from '../helplines/snapshot.js';
import { versionAt } from '../helplines/snapshot.js';
import type { RollupCount, ThemeCount } from './queries.js';
import { countryName } from './countries.js';
import { Ledger } from './disclosure/ledger.js';
import { suppress as suppressCells } from './disclosure/suppress.js';
import type { Solver } from './disclosure/intervals.js';
import { changeOf, renderTable, shower, type DraftTable } from './report-draft.js';

export interface ReportInput {
  snapshot: HelplineSnapshot;
  helplineName: string;
  year: number;
  locale: Locale;
  /** The published view: small numbers and the numbers they could be worked out from are hidden. */
  suppress: boolean;
  /** Smallest count published as is (the helpline's `smallCellThreshold`, default 5). */
  threshold?: number;
  /** The LP solver complementary suppression needs (`loadSolver()`); required when `suppress`. */
  solver?: Solver;
  counts: RollupCount[];
  themes: ThemeCount[];
  /** Counts by kind of the year before: the whole year, or the same period when `until` is set. */
  previousKinds: Record<string, number>;
  demoContacts: number;
  /** While the year is not over: the last day counted (YYYY-MM-DD); the comparison is then the same period of the year before. */
  until?: string;
}

const FIRST = 'first_contact';
const KNOWLEDGE = 'knowledge_request';
const TOP_COUNTRIES = 15;

/**
 * Builds every table of the annual report from grouped counts. Pure: no database, so the same
 * numbers come out for the screen, the printable report and the exports. Every number is a
 * quantity of one ledger with the sums that link them, so the published view can hide what would
 * give a small number away (decision 0015).
 */
export function buildReport(input: ReportInput): Report {
  const { snapshot, year, locale, counts, themes } = input;
  const threshold = input.threshold ?? LIMITS.smallCell;
  const w = REPORT_WORDS[locale];
  const ledger = new Ledger();
  // Old years report under the labels valid at the end of that year.
  const label = (id: number | null) => {
    if (id === null) return w.notStated;
    const info = snapshot.categories.get(id);
    return info ? versionAt(info, `${year}-12-31`).label[locale] : `#${id}`;
  };
  const code = (id: number | null) => (id === null ? 'not_stated' : snapshot.categories.get(id)?.code ?? `#${id}`);
  const of = (set: RollupCount['set'], kind: string) => counts.filter((c) => c.set === set && c.kind === kind);
  const total = (rows: { n: number }[]) => rows.reduce((a, c) => a + c.n, 0);

  // Kinds this year and the year before (or the same period of it), and what they add up to.
  const kind = (k: string) => ledger.q(`kind:${k}`, total(of('kind', k)));
  const prev = (k: string) => ledger.q(`previous:${k}`, input.previousKinds[k] ?? 0);
  const kinds = CONTACT_KINDS.map(kind);
  const previousKinds = CONTACT_KINDS.map(prev);
  const all = ledger.q('kind:all', kinds.reduce((a, k) => a + ledger.value(k), 0));
  ledger.sum(all, kinds);
  const previousAll = ledger.q('previous:all', previousKinds.reduce((a, k) => a + ledger.value(k), 0));
  ledger.sum(previousAll, previousKinds);
  const [first, , knowledge] = [kind(FIRST), kind('repeat_contact'), kind(KNOWLEDGE)];
  const firstAndKnowledge = ledger.q('kind:first_and_knowledge', ledger.value(first) + ledger.value(knowledge));
  ledger.sum(firstAndKnowledge, [first, knowledge]);
  const previousFirstAndKnowledge = ledger.q('previous:first_and_knowledge', ledger.value(prev(FIRST)) + ledger.value(prev(KNOWLEDGE)));
  ledger.sum(previousFirstAndKnowledge, [prev(FIRST), prev(KNOWLEDGE)]);
  const followUp = ledger.q('follow_up', total(of('follow_up', FIRST).filter((c) => c.follow_up)));
  ledger.within(followUp, first);

  const partial = input.until !== undefined;
  const period = periodLabels(w, locale, year, input.until);
  const channels = CHANNELS.filter((c) => snapshot.channels.includes(c) || counts.some((x) => x.set === 'channel' && x.channel === c && x.n !== 0));

  monthQuantities(ledger, counts);
  channelQuantities(ledger, channels, counts);
  const tables: DraftTable[] = [
    kindTable(w, period),
    monthTable(w),
    monthAllTable(w),
    channelTable(w, channels),
    channelAllTable(w, channels),
    dimensionTable('who', w.titles.who, w, ledger, snapshot, 'who', of('who', FIRST).map((c) => ({ id: c.who_id, n: c.n })), first, label),
    ageGenderTable(w, ledger, snapshot, of('age_gender', FIRST), first, label, code),
    countryTable(w, ledger, locale, of('country', FIRST), first, input.suppress ? threshold : 0),
    themeTable(w, ledger, snapshot, themes.filter((t) => t.kind === FIRST && t.subtheme_id === null), first, label),
    subthemeTable(w, ledger, snapshot, themes.filter((t) => t.kind === FIRST && t.subtheme_id !== null), label),
    dimensionTable('body_type', w.titles.body_type, w, ledger, snapshot, 'body_type', of('body_type', KNOWLEDGE).map((c) => ({ id: c.body_type_id, n: c.n })), knowledge, label),
  ];

  let hidden = new Set<string>();
  if (input.suppress) {
    if (!input.solver) throw new Error('the published view needs the LP solver');
    hidden = suppressCells(input.solver, ledger, threshold).hidden;
  }
  const { show } = shower(ledger, hidden, locale);
  const rendered = tables.map((t) => renderTable(t, ledger, hidden, locale));
  const hiddenNote = fill(w.hiddenNote, { threshold });
  if (input.suppress) for (const t of rendered) t.note = [t.note, hiddenNote].filter(Boolean).join(' ');

  return {
    helplineId: snapshot.id,
    helplineName: input.helplineName,
    year,
    locale,
    suppressed: input.suppress,
    view: input.suppress ? 'published' : 'internal',
    threshold,
    demoContacts: input.demoContacts,
    summary: {
      total: show(firstAndKnowledge),
      previousTotal: show(previousFirstAndKnowledge),
      changePercent: changeOf(ledger, hidden, firstAndKnowledge, previousFirstAndKnowledge),
      firstContactsFromIndividuals: show(first),
      knowledgeRequests: show(knowledge),
      followUpCases: show(followUp),
      allContacts: show(all),
      previousAllContacts: show(previousAll),
      allChangePercent: changeOf(ledger, hidden, all, previousAll),
      period: { partial, ...(input.until ? { until: input.until, previousUntil: sameDayLastYear(input.until) } : {}), thisYear: period.thisYear, previous: period.previous },
    },
    tables: rendered,
  };
}

/** The same day a year earlier (29 February becomes 28 February). */
export function sameDayLastYear(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function periodLabels(w: ReportWords, locale: Locale, year: number, until?: string) {
  if (!until) return { thisYear: w.columns.thisYear, previous: w.columns.previousYear };
  const before = sameDayLastYear(until);
  return {
    thisYear: fill(w.columns.yearToDate, { to: formatDay(until, locale) }),
    previous: fill(w.columns.samePeriod, { from: formatDay(`${year - 1}-01-01`, locale), to: formatDay(before, locale) }),
  };
}

type Label = (id: number | null) => string;

function notStatedNote(w: ReportWords, n: string, totalId: string) {
  return (show: (id: string) => number | string) => fill(w.notStatedNote, { n: show(n), total: show(totalId) });
}

function kindTable(w: ReportWords, period: { thisYear: string; previous: string }): DraftTable {
  const row = (key: string, label: string) => ({ key, label, values: [{ q: `kind:${key}` }, { q: `previous:${key}` }, { change: [`kind:${key}`, `previous:${key}`] as [string, string] }] });
  const rows = CONTACT_KINDS.map((k) => row(k, w.kindRows[k]));
  rows.push(row('all', w.allContacts));
  return { id: 'kind', title: w.titles.kind, columns: [period.thisYear, period.previous, w.columns.change], rows };
}

const monthCount = (counts: RollupCount[], kind: string, month: number) => counts.filter((c) => c.set === 'month' && c.kind === kind && c.month === month).reduce((a, c) => a + c.n, 0);

/** Registers every kind per month (and all kinds per month), with the sums a reader can check. */
function monthQuantities(ledger: Ledger, counts: RollupCount[]) {
  for (const k of CONTACT_KINDS) {
    const months = Array.from({ length: 12 }, (_, i) => ledger.q(`month:${i + 1}:${k}`, monthCount(counts, k, i + 1)));
    ledger.sum(`kind:${k}`, months);
  }
  for (let m = 1; m <= 12; m++) {
    const parts = CONTACT_KINDS.map((k) => `month:${m}:${k}`);
    ledger.sum(ledger.q(`month:${m}:all`, parts.reduce((a, p) => a + ledger.value(p), 0)), parts);
  }
  ledger.sum('kind:all', Array.from({ length: 12 }, (_, i) => `month:${i + 1}:all`));
}

function monthTable(w: ReportWords): DraftTable {
  const rows = w.months.map((name, i) => ({ key: String(i + 1), label: name, values: [{ q: `month:${i + 1}:${FIRST}` }, { q: `month:${i + 1}:${KNOWLEDGE}` }] }));
  return { id: 'month', title: w.titles.month, columns: [w.kindRows[FIRST], w.kindRows[KNOWLEDGE]], rows };
}

function monthAllTable(w: ReportWords): DraftTable {
  const kinds = [...CONTACT_KINDS, 'all'];
  const rows = w.months.map((name, i) => ({ key: String(i + 1), label: name, values: kinds.map((k) => ({ q: `month:${i + 1}:${k}` })) }));
  rows.push({ key: 'total', label: w.total, values: kinds.map((k) => ({ q: `kind:${k}` })) });
  return { id: 'month_all', title: w.titles.month_all, columns: [...CONTACT_KINDS.map((k) => w.kindRows[k]), w.allContacts], rows };
}

function channelTable(w: ReportWords, channels: string[]): DraftTable {
  const rows = channels.map((c) => ({ key: c, label: w.channels[c], values: [{ q: `channel:${c}:${FIRST}` }] as { q: string }[] }));
  rows.push({ key: 'total', label: w.total, values: [{ q: `kind:${FIRST}` }] });
  return { id: 'channel', title: w.titles.channel, columns: [w.kindRows[FIRST]], rows };
}

/** Every kind by channel, with the sums a reader can check. */
function channelQuantities(ledger: Ledger, channels: string[], counts: RollupCount[]) {
  const n = (c: string, k: string) => counts.filter((x) => x.set === 'channel' && x.kind === k && x.channel === c).reduce((a, x) => a + x.n, 0);
  for (const k of CONTACT_KINDS) ledger.sum(`kind:${k}`, channels.map((c) => ledger.q(`channel:${c}:${k}`, n(c, k))));
  for (const c of channels) {
    const parts = CONTACT_KINDS.map((k) => `channel:${c}:${k}`);
    ledger.sum(ledger.q(`channel:${c}:all`, parts.reduce((a, p) => a + ledger.value(p), 0)), parts);
  }
  ledger.sum('kind:all', channels.map((c) => `channel:${c}:all`));
}

function channelAllTable(w: ReportWords, channels: string[]): DraftTable {
  const kinds = [...CONTACT_KINDS, 'all'];
  const rows = channels.map((c) => ({ key: c, label: w.channels[c], values: kinds.map((k) => ({ q: `channel:${c}:${k}` })) }));
  rows.push({ key: 'total', label: w.total, values: kinds.map((k) => ({ q: `kind:${k}` })) });
  return { id: 'channel_all', title: w.titles.channel_all, columns: [...CONTACT_KINDS.map((k) => w.kindRows[k]), w.allContacts], rows };
}

/** A table over one taxonomy dimension: every category in taxonomy order, then "not stated". */
function dimensionTable(id: string, title: string, w: ReportWords, ledger: Ledger, snapshot: HelplineSnapshot, dimension: string, items: { id: number | null; n: number }[], totalId: string, label: Label): DraftTable {
  const categories = [...snapshot.categories.values()].filter((c) => c.dimension === dimension);
  const counted = (cid: number | null) => items.filter((i) => i.id === cid).reduce((a, i) => a + i.n, 0);
  // Retired categories are shown only in years where they were used.
  const shown = categories.filter((c) => !c.versions.at(-1)?.retired || counted(c.id) > 0);
  const rows = shown.map((c) => ({ key: c.code, label: label(c.id), values: [{ q: ledger.q(`${id}:${c.code}`, counted(c.id)) }] }));
  const notStated = ledger.q(`${id}:not_stated`, counted(null));
  rows.push({ key: 'not_stated', label: w.notStated, values: [{ q: notStated }] });
  ledger.sum(totalId, rows.map((r) => r.values[0].q));
  rows.push({ key: 'total', label: w.total, values: [{ q: totalId }] });
  const note = ledger.value(notStated) > 0 ? notStatedNote(w, notStated, totalId) : undefined;
  return { id, title, columns: [w.columns.contacts], rows, note };
}

function ageGenderTable(w: ReportWords, ledger: Ledger, snapshot: HelplineSnapshot, items: RollupCount[], totalId: string, label: Label, code: (id: number | null) => string): DraftTable {
  const ofDim = (d: string) => [...snapshot.categories.values()].filter((c) => c.dimension === d).map((c) => c.id as number | null).concat([null]);
  const ages = ofDim('age_group');
  const genders = ofDim('gender');
  const n = (a: number | null, g: number | null) => items.filter((i) => i.age_group_id === a && i.gender_id === g).reduce((s, i) => s + i.n, 0);
  const cellId = (a: number | null, g: number | null) => ledger.q(`age_gender:${code(a)}:${code(g)}`, n(a, g));
  for (const a of ages) {
    const parts = genders.map((g) => cellId(a, g));
    ledger.sum(ledger.q(`age:${code(a)}`, parts.reduce((s, p) => s + ledger.value(p), 0)), parts);
  }
  for (const g of genders) {
    const parts = ages.map((a) => cellId(a, g));
    ledger.sum(ledger.q(`gender:${code(g)}`, parts.reduce((s, p) => s + ledger.value(p), 0)), parts);
  }
  ledger.sum(totalId, ages.map((a) => `age:${code(a)}`));
  ledger.sum(totalId, genders.map((g) => `gender:${code(g)}`));
  const rows = ages.map((a) => ({ key: code(a), label: label(a), values: [...genders.map((g) => ({ q: `age_gender:${code(a)}:${code(g)}` })), { q: `age:${code(a)}` }] }));
  rows.push({ key: 'total', label: w.total, values: [...genders.map((g) => ({ q: `gender:${code(g)}` })), { q: totalId }] });
  return { id: 'age_gender', title: w.titles.age_gender, columns: [...genders.map((g) => label(g)), w.columns.total], rows };
}

/**
 * Country background. In the published view only countries with at least `listFrom` contacts are
 * named (the largest 15); the rest are counted under "other countries", so no small country is
 * named at all.
 */
function countryTable(w: ReportWords, ledger: Ledger, locale: Locale, items: RollupCount[], totalId: string, listFrom: number): DraftTable {
  const stated = items.filter((i) => /^[A-Z]{2}$/.test(i.country ?? '')).sort((a, b) => b.n - a.n || a.country!.localeCompare(b.country!));
  const top = stated.filter((i) => i.n >= listFrom).slice(0, TOP_COUNTRIES);
  const rest = stated.filter((i) => !top.includes(i)).reduce((a, i) => a + i.n, 0);
  const count = (c: string) => items.filter((i) => i.country === c).reduce((a, i) => a + i.n, 0);
  const rows = top.map((i) => {
    const id = ledger.q(`country:${i.country}`, i.n);
    // A reader knows a named country has at least the threshold: it would not be named otherwise.
    if (listFrom > 0) ledger.floor(id, listFrom);
    return { key: i.country!, label: countryName(i.country!, locale), values: [{ q: id }] };
  });
  if (rest > 0 || listFrom > 0) rows.push({ key: 'other', label: w.otherCountries, values: [{ q: ledger.q('country:other', rest) }] });
  const notStated = ledger.q('country:not_stated', count('not_stated'));
  const notAsked = ledger.q('country:not_asked', count('not_asked'));
  rows.push({ key: 'not_stated', label: w.notStated, values: [{ q: notStated }] });
  rows.push({ key: 'not_asked', label: w.notAsked, values: [{ q: notAsked }] });
  ledger.sum(totalId, rows.map((r) => r.values[0].q));
  rows.push({ key: 'total', label: w.total, values: [{ q: totalId }] });
  const missing = ledger.q('country:missing', ledger.value(notStated) + ledger.value(notAsked));
  ledger.sum(missing, [notStated, notAsked]);
  const note = ledger.value(missing) > 0 ? notStatedNote(w, missing, totalId) : undefined;
  return { id: 'country', title: w.titles.country, columns: [w.columns.contacts], rows, note, sortByValue: false };
}

function themeTable(w: ReportWords, ledger: Ledger, snapshot: HelplineSnapshot, items: ThemeCount[], totalId: string, label: Label): DraftTable {
  const themes = [...snapshot.categories.values()].filter((c) => c.dimension === 'theme');
  const counted = (id: number) => items.filter((i) => i.theme_id === id).reduce((a, i) => a + i.n, 0);
  const rows = themes
    .filter((c) => !c.versions.at(-1)?.retired || counted(c.id) > 0)
    .map((c) => {
      const id = ledger.q(`theme:${c.code}`, counted(c.id));
      // A contact counts once under each of its themes: a theme has at most all first contacts.
      ledger.within(id, totalId);
      return { key: c.code, label: label(c.id), values: [{ q: id }] };
    });
  return {
    id: 'theme', title: w.titles.theme, columns: [w.columns.contacts], rows, sortByValue: true,
    note: (show) => `${w.themeNote} (${w.kindRows[FIRST]}: ${show(totalId)})`,
  };
}

function subthemeTable(w: ReportWords, ledger: Ledger, snapshot: HelplineSnapshot, items: ThemeCount[], label: Label): DraftTable {
  const subs = [...snapshot.categories.values()].filter((c) => c.dimension === 'subtheme');
  const counted = (id: number) => items.filter((i) => i.subtheme_id === id).reduce((a, i) => a + i.n, 0);
  const rows = subs
    .filter((c) => counted(c.id) > 0 || !c.versions.at(-1)?.retired)
    .map((c) => {
      const id = ledger.q(`subtheme:${c.code}`, counted(c.id));
      const parent = c.parentId === null ? undefined : snapshot.categories.get(c.parentId);
      if (parent && ledger.values.has(`theme:${parent.code}`)) ledger.within(id, `theme:${parent.code}`);
      return { key: c.code, label: `${label(c.parentId)} › ${label(c.id)}`, values: [{ q: id }] };
    });
  return { id: 'subtheme', title: w.titles.subtheme, columns: [w.columns.contacts], rows };
}

