import { coPurchaseEvidence, contentEvidence, dampPopular } from './evidence';
import { compareIds, countSince, type RecModel } from './model';
import { categoryOf } from './repeats';
import {
  combineExclusions,
  createTally,
  createTopList,
  finishTopList,
  isExcluded,
  maxTotal,
  take,
  wouldTake,
  type Tally,
  type TopList,
} from './ranking';
import type { Exclusion, Recommendation, RecommendationReason } from './types';

export { forYou, ownPurchaseWeights } from './for-you';

/** Chosen by measurement on the Online Retail data: see eval.ts and the recs:eval command. */
const COMPLETION_PARAMS = {
  /** Weight of a cart item falls by this factor per item added after it... */
  cartDecay: 0.5,
  /** ...down to this share, so early cart items still count a little. */
  cartFloor: 0.1,
  /** Only the latest this many cart items are used, which bounds the time of a wholesale-sized cart. */
  cartItems: 200,
  /** Co-purchases added before the cart item count this much relative to those added after. */
  beforeWeight: 0.5,
  /** Evidence from a cart item is divided by its popularity^this (common items say less). */
  sourcePopularityPower: 0.5,
  /** Candidate scores are divided by popularity^this (damps best-sellers). */
  candidatePopularityPower: 0.3,
  /** Weight of name/category similarity relative to the strongest co-purchase score; it helped
   * for all items, not only little-sold ones, so it does not fade with sales. */
  contentWeight: 0.25,
  /**
   * Candidates in a category of the cart's items count this much: below 1, what goes with an item comes before
   * alternatives to it (those belong on Similar). 1 for the cart (measured: on the Online Retail data, where a
   * category is a product line in its colours, shoppers do buy several colours together); the product and order
   * pages' "Goes well with" use SAME_CATEGORY_ON_PRODUCT.
   */
  sameCategoryWeight: 1,
};

/**
 * "Goes well with" on a product page and an order: other categories only (the same category's items are alternatives,
 * Similar's), bought together first, then close in name or tags (a waxed cap with a waxed jacket).
 */
export const PRODUCT_PAGE_COMPLETION: Partial<CompletionParams> = { sameCategoryWeight: 0 };

export type CompletionParams = typeof COMPLETION_PARAMS;

export type ListOptions = { limit?: number; exclude?: Exclusion };

const DEFAULT_LIMIT = 10;

/**
 * Normalised co-purchase score plus `contentWeight` times normalised content score; the reason
 * names whichever part gave more, with the source item that contributed most to it.
 */
function offerBlend(
  model: RecModel,
  bought: Tally,
  similar: Tally,
  contentWeight: number,
  boughtKind: 'bought-with' | 'similar',
  top: TopList,
  weightOf: (item: number) => number = () => 1,
): void {
  const boughtMax = maxTotal(bought) || 1;
  const similarMax = maxTotal(similar) || 1;
  const reasonFor = (item: number): RecommendationReason => {
    const fromBought = (bought.total[item] ?? 0) / boughtMax;
    const fromSimilar = (contentWeight * (similar.total[item] ?? 0)) / similarMax;
    const [kind, source] =
      fromSimilar > fromBought ? (['similar', similar.source[item]] as const) : ([boughtKind, bought.source[item]] as const);
    return { kind, sourceItemId: model.ids[source ?? -1] };
  };
  const consider = (item: number) => {
    const score = weightOf(item) * ((bought.total[item] ?? 0) / boughtMax + (contentWeight * (similar.total[item] ?? 0)) / similarMax);
    const itemId = model.ids[item] ?? '';
    if (wouldTake(top, itemId, score)) take(top, { itemId, score, reason: reasonFor(item) });
  };
  for (const item of bought.touched) consider(item);
  for (const item of similar.touched) if (bought.source[item] === -1) consider(item);
}

/** Basket completion: what shoppers added alongside the cart's items, the latest added weighing most. */
export function goesWellWith(
  model: RecModel,
  cartItems: readonly string[],
  options: ListOptions & { params?: Partial<CompletionParams> } = {},
): Recommendation[] {
  const p = { ...COMPLETION_PARAMS, ...options.params };
  const cart = [...new Set(cartItems)].slice(-p.cartItems);
  const sources = new Map<number, number>();
  cart.forEach((itemId, position) => {
    const item = model.index.get(itemId);
    const age = cart.length - 1 - position;
    if (item !== undefined) sources.set(item, p.cartFloor + (1 - p.cartFloor) * Math.pow(p.cartDecay, age));
  });

  const bought = coPurchaseEvidence(model, sources, p.beforeWeight, p.sourcePopularityPower);
  dampPopular(model, bought, p.candidatePopularityPower);
  const similar = p.contentWeight > 0 ? contentEvidence(model, sources) : createTally(model.ids.length);
  const cartCategories = new Set([...sources.keys()].map((item) => categoryOf(model, item)).filter((c) => c >= 0));
  const sameCategory = (item: number) => cartCategories.has(categoryOf(model, item));
  const weightOf = (item: number) => (sameCategory(item) ? p.sameCategoryWeight : 1);
  // With no weight at all, the same category is not offered by the best-seller fill either.
  const leaveOut = p.sameCategoryWeight === 0 ? (itemId: string) => sameCategory(model.index.get(itemId) ?? -1) : undefined;
  const exclude = combineExclusions(new Set(cartItems), options.exclude, leaveOut);
  const top = createTopList(options.limit ?? DEFAULT_LIMIT, exclude);
  offerBlend(model, bought, similar, p.contentWeight, 'bought-with', top, weightOf);
  return finishTopList(model, top);
}

/**
 * Items like this one: close in name, category and tags, or bought by the same shoppers; items of its own category
 * first (alternatives to it), others weigh `otherCategoryWeight` (what goes with it is "Goes well with"'s).
 */
export function similarItems(
  model: RecModel,
  itemId: string,
  options: ListOptions & { contentWeight?: number; otherCategoryWeight?: number } = {},
): Recommendation[] {
  const item = model.index.get(itemId);
  const sources = new Map(item === undefined ? [] : [[item, 1]]);
  const bought = coPurchaseEvidence(model, sources, 1, 0);
  dampPopular(model, bought, 0.5);
  const similar = contentEvidence(model, sources);
  const exclude = combineExclusions(new Set([itemId]), options.exclude);
  const top = createTopList(options.limit ?? DEFAULT_LIMIT, exclude);
  const category = item === undefined ? -1 : categoryOf(model, item);
  const otherWeight = options.otherCategoryWeight ?? 0.1;
  const weightOf = (candidate: number) => (category < 0 || categoryOf(model, candidate) === category ? 1 : otherWeight);
  offerBlend(model, bought, similar, options.contentWeight ?? 0.5, 'similar', top, weightOf);
  return finishTopList(model, top, false);
}

/** Most bought since `since` (same unit as basket `at`); all-time popularity breaks ties. */
export function trending(model: RecModel, options: ListOptions & { since: number }): Recommendation[] {
  const recent: { item: number; count: number }[] = [];
  model.purchaseTimes.forEach((_, item) => {
    const count = countSince(model, item, options.since);
    if (count > 0) recent.push({ item, count });
  });
  recent.sort(
    (a, b) =>
      b.count - a.count ||
      (model.popularity[b.item] ?? 0) - (model.popularity[a.item] ?? 0) ||
      compareIds(model.ids[a.item] ?? '', model.ids[b.item] ?? ''),
  );
  const top = createTopList(options.limit ?? DEFAULT_LIMIT, options.exclude);
  for (const { item, count } of recent) {
    if (top.items.length >= top.limit) break;
    const itemId = model.ids[item] ?? '';
    if (!isExcluded(top.exclude, itemId)) top.items.push({ itemId, score: count, reason: { kind: 'trending' } });
  }
  return finishTopList(model, top);
}

/** Best sellers of all time. */
export function popular(model: RecModel, options: ListOptions = {}): Recommendation[] {
  return finishTopList(model, createTopList(options.limit ?? DEFAULT_LIMIT, options.exclude));
}
