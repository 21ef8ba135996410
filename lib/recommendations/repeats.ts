import type { RecModel } from './model';

/**
 * Who buys a product again, learned from the shop's own orders. For each item: how often a customer who had bought it
 * bought it again in a later basket (`repeats`), against how often that would happen if having bought it changed
 * nothing: their later baskets (`exposures`) times the share of all baskets that hold it. The ratio is the item's
 * repeat lift, smoothed towards its category's (itself smoothed towards the shop's), so an item with little history
 * borrows from its category. Kept up to date as baskets arrive and items get their category, so a request reads a
 * lift in constant time.
 */
export type RepeatStats = {
  /** Per customer, the item numbers they have bought, and the same in the order first bought. */
  boughtBy: Map<string, { items: Set<number>; order: number[] }>;
  repeats: number[];
  exposures: number[];
  /** Per item number, its category number (-1 while unknown). */
  category: number[];
  categoryIndex: Map<string, number>;
  categoryRepeats: number[];
  /** Σ exposures × purchases over the category's items: its expected repeats times the number of baskets. */
  categoryExposurePurchases: number[];
  totalRepeats: number;
  totalExposurePurchases: number;
};

/** How many expected repeats' worth of evidence the prior (the category's lift, or the shop's) counts as. */
const PRIOR_WEIGHT = 3;

/**
 * A basket adds an exposure to the customer's latest this many first-bought items only, which bounds the work per
 * basket for a wholesale customer with thousands of items (their older items stop counting later baskets).
 */
const EXPOSED_ITEMS = 200;

export function createRepeatStats(): RepeatStats {
  return {
    boughtBy: new Map(),
    repeats: [],
    exposures: [],
    category: [],
    categoryIndex: new Map(),
    categoryRepeats: [],
    categoryExposurePurchases: [],
    totalRepeats: 0,
    totalExposurePurchases: 0,
  };
}

export function addRepeatItem(stats: RepeatStats): void {
  stats.repeats.push(0);
  stats.exposures.push(0);
  stats.category.push(-1);
}

function addExposurePurchases(stats: RepeatStats, item: number, amount: number): void {
  stats.totalExposurePurchases += amount;
  const category = stats.category[item] ?? -1;
  if (category >= 0) stats.categoryExposurePurchases[category] = (stats.categoryExposurePurchases[category] ?? 0) + amount;
}

/** Call for every item of every basket, before its purchase count is raised: the item's exposures now meet one more purchase. */
export function recordPurchase(stats: RepeatStats, item: number): void {
  addExposurePurchases(stats, item, stats.exposures[item] ?? 0);
}

/**
 * One customer's basket (distinct item numbers), with `purchases` the items' purchase counts: every item they bought
 * before gets one more later basket, and those in this basket count as repeats.
 */
export function recordCustomerBasket(stats: RepeatStats, customerId: string, items: readonly number[], purchases: readonly number[]): void {
  let mine = stats.boughtBy.get(customerId);
  if (!mine) stats.boughtBy.set(customerId, (mine = { items: new Set(), order: [] }));
  const { items: before, order } = mine;
  for (let k = Math.max(0, order.length - EXPOSED_ITEMS); k < order.length; k++) {
    const item = order[k] ?? 0;
    stats.exposures[item] = (stats.exposures[item] ?? 0) + 1;
    addExposurePurchases(stats, item, purchases[item] ?? 0);
  }
  for (const item of items) {
    if (before.has(item)) {
      stats.repeats[item] = (stats.repeats[item] ?? 0) + 1;
      stats.totalRepeats++;
      const category = stats.category[item] ?? -1;
      if (category >= 0) stats.categoryRepeats[category] = (stats.categoryRepeats[category] ?? 0) + 1;
    } else {
      before.add(item);
      order.push(item);
    }
  }
}

/** Files an item (and what was already counted for it) under its category. */
export function moveCategory(stats: RepeatStats, item: number, categoryName: string | undefined, purchases: number): void {
  let category = -1;
  if (categoryName) {
    category = stats.categoryIndex.get(categoryName) ?? stats.categoryRepeats.length;
    if (category === stats.categoryRepeats.length) {
      stats.categoryIndex.set(categoryName, category);
      stats.categoryRepeats.push(0);
      stats.categoryExposurePurchases.push(0);
    }
  }
  const previous = stats.category[item] ?? -1;
  if (previous === category) return;
  const repeats = stats.repeats[item] ?? 0;
  const weight = (stats.exposures[item] ?? 0) * purchases;
  if (previous >= 0) {
    stats.categoryRepeats[previous] = (stats.categoryRepeats[previous] ?? 0) - repeats;
    stats.categoryExposurePurchases[previous] = (stats.categoryExposurePurchases[previous] ?? 0) - weight;
  }
  if (category >= 0) {
    stats.categoryRepeats[category] = (stats.categoryRepeats[category] ?? 0) + repeats;
    stats.categoryExposurePurchases[category] = (stats.categoryExposurePurchases[category] ?? 0) + weight;
  }
  stats.category[item] = category;
}

/**
 * How many times likelier a customer who bought the item is to buy it again in a later basket than any basket is to
 * hold it: about 1 where buying it says nothing about buying it again, well above 1 for what people come back for.
 */
export function repeatLift(model: RecModel, item: number): number {
  const stats = model.repeats;
  const baskets = Math.max(1, model.basketCount);
  const lift = (observed: number, expected: number, prior: number) => (observed + PRIOR_WEIGHT * prior) / (expected + PRIOR_WEIGHT);
  const shop = lift(stats.totalRepeats, stats.totalExposurePurchases / baskets, 1);
  const category = stats.category[item] ?? -1;
  const prior =
    category >= 0 ? lift(stats.categoryRepeats[category] ?? 0, (stats.categoryExposurePurchases[category] ?? 0) / baskets, shop) : shop;
  const expected = ((stats.exposures[item] ?? 0) * (model.popularity[item] ?? 0)) / baskets;
  return lift(stats.repeats[item] ?? 0, expected, prior);
}

/** The item's category number, or -1. */
export function categoryOf(model: RecModel, item: number): number {
  return model.repeats.category[item] ?? -1;
}
