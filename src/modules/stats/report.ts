import type { Locale } from '../../shared/enums.js';
import { CHANNELS, CONTACT_KINDS, LIMITS } from '../../shared/enums.js';
import type { Report, ReportTable } from '../../shared/schemas/stats.js';
import { REPORT_WORDS, fill, formatNumber, type ReportWords } from '../../shared/i18n/report-labels.js';
import type { HelplineSnapshot } from '../helplines/snapshot.js';
import { versionAt } from '../helplines/snapshot.js';
import type { RollupCount, ThemeCount } from './queries.js';
import { countryName } from './countries.js';

export interface ReportInput {
  snapshot: HelplineSnapshot;
  helplineName: string;
  year: number;
  locale: Locale;
  suppress: boolean;
  counts: RollupCount[];
  themes: ThemeCount[];
  previousKinds: Record<string, number>;
  demoContacts: number;
}

const FIRST = 'first_contact';
const KNOWLEDGE = 'knowledge_request';
const TOP_COUNTRIES = 15;

/**
 * Builds every table of the annual report from grouped counts. Pure: no database, so the same
 * numbers come out for the screen, the printable report and the exports.
 */
export function buildReport(input: ReportInput): Report {
  const { snapshot, year, locale, suppress, counts, themes } = input;
  const w = REPORT_WORDS[locale];
  // Old years report under the labels valid at the end of that year.
  const label = (id: number | null) => {
    if (id === null) return w.notStated;
    const info = snapshot.categories.get(id);
    return info ? versionAt(info, `${year}-12-31`).label[locale] : `#${id}`;
  };
  const cell = (n: number): number | string => (suppress && n > 0 && n < LIMITS.smallCell ? `<${LIMITS.smallCell}` : n);
  const of = (set: RollupCount['set'], kind: string) => counts.filter((c) => c.set === set && c.kind === kind);
  const kindTotal = (kind: string) => of('kind', kind).reduce((a, c) => a + c.n, 0);

  const first = kindTotal(FIRST);
  const knowledge = kindTotal(KNOWLEDGE);
  const total = first + knowledge;
  const previousTotal = (input.previousKinds[FIRST] ?? 0) + (input.previousKinds[KNOWLEDGE] ?? 0);
  const followUp = of('follow_up', FIRST).filter((c) => c.follow_up).reduce((a, c) => a + c.n, 0);

  const tables: ReportTable[] = [
    kindTable(w, counts, input.previousKinds, cell, suppress),
    monthTable(w, of('month', FIRST), of('month', KNOWLEDGE), cell),
    singleTable('channel', w.titles.channel, w, CHANNELS.filter((c) => snapshot.channels.includes(c) || of('channel', FIRST).some((x) => x.channel === c)).map((c) => ({ key: c, label: w.channels[c], n: of('channel', FIRST).find((x) => x.channel === c)?.n ?? 0 })), first, cell),
    dimensionTable('who', w.titles.who, w, locale, snapshot, 'who', of('who', FIRST).map((c) => ({ id: c.who_id, n: c.n })), first, label, cell),
    ageGenderTable(w, snapshot, of('age_gender', FIRST), label, cell),
    countryTable(w, locale, of('country', FIRST), first, cell),
    themeTable(w, snapshot, themes.filter((t) => t.kind === FIRST && t.subtheme_id === null), first, label, cell),
    subthemeTable(w, snapshot, themes.filter((t) => t.kind === FIRST && t.subtheme_id !== null), label, cell),
    dimensionTable('body_type', w.titles.body_type, w, locale, snapshot, 'body_type', of('body_type', KNOWLEDGE).map((c) => ({ id: c.body_type_id, n: c.n })), knowledge, label, cell),
  ];
  if (suppress) for (const t of tables) t.note = [t.note, w.smallCellNote].filter(Boolean).join(' ');

  return {
    helplineId: snapshot.id,
    helplineName: input.helplineName,
    year,
    locale,
    suppressed: suppress,
    demoContacts: input.demoContacts,
    summary: {
      total: cell(total),
      previousTotal: cell(previousTotal),
      changePercent: changeOf(total, previousTotal, suppress),
      firstContactsFromIndividuals: cell(first),
      knowledgeRequests: cell(knowledge),
      followUpCases: cell(followUp),
    },
    tables,
  };
}

type Cell = (n: number) => number | string;

/** Percent change; none when there is no base, or when a hidden small cell could be worked out from it. */
function changeOf(n: number, previous: number, suppress: boolean): number | null {
  if (previous <= 0) return null;
  const small = (x: number) => x > 0 && x < LIMITS.smallCell;
  if (suppress && (small(n) || small(previous))) return null;
  return Math.round(((n - previous) / previous) * 100);
}
type Label = (id: number | null) => string;

function notStatedNote(w: ReportWords, n: number, total: number, cell: Cell, locale: Locale): string | undefined {
  return n > 0 ? fill(w.notStatedNote, { n: formatNumber(cell(n), locale), total: formatNumber(cell(total), locale) }) : undefined;
}

function kindTable(w: ReportWords, counts: RollupCount[], previous: Record<string, number>, cell: Cell, suppress: boolean): ReportTable {
  const rows = CONTACT_KINDS.map((kind) => {
    const n = counts.filter((c) => c.set === 'kind' && c.kind === kind).reduce((a, c) => a + c.n, 0);
    const p = previous[kind] ?? 0;
    return { key: kind, label: w.kinds[kind], values: [cell(n), cell(p), changeOf(n, p, suppress) ?? '–'] };
  });
  return { id: 'kind', title: w.titles.kind, columns: [w.columns.thisYear, w.columns.previousYear, w.columns.change], rows };
}

function monthTable(w: ReportWords, firsts: RollupCount[], knowledge: RollupCount[], cell: Cell): ReportTable {
  const rows = w.months.map((name, i) => ({
    key: String(i + 1),
    label: name,
    values: [cell(firsts.find((c) => c.month === i + 1)?.n ?? 0), cell(knowledge.find((c) => c.month === i + 1)?.n ?? 0)],
  }));
  return { id: 'month', title: w.titles.month, columns: [w.columns.firstContacts, w.columns.knowledgeRequests], rows };
}

function singleTable(id: string, title: string, w: ReportWords, items: { key: string; label: string; n: number }[], total: number, cell: Cell): ReportTable {
  const rows = items.map((i) => ({ key: i.key, label: i.label, values: [cell(i.n)] }));
  rows.push({ key: 'total', label: w.total, values: [cell(total)] });
  return { id, title, columns: [w.columns.contacts], rows };
}

/** A table over one taxonomy dimension: every category in taxonomy order, then "not stated". */
function dimensionTable(id: string, title: string, w: ReportWords, locale: Locale, snapshot: HelplineSnapshot, dimension: string, items: { id: number | null; n: number }[], total: number, label: Label, cell: Cell): ReportTable {
  const categories = [...snapshot.categories.values()].filter((c) => c.dimension === dimension);
  const counted = (cid: number | null) => items.filter((i) => i.id === cid).reduce((a, i) => a + i.n, 0);
  // Retired categories are shown only in years where they were used.
  const shown = categories.filter((c) => !c.versions.at(-1)?.retired || counted(c.id) > 0);
  const notStated = counted(null);
  const rows = shown.map((c) => ({ key: c.code, label: label(c.id), values: [cell(counted(c.id))] }));
  rows.push({ key: 'not_stated', label: w.notStated, values: [cell(notStated)] });
  rows.push({ key: 'total', label: w.total, values: [cell(total)] });
  return { id, title, columns: [w.columns.contacts], rows, note: notStatedNote(w, notStated, total, cell, locale) };
}

function ageGenderTable(w: ReportWords, snapshot: HelplineSnapshot, items: RollupCount[], label: Label, cell: Cell): ReportTable {
  const ofDim = (d: string) => [...snapshot.categories.values()].filter((c) => c.dimension === d).map((c) => c.id as number | null).concat([null]);
  const ages = ofDim('age_group');
  const genders = ofDim('gender');
  const n = (a: number | null, g: number | null) => items.filter((i) => i.age_group_id === a && i.gender_id === g).reduce((s, i) => s + i.n, 0);
  const ageTotal = (a: number | null) => items.filter((i) => i.age_group_id === a).reduce((s, i) => s + i.n, 0);
  const genderTotal = (g: number | null) => items.filter((i) => i.gender_id === g).reduce((s, i) => s + i.n, 0);
  const all = items.reduce((s, i) => s + i.n, 0);
  const rows = ages.map((a) => ({ key: a === null ? 'not_stated' : String(a), label: label(a), values: [...genders.map((g) => cell(n(a, g))), cell(ageTotal(a))] }));
  rows.push({ key: 'total', label: w.total, values: [...genders.map((g) => cell(genderTotal(g))), cell(all)] });
  return { id: 'age_gender', title: w.titles.age_gender, columns: [...genders.map((g) => label(g)), w.columns.total], rows };
}

function countryTable(w: ReportWords, locale: Locale, items: RollupCount[], total: number, cell: Cell): ReportTable {
  const stated = items.filter((i) => i.country && /^[A-Z]{2}$/.test(i.country)).sort((a, b) => b.n - a.n || a.country!.localeCompare(b.country!));
  const top = stated.slice(0, TOP_COUNTRIES);
  const rest = stated.slice(TOP_COUNTRIES).reduce((a, i) => a + i.n, 0);
  const count = (code: string) => items.find((i) => i.country === code)?.n ?? 0;
  const rows = top.map((i) => ({ key: i.country!, label: countryName(i.country!, locale), values: [cell(i.n)] }));
  if (rest > 0) rows.push({ key: 'other', label: w.otherCountries, values: [cell(rest)] });
  rows.push({ key: 'not_stated', label: w.notStated, values: [cell(count('not_stated'))] });
  rows.push({ key: 'not_asked', label: w.notAsked, values: [cell(count('not_asked'))] });
  rows.push({ key: 'total', label: w.total, values: [cell(total)] });
  const missing = count('not_stated') + count('not_asked');
  return { id: 'country', title: w.titles.country, columns: [w.columns.contacts], rows, note: notStatedNote(w, missing, total, cell, locale) };
}

function themeTable(w: ReportWords, snapshot: HelplineSnapshot, items: ThemeCount[], total: number, label: Label, cell: Cell): ReportTable {
  const themes = [...snapshot.categories.values()].filter((c) => c.dimension === 'theme');
  const counted = (id: number) => items.filter((i) => i.theme_id === id).reduce((a, i) => a + i.n, 0);
  const rows = themes
    .filter((c) => !c.versions.at(-1)?.retired || counted(c.id) > 0)
    .map((c) => ({ key: c.code, label: label(c.id), values: [cell(counted(c.id))] }))
    .sort((a, b) => Number(b.values[0] === '<5' ? 0 : b.values[0]) - Number(a.values[0] === '<5' ? 0 : a.values[0]));
  return { id: 'theme', title: w.titles.theme, columns: [w.columns.contacts], rows, note: `${w.themeNote} (${w.columns.firstContacts}: ${cell(total)})` };
}

function subthemeTable(w: ReportWords, snapshot: HelplineSnapshot, items: ThemeCount[], label: Label, cell: Cell): ReportTable {
  const subs = [...snapshot.categories.values()].filter((c) => c.dimension === 'subtheme');
  const counted = (id: number) => items.filter((i) => i.subtheme_id === id).reduce((a, i) => a + i.n, 0);
  const rows = subs
    .filter((c) => counted(c.id) > 0 || !c.versions.at(-1)?.retired)
    .map((c) => ({ key: c.code, label: `${label(c.parentId)} › ${label(c.id)}`, values: [cell(counted(c.id))] }));
  return { id: 'subtheme', title: w.titles.subtheme, columns: [w.columns.contacts], rows };
}
