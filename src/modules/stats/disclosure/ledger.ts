/**
 * Every number a report publishes, and how the numbers hang together. A quantity is one count
 * (e.g. "first contacts in March"); the same quantity may be printed in several places (a table
 * cell, a total row, a card, a note). Relations are what a reader knows links them: a total is the
 * sum of its parts, a part is at most its whole. Suppression reasons over exactly this, so the
 * report and the suppression can never disagree about what adds up to what (decision 0015).
 */
export type Relation =
  /** total = Σ parts (all counts, so every part ≥ 0). */
  | { kind: 'sum'; total: string; parts: string[] }
  /** small ≤ big (a subtheme within its theme, a theme within all first contacts). */
  | { kind: 'within'; small: string; big: string };

export class Ledger {
  readonly values = new Map<string, number>();
  readonly relations: Relation[] = [];
  /** Lower bounds a reader knows from the publishing rules (a listed country has at least the threshold). */
  readonly floors = new Map<string, number>();

  /** Registers a quantity (idempotent for the same value) and returns its id. */
  q(id: string, n: number): string {
    const known = this.values.get(id);
    if (known !== undefined && known !== n) throw new Error(`quantity ${id} registered as ${known} and ${n}`);
    this.values.set(id, n);
    return id;
  }

  value(id: string): number {
    const n = this.values.get(id);
    if (n === undefined) throw new Error(`unknown quantity ${id}`);
    return n;
  }

  sum(total: string, parts: string[]): void {
    if (parts.length === 0) return;
    const added = parts.reduce((a, p) => a + this.value(p), 0);
    if (added !== this.value(total)) throw new Error(`${total} = ${this.value(total)} but its parts add up to ${added}`);
    this.relations.push({ kind: 'sum', total, parts });
  }

  within(small: string, big: string): void {
    this.relations.push({ kind: 'within', small, big });
  }

  floor(id: string, n: number): void {
    this.floors.set(id, Math.max(n, this.floors.get(id) ?? 0));
  }

  /** Quantities that are the total of some sum: hiding them costs readers the most. */
  totals(): Set<string> {
    return new Set(this.relations.flatMap((r) => (r.kind === 'sum' ? [r.total] : [])));
  }
}
