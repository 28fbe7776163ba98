import { loadSolver } from '../modules/stats/disclosure/intervals.js';
import type { Report, ReportTable } from '../shared/schemas/stats.js';

/**
 * What a reader can work out from a published report, written from the report as printed and
 * independent of the code that suppresses (decision 0015). Every published number is a constant,
 * every «:» an unknown; the reader knows that totals are sums of their rows and columns, that the
 * same figure printed in two places is one figure, that a note's "n of total" repeats a row, that
 * a percent change was rounded, that a theme has at most all first contacts and a subtheme at most
 * its theme, that zeros are always published (so a hidden count is at least 1) and that a country
 * is named only with at least the threshold. For each unknown, linear programs give the smallest
 * and largest value consistent with all of it.
 */
const KINDS = ['first_contact', 'repeat_contact', 'knowledge_request', 'talk_given'];
const HIDDEN = ':';

type Term = [string, number];
interface Constraint { terms: Term[]; op: '=' | '>=' | '<='; rhs: number }

export class ReportReader {
  readonly known = new Map<string, number>();
  readonly unknown = new Set<string>();
  readonly constraints: Constraint[] = [];
  readonly floors = new Map<string, number>();
  /** Where each unknown was printed: table, row key, column. */
  readonly where = new Map<string, string>();

  constructor(readonly report: Report, readonly threshold: number) {
    this.read();
  }

  private put(name: string, value: number | string | undefined, where: string): void {
    if (value === undefined) return;
    if (value === HIDDEN) {
      this.unknown.add(name);
      if (!this.where.has(name)) this.where.set(name, where);
      return;
    }
    if (typeof value !== 'number') throw new Error(`${where}: unexpected ${value}`);
    const before = this.known.get(name);
    if (before !== undefined && before !== value) throw new Error(`${name} published as ${before} and ${value}`);
    this.known.set(name, value);
  }

  private sum(total: string, parts: string[]): void {
    this.constraints.push({ terms: [[total, 1], ...parts.map((p): Term => [p, -1])], op: '=', rhs: 0 });
  }

  private within(small: string, big: string): void {
    this.constraints.push({ terms: [[big, 1], [small, -1]], op: '>=', rhs: 0 });
  }

  /** A published rounded percent change c of now against before: (1 + (c ± ½)/100)·before brackets now. */
  private change(now: string, before: string, percent: number | string | null | undefined): void {
    if (typeof percent !== 'number') return;
    this.constraints.push({ terms: [[now, 1], [before, -(1 + (percent - 0.5) / 100)]], op: '>=', rhs: 0 });
    this.constraints.push({ terms: [[now, 1], [before, -(1 + (percent + 0.5) / 100)]], op: '<=', rhs: 0 });
  }

  private table(id: string): ReportTable | undefined {
    return this.report.tables.find((t) => t.id === id);
  }

  private read(): void {
    const F = 'kind:first_contact';
    const K = 'kind:knowledge_request';
    const s = this.report.summary;
    this.put('first_and_knowledge', s.total, 'summary');
    this.put('previous:first_and_knowledge', s.previousTotal, 'summary');
    this.put(F, s.firstContactsFromIndividuals, 'summary');
    this.put(K, s.knowledgeRequests, 'summary');
    this.put('follow_up', s.followUpCases, 'summary');
    this.put('kind:all', s.allContacts, 'summary');
    this.put('previous:all', s.previousAllContacts, 'summary');
    this.sum('first_and_knowledge', [F, K]);
    this.sum('previous:first_and_knowledge', ['previous:first_contact', 'previous:knowledge_request']);
    this.change('first_and_knowledge', 'previous:first_and_knowledge', s.changePercent);
    this.change('kind:all', 'previous:all', s.allChangePercent);
    this.within('follow_up', F);

    const kind = this.table('kind')!;
    for (const r of kind.rows) {
      this.put(`kind:${r.key}`, r.values[0], 'kind');
      this.put(`previous:${r.key}`, r.values[1], 'kind');
      this.change(`kind:${r.key}`, `previous:${r.key}`, r.values[2]);
    }
    this.sum('kind:all', KINDS.map((k) => `kind:${k}`));
    this.sum('previous:all', KINDS.map((k) => `previous:${k}`));

    // Months and channels: a count per kind, per month or channel, and all kinds together.
    const month = this.table('month')!;
    for (const r of month.rows) {
      this.put(`month:${r.key}:first_contact`, r.values[0], 'month');
      this.put(`month:${r.key}:knowledge_request`, r.values[1], 'month');
    }
    this.crossTable('month_all', 'month', [...KINDS, 'all'], (k) => `kind:${k}`);
    const channel = this.table('channel')!;
    for (const r of channel.rows) this.put(r.key === 'total' ? F : `channel:${r.key}:first_contact`, r.values[0], 'channel');
    this.sum(F, channel.rows.filter((r) => r.key !== 'total').map((r) => `channel:${r.key}:first_contact`));
    this.crossTable('channel_all', 'channel', [...KINDS, 'all'], (k) => `kind:${k}`);

    this.column('who', F);
    this.column('body_type', K);
    this.column('country', F);
    const country = this.table('country')!;
    for (const r of country.rows) if (/^[A-Z]{2}$/.test(r.key) && r.values[0] === HIDDEN) this.floors.set(`country:${r.key}`, this.threshold);
    this.note('who', 'who:not_stated', F);
    this.note('body_type', 'body_type:not_stated', K);
    if (this.note('country', 'country:missing', F)) this.sum('country:missing', ['country:not_stated', 'country:not_asked']);

    // Age × gender: rows are ages, columns genders, the last column and the last row totals.
    const ag = this.table('age_gender')!;
    const genders = ag.columns.length - 1;
    const body = ag.rows.filter((r) => r.key !== 'total');
    for (const r of ag.rows) {
      for (let g = 0; g < genders; g++) this.put(r.key === 'total' ? `gender:${g}` : `age_gender:${r.key}:${g}`, r.values[g], 'age_gender');
      this.put(r.key === 'total' ? F : `age:${r.key}`, r.values[genders], 'age_gender');
    }
    for (const r of body) this.sum(`age:${r.key}`, Array.from({ length: genders }, (_, g) => `age_gender:${r.key}:${g}`));
    for (let g = 0; g < genders; g++) this.sum(`gender:${g}`, body.map((r) => `age_gender:${r.key}:${g}`));
    this.sum(F, body.map((r) => `age:${r.key}`));
    this.sum(F, Array.from({ length: genders }, (_, g) => `gender:${g}`));

    // Themes overlap: each at most all first contacts; a subtheme at most its theme.
    const theme = this.table('theme')!;
    const themeNote = theme.note?.match(/\(([^()]*): ([\d\s\u00a0\u202f]+|:)\)/);
    if (themeNote) this.put(F, parseNumber(themeNote[2]), 'theme note');
    const themeByLabel = new Map<string, string>();
    for (const r of theme.rows) {
      this.put(`theme:${r.key}`, r.values[0], 'theme');
      this.within(`theme:${r.key}`, F);
      themeByLabel.set(r.label, `theme:${r.key}`);
    }
    for (const r of this.table('subtheme')?.rows ?? []) {
      this.put(`subtheme:${r.key}`, r.values[0], 'subtheme');
      const parent = themeByLabel.get(r.label.split(' › ')[0]);
      if (parent) this.within(`subtheme:${r.key}`, parent);
    }
  }

  /** A one-column table whose rows add up to its total row. */
  private column(id: string, total: string): void {
    const t = this.table(id)!;
    for (const r of t.rows) this.put(r.key === 'total' ? total : `${id}:${r.key}`, r.values[0], id);
    this.sum(total, t.rows.filter((r) => r.key !== 'total').map((r) => `${id}:${r.key}`));
  }

  /** A note "n of total …": n repeats a row (or the sum of the rows it names). */
  private note(id: string, n: string, total: string): boolean {
    const match = this.table(id)?.note?.match(/^([\d\s\u00a0\u202f]+|:) (?:av|af|of) ([\d\s\u00a0\u202f]+|:) /);
    if (!match) return false;
    this.put(n, parseNumber(match[1]), `${id} note`);
    this.put(total, parseNumber(match[2]), `${id} note`);
    return true;
  }

  /** Rows × kinds with an "all kinds" column and a total row. */
  private crossTable(id: string, prefix: string, columns: string[], totalOf: (column: string) => string): void {
    const t = this.table(id);
    if (!t) return;
    const body = t.rows.filter((r) => r.key !== 'total');
    for (const r of t.rows) columns.forEach((c, i) => this.put(r.key === 'total' ? totalOf(c) : `${prefix}:${r.key}:${c}`, r.values[i], id));
    for (const r of body) this.sum(`${prefix}:${r.key}:all`, KINDS.map((k) => `${prefix}:${r.key}:${k}`));
    for (const c of columns) this.sum(totalOf(c), body.map((r) => `${prefix}:${r.key}:${c}`));
  }

  /**
   * Smallest and largest value of every hidden number, given everything published; with
   * `integer`, counts are whole numbers (an integer program: sharper, slower).
   */
  async intervals(integer = false): Promise<Map<string, { lo: number; hi: number }>> {
    const solver = await loadSolver();
    const names = new Map([...this.unknown].map((u, i) => [u, `u${i}`]));
    const rows: string[] = [];
    for (const c of this.constraints) {
      let rhs = c.rhs;
      const vars: string[] = [];
      for (const [name, coef] of c.terms) {
        if (this.unknown.has(name)) vars.push(`${coef < 0 ? '-' : '+'} ${Math.abs(coef)} ${names.get(name)}`);
        else if (this.known.has(name)) rhs -= coef * this.known.get(name)!;
        else throw new Error(`${name} is neither published nor hidden`);
      }
      if (vars.length) rows.push(` r${rows.length}: ${vars.join(' ')} ${c.op} ${rhs}`);
      else if ((c.op === '=' && Math.abs(rhs) > 1e-9) || (c.op === '>=' && rhs > 1e-9) || (c.op === '<=' && rhs < -1e-9)) throw new Error(`published numbers break a relation: ${JSON.stringify(c)}`);
    }
    const bounds = [...names].map(([u, v]) => ` ${v} >= ${Math.max(1, this.floors.get(u) ?? 0)}`);
    const out = new Map<string, { lo: number; hi: number }>();
    const solve = (sense: 'Minimize' | 'Maximize', v: string) => {
      const generals = integer ? `Generals\n ${[...names.values()].join(' ')}\n` : '';
      const r = solver.solve(`${sense}\n obj: ${v}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds.join('\n')}\n${generals}End`, { output_flag: false });
      if (r.Status === 'Unbounded') return Infinity;
      if (r.Status !== 'Optimal') throw new Error(`${sense} ${v}: ${r.Status}`);
      return r.ObjectiveValue;
    };
    for (const [u, v] of names) out.set(u, { lo: solve('Minimize', v), hi: solve('Maximize', v) });
    return out;
  }
}

function parseNumber(text: string): number | string {
  return text === HIDDEN ? HIDDEN : Number(text.replace(/[\s\u00a0\u202f]/g, ''));
}
