import type { DirectoryIndex, IndexedService, Lexemes } from './memory-index.js';

/** One word of a query as the ranking weighs it. */
export interface RankedWord {
  /** The word as written and its correction. */
  forms: Lexemes;
  /** Its synonyms, one by one, when it is rare enough to need them. */
  synonyms: Lexemes[];
  /** Its weight by rarity (inverse document frequency). */
  weight: number;
}

/** Words a synonym adds count this much beside the words the person wrote. */
const SYNONYM_WEIGHT = 0.5;
/**
 * What the synonyms a service uses add up to levels off towards this: a second and third synonym
 * still count (the more of them, the surer the service is about the word), but a long text using
 * all of them is not worth more than its name.
 */
const SYNONYMS_AT_MOST = 3;

/** Where a page starts: after this tier, rank, name and id. */
export interface Cursor {
  /** The tier: 1 every word, 2 all but one (for three to six words), 3 some. */
  t: number;
  r: string;
  n: string;
  i: string;
}

export interface Ranked {
  slot: number;
  tier: number;
  rank: number;
}

/**
 * The tier of a service holding `matched` of `n` words: services with every word come first,
 * then, for a query of three to six words, those with all but one (what most often fills the
 * page when none has them all: "jeg har fått avslag på asyl"), then those with some.
 */
const tierOf = (matched: number, n: number) => (matched === n ? 1 : n >= 3 && n <= 6 && matched === n - 1 ? 2 : 3);

/**
 * Ranks the services that hold at least one word (every service, by name, when there are no
 * words) and pass the filter, and returns one page after the cursor with how many there are in
 * all. Within a tier, by the sum of each word's weight times how well the service holds it (its
 * forms fully, its synonyms at half), then by name. The page is kept in a heap as long as the
 * page, so a word used by every service costs one pass, not a sort of thousands.
 */
export function rankServices(index: DirectoryIndex, words: RankedWord[], keep: (s: IndexedService) => boolean, after: Cursor | undefined, size: number): { page: Ranked[]; total: number } {
  const n = index.size;
  const rank = index.scratch(0);
  const matched = new Uint8Array(n);
  for (const word of words) {
    const forms = index.best(word.forms, index.scratch(1));
    // A service using several of the synonyms is more surely about the word than one using one.
    const synonyms = index.scratch(2);
    for (const synonym of word.synonyms) {
      const best = index.best(synonym, index.scratch(3));
      for (let s = 0; s < n; s++) synonyms[s] += best[s];
    }
    for (let s = 0; s < n; s++) {
      const score = forms[s] + (synonyms[s] > 0 ? SYNONYM_WEIGHT * SYNONYMS_AT_MOST * (1 - Math.exp(-synonyms[s] / SYNONYMS_AT_MOST)) : 0);
      if (score > 0) {
        rank[s] += word.weight * score;
        matched[s]++;
      }
    }
  }
  const order = index.order();
  // a before b on the page.
  const before = (a: Ranked, b: Ranked) => a.tier !== b.tier ? a.tier < b.tier : a.rank !== b.rank ? a.rank > b.rank : order[a.slot] < order[b.slot];
  const afterCursor = (r: Ranked) => {
    if (!after) return true;
    const c = Number(after.r);
    if (r.tier !== after.t) return r.tier > after.t;
    if (r.rank !== c) return r.rank < c;
    const s = index.service(r.slot);
    return s.nameKey !== after.n ? s.nameKey > after.n : s.id > after.i;
  };
  const heap = new PageHeap(size, before);
  let total = 0;
  for (let s = 0; s < n; s++) {
    if (words.length && !matched[s]) continue;
    if (!keep(index.service(s))) continue;
    total++;
    const r = { slot: s, tier: words.length ? tierOf(matched[s], words.length) : 1, rank: rank[s] };
    if (afterCursor(r)) heap.offer(r);
  }
  return { page: heap.sorted(), total };
}

/** The best `size` items seen: a binary heap with the worst of them on top. */
class PageHeap<T> {
  private items: T[] = [];
  constructor(private size: number, private before: (a: T, b: T) => boolean) {}

  offer(item: T): void {
    const h = this.items;
    if (h.length < this.size) {
      h.push(item);
      let i = h.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.before(h[parent], h[i])) break;
        [h[parent], h[i]] = [h[i], h[parent]];
        i = parent;
      }
    } else if (this.size > 0 && this.before(item, h[0])) {
      h[0] = item;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let worst = i;
        if (l < h.length && this.before(h[worst], h[l])) worst = l;
        if (r < h.length && this.before(h[worst], h[r])) worst = r;
        if (worst === i) break;
        [h[worst], h[i]] = [h[i], h[worst]];
        i = worst;
      }
    }
  }

  sorted(): T[] {
    return [...this.items].sort((a, b) => (this.before(a, b) ? -1 : 1));
  }
}
