import { createHash } from 'node:crypto';
import type { Ledger } from './ledger.js';
import { components, feasibleIntervals, type Interval, type Solver } from './intervals.js';

export interface Suppression {
  /** Quantities hidden because they are small: 0 < n < threshold. */
  primary: Set<string>;
  /** Quantities hidden only so that the small ones cannot be worked out from the rest. */
  secondary: Set<string>;
  hidden: Set<string>;
}

/**
 * Primary suppression of small counts, then complementary suppression until every small count's
 * feasible interval — the values it can take given everything published — is at least
 * `threshold` wide (decision 0015). Greedy: while some small count is pinned down, try the
 * cheapest published counts it is linked to and hide the cheapest that frees it, or else the one
 * that frees it most. The linear programs are the same kind the proof test solves.
 */
export function suppress(solver: Solver, ledger: Ledger, threshold: number): Suppression {
  // The dashboard, the printable report and each table download ask for the same numbers.
  const key = createHash('sha256').update(JSON.stringify([threshold, [...ledger.values], ledger.relations, [...ledger.floors]])).digest('base64');
  const hit = cache.get(key);
  if (hit) return hit;
  const result = suppressUncached(solver, ledger, threshold);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(key, result);
  return result;
}

const cache = new Map<string, Suppression>();
const CACHE_MAX = 200;

function suppressUncached(solver: Solver, ledger: Ledger, threshold: number): Suppression {
  const primary = new Set([...ledger.values].filter(([, n]) => n > 0 && n < threshold).map(([id]) => id));
  const hidden = new Set(primary);
  const totals = ledger.totals();
  const wide = (i: Interval | undefined) => !!i && i.hi - i.lo >= threshold - 1e-6;
  const width = (i: Interval | undefined) => (i ? i.hi - i.lo : 0);
  // Hiding a total costs readers more than hiding a cell; among cells, small ones cost least.
  const cost = (id: string) => ledger.value(id) * (totals.has(id) ? 20 : 1);

  hideSingletons(ledger, hidden, cost);
  const order = [...primary].sort();
  let intervals = feasibleIntervals(solver, ledger, hidden, order);
  for (let guard = 0; guard < 10_000; guard++) {
    const pinned = order.find((p) => !wide(intervals.get(p)));
    if (!pinned) break;
    const component = components(ledger, hidden, [pinned])[0];
    const candidates = linkedPublished(ledger, hidden, component).sort((a, b) => cost(a) - cost(b) || a.localeCompare(b));
    if (candidates.length === 0) throw new Error(`nothing left to hide next to ${pinned}`);
    let best: { id: string; width: number } | undefined;
    for (const c of candidates.slice(0, 8)) {
      const trial = new Set(hidden).add(c);
      const w = width(feasibleIntervals(solver, ledger, trial, [pinned]).get(pinned));
      if (w >= threshold - 1e-6) { best = { id: c, width: w }; break; }
      if (!best || w > best.width + 1e-6) best = { id: c, width: w };
    }
    hidden.add(best!.id);
    hideSingletons(ledger, hidden, cost);
    // Only the components touched by the new hidden quantity can have changed.
    const touched = new Set(components(ledger, hidden, [best!.id])[0]);
    const again = order.filter((p) => touched.has(p));
    const fresh = feasibleIntervals(solver, ledger, hidden, again);
    intervals = new Map([...intervals].filter(([p]) => !touched.has(p)).concat([...fresh]));
  }
  return { primary, secondary: new Set([...hidden].filter((h) => !primary.has(h))), hidden };
}

/**
 * The cheap part first: a sum with exactly one hidden term gives that term away, so while any sum
 * has one, hide its cheapest other non-zero term. What this leaves, the linear programs check.
 */
function hideSingletons(ledger: Ledger, hidden: Set<string>, cost: (id: string) => number): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of ledger.relations) {
      if (r.kind !== 'sum') continue;
      const terms = [r.total, ...r.parts];
      if (terms.filter((t) => hidden.has(t)).length !== 1) continue;
      const candidates = terms.filter((t) => !hidden.has(t) && ledger.value(t) > 0).sort((a, b) => cost(a) - cost(b) || a.localeCompare(b));
      if (!candidates.length) continue; // every other term is a published zero: the LPs will find other sums
      hidden.add(candidates[0]);
      changed = true;
    }
  }
}

/** Published, non-zero quantities that share a relation with the component (zeros stay published). */
function linkedPublished(ledger: Ledger, hidden: Set<string>, component: string[]): string[] {
  const inside = new Set(component);
  const out = new Set<string>();
  for (const r of ledger.relations) {
    const terms = r.kind === 'sum' ? [r.total, ...r.parts] : [r.small, r.big];
    if (!terms.some((t) => inside.has(t))) continue;
    for (const t of terms) if (!hidden.has(t) && ledger.value(t) > 0) out.add(t);
  }
  return [...out];
}
