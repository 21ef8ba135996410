import { coPurchaseEvidence, dampPopular } from './evidence';
import { compareIds, type RecModel } from './model';
import { combineExclusions, createTopList, finishTopList, maxTotal, take, wouldTake } from './ranking';
import { repeatLift } from './repeats';
import type { Exclusion, PurchaseEvent, Recommendation, RecommendationReason, ViewEvent } from './types';

/** Chosen by measurement on the Online Retail data: see eval.ts and the recs:eval command. */
const FOR_YOU_PARAMS = {
  /** An order weighs this factor less than the shopper's next one. */
  orderDecay: 0.95,
  /** Co-purchase evidence is worth at most this many own purchases. */
  coPurchaseWeight: 1,
  /** Only the shopper's strongest items feed co-purchases, which bounds the request time. */
  queryItems: 50,
  /** Evidence from a bought item is divided by its popularity^this (common items say less). */
  sourcePopularityPower: 0.5,
  candidatePopularityPower: 0,
  /** A view is worth this share of a purchase (there is no view data to measure it on). */
  viewWeight: 0.5,
  /**
   * A product the shopper bought is offered again only when its repeat lift (repeats.ts) is at least this: buying it
   * makes buying it again at least twice as likely as chance. Learned per product and category from the orders: on
   * the Online Retail data nine items in ten pass (median lift 3.2); on the shop's own history nothing is bought
   * again beyond taste (median 1.1, jackets 1.25), so a jacket just bought is not offered again.
   */
  minRepeatLift: 2,
};

export type ForYouParams = typeof FOR_YOU_PARAMS;

/** Per item, the sum over the shopper's orders holding it of orderDecay^(orders since). */
export function ownPurchaseWeights(history: readonly PurchaseEvent[], orderDecay: number): Map<string, number> {
  const orderTimes = [...new Set(history.map((event) => event.at))].sort((a, b) => b - a);
  const rank = new Map(orderTimes.map((at, index) => [at, index]));
  const seen = new Set<string>();
  const weights = new Map<string, number>();
  for (const { itemId, at } of history) {
    const key = `${at}\u0000${itemId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    weights.set(itemId, (weights.get(itemId) ?? 0) + Math.pow(orderDecay, rank.get(at) ?? 0));
  }
  return weights;
}

function viewWeights(views: readonly ViewEvent[], p: ForYouParams): Map<string, number> {
  const times = [...new Set(views.map((view) => view.at))].sort((a, b) => b - a);
  const rank = new Map(times.map((at, index) => [at, index]));
  const weights = new Map<string, number>();
  for (const { itemId, at } of views) {
    const weight = p.viewWeight * Math.pow(p.orderDecay, rank.get(at) ?? 0);
    weights.set(itemId, Math.max(weights.get(itemId) ?? 0, weight));
  }
  return weights;
}

/**
 * Next basket: the shopper's own purchases (every order counts, recent orders more), then
 * what is bought with them and with recently viewed items, then best sellers. An item already
 * bought comes back only where the shop's orders show people buy it again (minRepeatLift); its
 * reason is then 'buy-again'.
 */
export function forYou(
  model: RecModel,
  options: {
    history: readonly PurchaseEvent[];
    recentViews?: readonly ViewEvent[];
    limit?: number;
    exclude?: Exclusion;
    params?: Partial<ForYouParams>;
  },
): Recommendation[] {
  const p = { ...FOR_YOU_PARAMS, ...options.params };
  const own = ownPurchaseWeights(options.history, p.orderDecay);
  const views = viewWeights(options.recentViews ?? [], p);
  const query = new Map(own);
  for (const [itemId, weight] of views) query.set(itemId, (query.get(itemId) ?? 0) + weight);

  const sources = new Map<number, number>();
  for (const [itemId, weight] of [...query].sort((a, b) => b[1] - a[1] || compareIds(a[0], b[0]))) {
    if (sources.size >= p.queryItems) break;
    const item = model.index.get(itemId);
    if (item !== undefined) sources.set(item, weight);
  }
  const related = coPurchaseEvidence(model, sources, 1, p.sourcePopularityPower);
  dampPopular(model, related, p.candidatePopularityPower);
  const relatedMax = maxTotal(related) || 1;

  const reasonFor = (itemId: string, source: number): RecommendationReason => {
    if (own.has(itemId)) return { kind: 'buy-again', sourceItemId: itemId };
    if (views.has(itemId)) return { kind: 'recently-viewed' };
    return { kind: 'because-you-bought', sourceItemId: model.ids[source] ?? itemId };
  };
  // Bought, and not something people buy again: still a source of suggestions, never one itself.
  const notAgain = (itemId: string) => {
    const item = model.index.get(itemId);
    return own.has(itemId) && repeatLift(model, item ?? -1) < p.minRepeatLift;
  };
  const top = createTopList(options.limit ?? 10, combineExclusions(options.exclude, notAgain));
  const consider = (itemId: string, score: number, source: number) => {
    if (wouldTake(top, itemId, score)) take(top, { itemId, score, reason: reasonFor(itemId, source) });
  };
  for (const item of related.touched) {
    const itemId = model.ids[item] ?? '';
    const score = (p.coPurchaseWeight * (related.total[item] ?? 0)) / relatedMax + (query.get(itemId) ?? 0);
    consider(itemId, score, related.source[item] ?? -1);
  }
  for (const [itemId, weight] of query) {
    const item = model.index.get(itemId);
    if (item === undefined || related.source[item] === -1) consider(itemId, weight, -1);
  }
  return finishTopList(model, top);
}
