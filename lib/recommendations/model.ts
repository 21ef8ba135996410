import { createContentIndex, indexItemContent, type ContentIndex } from './content';
import { addRepeatItem, createRepeatStats, moveCategory, recordCustomerBasket, recordPurchase, type RepeatStats } from './repeats';
import type { Basket, ItemMeta, PurchaseEvent } from './types';

/**
 * One item's co-purchases, as parallel arrays so a request walks them without hashing.
 * For the item `others[k]`: `counts[k]` baskets held both; `after[k]`/`before[k]` sum, over
 * those baskets, 1 / (basket size − 1) when it was added after/before this item, so one
 * huge wholesale basket weighs no more than a small one.
 */
type PairRow = {
  slots: Map<number, number>;
  others: number[];
  counts: number[];
  after: number[];
  before: number[];
};

export type RecModel = {
  basketCount: number;
  nextAt: number;
  /** Items are numbered in the order they are first seen; arrays below are indexed by number. */
  ids: string[];
  index: Map<string, number>;
  popularity: number[];
  rows: PairRow[];
  /** Per item, the ascending `at` of every basket that held it, for time windows. */
  purchaseTimes: number[][];
  /** Item numbers by popularity (most first, ties by id), kept in order as baskets arrive. */
  popularOrder: number[];
  popularRank: number[];
  customers: Map<string, PurchaseEvent[]>;
  content: ContentIndex;
  /** Who buys what again, and each item's category (repeats.ts). */
  repeats: RepeatStats;
};

export function createModel(): RecModel {
  return {
    basketCount: 0,
    nextAt: 0,
    ids: [],
    index: new Map(),
    popularity: [],
    rows: [],
    purchaseTimes: [],
    popularOrder: [],
    popularRank: [],
    customers: new Map(),
    content: createContentIndex(),
    repeats: createRepeatStats(),
  };
}

function internItem(model: RecModel, itemId: string): number {
  const known = model.index.get(itemId);
  if (known !== undefined) return known;
  const item = model.ids.length;
  model.ids.push(itemId);
  model.index.set(itemId, item);
  model.popularity.push(0);
  model.rows.push({ slots: new Map(), others: [], counts: [], after: [], before: [] });
  model.purchaseTimes.push([]);
  model.popularRank.push(model.popularOrder.length);
  model.popularOrder.push(item);
  addRepeatItem(model.repeats);
  return item;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function ranksAbove(model: RecModel, a: number, b: number): boolean {
  const byCount = (model.popularity[a] ?? 0) - (model.popularity[b] ?? 0);
  return byCount > 0 || (byCount === 0 && compareIds(model.ids[a] ?? '', model.ids[b] ?? '') < 0);
}

function raisePopularity(model: RecModel, item: number): void {
  recordPurchase(model.repeats, item);
  model.popularity[item] = (model.popularity[item] ?? 0) + 1;
  let rank = model.popularRank[item] ?? 0;
  while (rank > 0) {
    const previous = model.popularOrder[rank - 1] ?? 0;
    if (!ranksAbove(model, item, previous)) break;
    model.popularOrder[rank] = previous;
    model.popularRank[previous] = rank;
    rank--;
  }
  model.popularOrder[rank] = item;
  model.popularRank[item] = rank;
}

function insertSorted(values: number[], value: number): void {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] ?? 0) <= value) low = mid + 1;
    else high = mid;
  }
  values.splice(low, 0, value);
}

function recordPair(row: PairRow, other: number, after: number, before: number): void {
  let slot = row.slots.get(other);
  if (slot === undefined) {
    slot = row.others.length;
    row.slots.set(other, slot);
    row.others.push(other);
    row.counts.push(0);
    row.after.push(0);
    row.before.push(0);
  }
  row.counts[slot] = (row.counts[slot] ?? 0) + 1;
  row.after[slot] = (row.after[slot] ?? 0) + after;
  row.before[slot] = (row.before[slot] ?? 0) + before;
}

/** Adds one paid basket to the statistics in place; the result equals a full rebuild. */
export function addBasket(model: RecModel, basket: Basket): void {
  const itemIds = [...new Set(basket.items)];
  const items = itemIds.map((itemId) => internItem(model, itemId));
  const at = basket.at ?? model.nextAt;
  model.nextAt = Math.max(model.nextAt, at + 1);
  model.basketCount++;

  const weight = items.length > 1 ? 1 / (items.length - 1) : 0;
  items.forEach((item, position) => {
    raisePopularity(model, item);
    insertSorted(model.purchaseTimes[item] ?? [], at);
    const row = model.rows[item];
    if (!row) return;
    items.forEach((other, otherPosition) => {
      if (otherPosition > position) recordPair(row, other, weight, 0);
      else if (otherPosition < position) recordPair(row, other, 0, weight);
    });
  });

  if (basket.customerId !== null) {
    let history = model.customers.get(basket.customerId);
    if (!history) model.customers.set(basket.customerId, (history = []));
    for (const itemId of itemIds) history.push({ itemId, at });
    recordCustomerBasket(model.repeats, basket.customerId, items, model.popularity);
  }
}

export function setItemMeta(model: RecModel, meta: ItemMeta): void {
  const item = internItem(model, meta.id);
  indexItemContent(model.content, meta);
  moveCategory(model.repeats, item, meta.category?.toLowerCase(), model.popularity[item] ?? 0);
}

export function buildModel(baskets: Iterable<Basket>, items: Iterable<ItemMeta> = []): RecModel {
  const model = createModel();
  for (const basket of baskets) addBasket(model, basket);
  for (const meta of items) setItemMeta(model, meta);
  return model;
}

export function customerHistory(model: RecModel, customerId: string): PurchaseEvent[] {
  return model.customers.get(customerId) ?? [];
}

/** Baskets holding the item with `at >= since`. */
export function countSince(model: RecModel, item: number, since: number): number {
  const times = model.purchaseTimes[item] ?? [];
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((times[mid] ?? 0) < since) low = mid + 1;
    else high = mid;
  }
  return times.length - low;
}
