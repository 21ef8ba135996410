import { compareIds, type RecModel } from './model';
import type { Exclusion, Recommendation } from './types';

export function isExcluded(exclude: Exclusion | undefined, itemId: string): boolean {
  if (!exclude) return false;
  return typeof exclude === 'function' ? exclude(itemId) : exclude.has(itemId);
}

/** One exclusion out of several: ids in the cart, the product on screen, a stock check. */
export function combineExclusions(...parts: (Exclusion | undefined)[]): Exclusion {
  const present = parts.filter((part): part is Exclusion => part !== undefined);
  return (itemId) => present.some((part) => isExcluded(part, itemId));
}

/** Weighted evidence per item number, remembering which source item gave the most. */
export type Tally = { total: Float64Array; best: Float64Array; source: Int32Array; touched: number[] };

export function createTally(size: number): Tally {
  return { total: new Float64Array(size), best: new Float64Array(size), source: new Int32Array(size).fill(-1), touched: [] };
}

export function addEvidence(tally: Tally, item: number, amount: number, source: number): void {
  if (tally.source[item] === -1) {
    tally.touched.push(item);
    tally.source[item] = source;
    tally.best[item] = amount;
  } else if (amount > (tally.best[item] ?? 0)) {
    tally.best[item] = amount;
    tally.source[item] = source;
  }
  tally.total[item] = (tally.total[item] ?? 0) + amount;
}

export function maxTotal(tally: Tally): number {
  let max = 0;
  for (const item of tally.touched) max = Math.max(max, tally.total[item] ?? 0);
  return max;
}

/**
 * The best `limit` items seen so far, score descending then id ascending. Candidates are
 * offered in any order; the exclusion is only asked about those that would make the list.
 */
export type TopList = { limit: number; exclude: Exclusion | undefined; items: Recommendation[] };

export function createTopList(limit: number, exclude?: Exclusion): TopList {
  return { limit: Math.max(0, Math.floor(limit)), exclude, items: [] };
}

function ranksBefore(score: number, itemId: string, other: Recommendation): boolean {
  return score > other.score || (score === other.score && compareIds(itemId, other.itemId) < 0);
}

export function wouldTake(top: TopList, itemId: string, score: number): boolean {
  if (!(score > 0) || top.limit === 0) return false;
  const last = top.items[top.items.length - 1];
  if (top.items.length >= top.limit && last && !ranksBefore(score, itemId, last)) return false;
  return !isExcluded(top.exclude, itemId) && !top.items.some((item) => item.itemId === itemId);
}

/** Inserts a candidate that `wouldTake` accepted. */
export function take(top: TopList, candidate: Recommendation): void {
  let position = top.items.length;
  while (position > 0) {
    const previous = top.items[position - 1];
    if (!previous || !ranksBefore(candidate.score, candidate.itemId, previous)) break;
    position--;
  }
  top.items.splice(position, 0, candidate);
  if (top.items.length > top.limit) top.items.pop();
}

export function offer(top: TopList, candidate: Recommendation): void {
  if (wouldTake(top, candidate.itemId, candidate.score)) take(top, candidate);
}

/** The list, topped up with the best sellers it lacks when `fill` is set. */
export function finishTopList(model: RecModel, top: TopList, fill = true): Recommendation[] {
  const list = top.items;
  if (!fill) return list;
  for (const item of model.popularOrder) {
    if (list.length >= top.limit || (model.popularity[item] ?? 0) === 0) break;
    const itemId = model.ids[item] ?? '';
    if (isExcluded(top.exclude, itemId) || list.some((entry) => entry.itemId === itemId)) continue;
    list.push({ itemId, score: 0, reason: { kind: 'popular' } });
  }
  return list;
}
