import { createHash } from 'node:crypto';
import type { Ledger } from './ledger.js';
import { components, IntervalModel, type Solver } from './intervals.js';

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
  // Hiding a total costs readers more than hiding a cell, the more tables it totals the more (first
  // contacts total nearly every table); among cells, small ones cost least.
  const totalOf = new Map<string, number>();
  for (const r of ledger.relations) if (r.kind === 'sum') totalOf.set(r.total, (totalOf.get(r.total) ?? 0) + 1);
  const cost = (id: string) => ledger.value(id) * (1 + 20 * (totalOf.get(id) ?? 0));

  hideSingletons(ledger, hidden, primary, cost);
  const model = new IntervalModel(solver, ledger, hidden);
  try {
    // Hiding one more number only ever widens an interval (a constant becomes an unknown that may
    // still take its old value), so a count found wide stays wide and is never checked again.
    // Totals first: protecting a small total settles much of what its parts need.
    const pending = [...primary].sort((a, b) => Number(totals.has(b)) - Number(totals.has(a)) || a.localeCompare(b));
    // The cells hidden for the current small count: its next complement is sought next to them, so
    // that steps which free nothing on their own still build a closed pattern (a rectangle of a table).
    let frontier = new Set<string>();
    for (let guard = 0; pending.length && guard < 10_000; guard++) {
      const pinned = pending[0];
      const w = model.width(pinned, threshold);
      if (w >= threshold - 1e-6) { pending.shift(); frontier = new Set(); continue; }
      frontier.add(pinned);
      const byCost = (a: string, b: string) => cost(a) - cost(b) || a.localeCompare(b);
      let candidates = linkedPublished(ledger, hidden, [...frontier]).sort(byCost);
      if (candidates.length === 0) candidates = linkedPublished(ledger, hidden, components(ledger, hidden, [pinned])[0]).sort(byCost);
      if (candidates.length === 0) throw new Error(`nothing left to hide next to ${pinned}`);
      // The cheapest of the cheapest few that frees it; else the one that widens it most; else the cheapest.
      let best: { id: string; width: number } | undefined;
      for (const c of candidates.slice(0, 8)) {
        const trial = model.widthIfHidden(pinned, c, threshold);
        if (trial >= threshold - 1e-6) { best = { id: c, width: trial }; break; }
        if (!best || trial > best.width + 1e-6) best = { id: c, width: trial };
      }
      frontier.add(best!.id);
      const before = new Set(hidden);
      hidden.add(best!.id);
      hideSingletons(ledger, hidden, primary, cost);
      for (const h of hidden) if (!before.has(h)) model.hide(h);
    }
  } finally {
    model.dispose();
  }
  return { primary, secondary: new Set([...hidden].filter((h) => !primary.has(h))), hidden };
}

/**
 * The cheap part first: a sum whose only hidden term is a small count gives it away, so hide the
 * cheapest other non-zero term of such sums. What this leaves, the linear programs check.
 */
function hideSingletons(ledger: Ledger, hidden: Set<string>, primary: Set<string>, cost: (id: string) => number): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of ledger.relations) {
      if (r.kind !== 'sum') continue;
      const terms = [r.total, ...r.parts];
      const lone = terms.filter((t) => hidden.has(t));
      // Only a small count matters: a complement worked out exactly protects nothing, but gives nothing away.
      if (lone.length !== 1 || !primary.has(lone[0])) continue;
      const candidates = terms.filter((t) => !hidden.has(t) && ledger.value(t) > 0).sort((a, b) => cost(a) - cost(b) || a.localeCompare(b));
      if (!candidates.length) continue; // every other term is a published zero: the LPs will find other sums
      hidden.add(candidates[0]);
      changed = true;
    }
  }
}

/** Published, non-zero quantities that share a relation with any of `cells` (zeros stay published). */
function linkedPublished(ledger: Ledger, hidden: Set<string>, cells: string[]): string[] {
  const inside = new Set(cells);
  const out = new Set<string>();
  for (const r of ledger.relations) {
    const terms = r.kind === 'sum' ? [r.total, ...r.parts] : [r.small, r.big];
    if (!terms.some((t) => inside.has(t))) continue;
    for (const t of terms) if (!hidden.has(t) && ledger.value(t) > 0) out.add(t);
  }
  return [...out];
}
