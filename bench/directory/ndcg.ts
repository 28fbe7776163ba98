/**
 * nDCG@k of one ranked list against graded judgements (2 = exactly what is needed, 1 = useful):
 * the discounted gain of the list over that of the best possible list. 1 is a perfect ranking.
 */
export function ndcgAt(k: number, ranked: string[], relevant: Record<string, number>): number {
  const dcg = (gains: number[]) => gains.slice(0, k).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg(Object.values(relevant).sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ranked.map((id) => relevant[id] ?? 0)) / ideal;
}

export interface RelevanceQuery {
  id: string;
  lang: 'nb' | 'da' | 'en';
  query: string;
  why: string;
  relevant: Record<string, number>;
}
