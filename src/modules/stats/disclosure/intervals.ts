import * as highsModule from 'highs';
import type { Highs } from 'highs';
import type { Ledger } from './ledger.js';

// The package is CommonJS with ES-module types: the loader is `default`, once or twice wrapped.
type Loader = () => Promise<Highs>;
const wrapped = highsModule as unknown as { default: Loader | { default: Loader } };
const loadHighs: Loader = typeof wrapped.default === 'function' ? wrapped.default : wrapped.default.default;
let loading: Promise<Highs> | undefined;

/** The HiGHS linear-programming solver (WebAssembly), loaded once per process. */
export function loadSolver(): Promise<Highs> {
  return (loading ??= loadHighs());
}
export type Solver = Highs;

export interface Interval {
  lo: number;
  hi: number;
}

/**
 * The smallest and largest value each of `cells` can take, given every published quantity
 * (everything not in `hidden`) and every relation of the ledger: a linear program per bound,
 * over the hidden quantities that are linked to the cell (its component).
 */
export function feasibleIntervals(solver: Solver, ledger: Ledger, hidden: Set<string>, cells: string[]): Map<string, Interval> {
  const out = new Map<string, Interval>();
  for (const component of components(ledger, hidden, cells)) {
    const lp = linearProgram(ledger, hidden, component);
    const wanted = component.filter((c) => cells.includes(c));
    // One model per component, re-solved with a new objective per bound (warm-started, no re-parsing).
    const model = solver.createModel({ format: 'lp', data: lpText(lp, wanted[0], 'Minimize') });
    try {
      model.options.set({ output_flag: false });
      let costed = lp.names.get(wanted[0])!;
      for (const cell of wanted) {
        const column = (name: string) => Number(name.slice(1));
        model.changeColCost(column(costed), 0);
        costed = lp.names.get(cell)!;
        model.changeColCost(column(costed), 1);
        const bound = (sense: 'minimize' | 'maximize') => {
          model.changeObjectiveSense(solver.constants.objectiveSense[sense]);
          model.run();
          const status = model.getModelStatus();
          if (status === solver.constants.modelStatus.unbounded) return sense === 'maximize' ? Infinity : -Infinity;
          if (status !== solver.constants.modelStatus.optimal) throw new Error(`suppression LP for ${cell}: status ${status}`);
          return model.getObjectiveValue();
        };
        out.set(cell, { lo: bound('minimize'), hi: bound('maximize') });
      }
    } finally {
      model.dispose();
    }
  }
  return out;
}

/** Groups hidden quantities that share a relation, starting from `cells`. */
export function components(ledger: Ledger, hidden: Set<string>, cells: string[]): string[][] {
  const byCell = new Map<string, string[][]>();
  for (const r of ledger.relations) {
    const terms = (r.kind === 'sum' ? [r.total, ...r.parts] : [r.small, r.big]).filter((t) => hidden.has(t));
    for (const t of terms) byCell.set(t, [...(byCell.get(t) ?? []), terms]);
  }
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const start of cells) {
    if (seen.has(start) || !hidden.has(start)) continue;
    const component: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length) {
      const c = stack.pop()!;
      component.push(c);
      for (const terms of byCell.get(c) ?? []) for (const t of terms) if (!seen.has(t)) { seen.add(t); stack.push(t); }
    }
    out.push(component);
  }
  return out;
}

interface Program {
  names: Map<string, string>;
  constraints: string[];
  bounds: string[];
}

function linearProgram(ledger: Ledger, hidden: Set<string>, component: string[]): Program {
  const inside = new Set(component);
  const names = new Map(component.map((c, i) => [c, `x${i}`]));
  const constraints: string[] = [];
  const linear = (terms: [string, number][]) => {
    // Published quantities are constants; hidden ones are the unknowns.
    let constant = 0;
    const vars: string[] = [];
    for (const [id, sign] of terms) {
      if (inside.has(id)) vars.push(`${sign < 0 ? '-' : '+'} ${names.get(id)}`);
      else constant += sign * ledger.value(id);
    }
    return { vars, constant };
  };
  for (const r of ledger.relations) {
    const terms: [string, number][] = r.kind === 'sum' ? [[r.total, 1], ...r.parts.map((p): [string, number] => [p, -1])] : [[r.big, 1], [r.small, -1]];
    if (!terms.some(([id]) => inside.has(id))) continue;
    const { vars, constant } = linear(terms);
    constraints.push(`c${constraints.length}: ${vars.join(' ')} ${r.kind === 'sum' ? '=' : '>='} ${-constant}`);
  }
  // Zeros are always published, so every hidden count is at least 1 (or what the rules say).
  const bounds = component.map((c) => `${names.get(c)} >= ${Math.max(1, ledger.floors.get(c) ?? 0)}`);
  for (const c of component) if (!hidden.has(c)) throw new Error(`${c} is not hidden`);
  return { names, constraints, bounds };
}

function lpText(lp: Program, cell: string, sense: 'Minimize' | 'Maximize'): string {
  // Every variable is named in the objective (cost 0) so that column i is x<i>.
  const all = [...lp.names.values()].map((v) => (v === lp.names.get(cell) ? `+ 1 ${v}` : `+ 0 ${v}`)).join(' ');
  return `${sense}\n obj: ${all}\nSubject To\n${lp.constraints.join('\n') || ' c0: 0 x0 >= 0'}\nBounds\n${lp.bounds.join('\n')}\nEnd`;
}

/**
 * One linear program over every quantity of a report, kept in memory while suppression runs:
 * a published quantity is a column fixed at its value, a hidden one a column from its floor up.
 * Hiding (or trying to hide) a quantity only changes its bounds, and every bound is found by
 * re-solving the same warm-started model with a new objective.
 */
export class IntervalModel {
  private readonly model: ReturnType<Solver['createModel']>;
  private readonly column = new Map<string, number>();
  private costed: number | undefined;

  constructor(private readonly solver: Solver, private readonly ledger: Ledger, private readonly hidden: Set<string>) {
    const ids = [...ledger.values.keys()];
    ids.forEach((id, i) => this.column.set(id, i));
    const name = (id: string) => `x${this.column.get(id)}`;
    const rows = ledger.relations.map((r, i) =>
      r.kind === 'sum'
        ? ` c${i}: ${name(r.total)} ${r.parts.map((p) => `- ${name(p)}`).join(' ')} = 0`
        : ` c${i}: ${name(r.big)} - ${name(r.small)} >= 0`);
    const bounds = ids.map((id) => (hidden.has(id) ? ` ${name(id)} >= ${this.floor(id)}` : ` ${name(id)} = ${ledger.value(id)}`));
    const objective = ids.map((id) => `+ 0 ${name(id)}`).join(' ');
    this.model = solver.createModel({ format: 'lp', data: `Minimize\n obj: ${objective}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds.join('\n')}\nEnd` });
    this.model.options.set({ output_flag: false, presolve: 'off' });
  }

  private floor(id: string): number {
    return Math.max(1, this.ledger.floors.get(id) ?? 0);
  }

  /** Makes `id` an unknown (true) or publishes it again (false). */
  setHidden(id: string, on: boolean): void {
    const col = this.column.get(id)!;
    if (on) this.model.changeColBounds(col, this.floor(id), this.solver.infinity);
    else this.model.changeColBounds(col, this.ledger.value(id), this.ledger.value(id));
  }

  hide(id: string): void {
    this.hidden.add(id);
    this.setHidden(id, true);
  }

  /** The smallest and largest value `id` can take, given every published quantity and relation. */
  interval(id: string): Interval {
    return { hi: this.bound(id, 'maximize'), lo: this.bound(id, 'minimize') };
  }

  /**
   * The width of `id`'s interval, or a part of it that already reaches `enough`: when the largest
   * value is `enough` above the true one, the smallest (at most the true one) need not be solved.
   */
  width(id: string, enough: number): number {
    const hi = this.bound(id, 'maximize');
    if (hi - this.ledger.value(id) >= enough) return hi - this.ledger.value(id);
    return hi - this.bound(id, 'minimize');
  }

  /** `width` if `candidate` were hidden too. */
  widthIfHidden(id: string, candidate: string, enough: number): number {
    this.setHidden(candidate, true);
    try {
      return this.width(id, enough);
    } finally {
      this.setHidden(candidate, false);
    }
  }

  private bound(id: string, sense: 'minimize' | 'maximize'): number {
    const col = this.column.get(id)!;
    if (this.costed !== col) {
      if (this.costed !== undefined) this.model.changeColCost(this.costed, 0);
      this.model.changeColCost(col, 1);
      this.costed = col;
    }
    this.model.changeObjectiveSense(this.solver.constants.objectiveSense[sense]);
    this.model.run();
    const status = this.model.getModelStatus();
    if (status === this.solver.constants.modelStatus.unbounded) return sense === 'maximize' ? Infinity : -Infinity;
    if (status !== this.solver.constants.modelStatus.optimal) throw new Error(`suppression LP for ${id}: status ${status}`);
    return this.model.getObjectiveValue();
  }

  dispose(): void {
    this.model.dispose();
  }
}
