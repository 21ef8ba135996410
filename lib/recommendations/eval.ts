import type { RetailInvoice } from './csv';
import { buildModel, customerHistory, type RecModel } from './model';
import { createTopList, finishTopList, offer } from './ranking';
import { forYou, goesWellWith } from './strategies';
import type { Basket, ItemMeta } from './types';

export type Score = { hitRate: number; hits: number; n: number };

export type EvalReport = {
  nextBasket: Score;
  completion: Score;
  baselines: {
    nextBasketPopularity: Score;
    nextBasketOwnThenPopular: Score;
    completionPopularity: Score;
    completionCoOccurrence: Score;
  };
};

const K = 10;

function invoicesToBaskets(invoices: readonly RetailInvoice[]): Basket[] {
  return invoices.map((invoice, index) => ({ customerId: invoice.customerId, items: invoice.items, at: index }));
}

/**
 * Item metadata the CSV offers: the description as name, and the StockCode's first four
 * digits as category, since consecutive codes are mostly one product line in colours.
 */
function invoicesToItems(invoices: readonly RetailInvoice[]): ItemMeta[] {
  const items = new Map<string, ItemMeta>();
  for (const invoice of invoices) {
    for (const line of invoice.lines) {
      if (items.has(line.stockCode)) continue;
      const family = /^(\d{4})\d/.exec(line.stockCode)?.[1];
      items.set(line.stockCode, { id: line.stockCode, name: line.description, category: family });
    }
  }
  return [...items.values()];
}

export function trainModel(invoices: readonly RetailInvoice[]): RecModel {
  return buildModel(invoicesToBaskets(invoices), invoicesToItems(invoices));
}

function score(hits: number, n: number): Score {
  return { hitRate: n === 0 ? 0 : hits / n, hits, n };
}

/** Protocol 1: each test invoice of a customer seen in training, recommended from that history only. */
export function scoreNextBasket(model: RecModel, test: readonly RetailInvoice[], recommend: (customerId: string) => string[]): Score {
  let hits = 0;
  let n = 0;
  for (const invoice of test) {
    if (invoice.customerId === null || !model.customers.has(invoice.customerId)) continue;
    n++;
    const bought = new Set(invoice.items);
    if (
      recommend(invoice.customerId)
        .slice(0, K)
        .some((itemId) => bought.has(itemId))
    )
      hits++;
  }
  return score(hits, n);
}

/** Protocol 2: hide the item on the last kept line, recommend from the other distinct items. */
export function scoreCompletion(test: readonly RetailInvoice[], recommend: (cart: string[]) => string[]): Score {
  let hits = 0;
  let n = 0;
  for (const invoice of test) {
    const hidden = invoice.lines.at(-1)?.stockCode;
    if (hidden === undefined || invoice.items.length < 2) continue;
    n++;
    const cart = invoice.items.filter((itemId) => itemId !== hidden);
    const shown = recommend(cart).filter((itemId) => !cart.includes(itemId));
    if (shown.slice(0, K).includes(hidden)) hits++;
  }
  return score(hits, n);
}

const ids = (list: { itemId: string }[]) => list.map((item) => item.itemId);

function topByScore(model: RecModel, scores: Map<string, number>, exclude: ReadonlySet<string> = new Set()): string[] {
  const top = createTopList(K, exclude);
  for (const [itemId, score] of scores) offer(top, { itemId, score, reason: { kind: 'popular' } });
  return ids(finishTopList(model, top));
}

export function popularityBaseline(model: RecModel, exclude: ReadonlySet<string> = new Set()): string[] {
  return topByScore(model, new Map(), exclude);
}

/** RECS_EVAL's best simple next-basket baseline: the customer's most-bought items, then popularity. */
export function ownThenPopularBaseline(model: RecModel, customerId: string): string[] {
  const counts = new Map<string, number>();
  for (const { itemId } of customerHistory(model, customerId)) counts.set(itemId, (counts.get(itemId) ?? 0) + 1);
  return topByScore(model, counts);
}

/** RECS_EVAL's best simple completion baseline: raw co-occurrence counts with the cart's items. */
export function coOccurrenceBaseline(model: RecModel, cart: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const source of cart) {
    const row = model.rows[model.index.get(source) ?? -1];
    row?.others.forEach((other, slot) => {
      const itemId = model.ids[other] ?? '';
      counts.set(itemId, (counts.get(itemId) ?? 0) + (row.counts[slot] ?? 0));
    });
  }
  return topByScore(model, counts, new Set(cart));
}

export function evaluate(train: readonly RetailInvoice[], test: readonly RetailInvoice[]): EvalReport {
  const model = trainModel(train);
  const forCustomer = (customerId: string) => ids(forYou(model, { history: customerHistory(model, customerId), limit: K }));
  const forCart = (cart: string[]) => ids(goesWellWith(model, cart, { limit: K }));
  return {
    nextBasket: scoreNextBasket(model, test, forCustomer),
    completion: scoreCompletion(test, forCart),
    baselines: {
      nextBasketPopularity: scoreNextBasket(model, test, () => popularityBaseline(model)),
      nextBasketOwnThenPopular: scoreNextBasket(model, test, (c) => ownThenPopularBaseline(model, c)),
      completionPopularity: scoreCompletion(test, (cart) => popularityBaseline(model, new Set(cart))),
      completionCoOccurrence: scoreCompletion(test, (cart) => coOccurrenceBaseline(model, cart)),
    },
  };
}

export function formatScore(label: string, { hitRate, n }: Score): string {
  return `${label} HitRate@10 = ${hitRate.toFixed(4)} (n=${n})`;
}
