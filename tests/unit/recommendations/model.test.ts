import { describe, expect, it } from 'vitest';
import {
  addBasket,
  buildModel,
  countSince,
  createModel,
  customerHistory,
  setItemMeta,
  type RecModel,
} from '../../../lib/recommendations/model';
import { forYou, goesWellWith, similarItems, trending } from '../../../lib/recommendations/strategies';
import type { Basket, ItemMeta } from '../../../lib/recommendations/types';

const baskets: Basket[] = [
  { customerId: 'c1', items: ['A', 'B', 'C'], at: 10 },
  { customerId: null, items: ['B', 'C'], at: 11 },
  { customerId: 'c2', items: ['A', 'D', 'A'], at: 12 },
  { customerId: 'c1', items: ['C', 'D', 'E', 'F'], at: 13 },
  { customerId: 'c2', items: ['E'], at: 14 },
];
const items: ItemMeta[] = [
  { id: 'A', name: 'Red lantern', category: 'lights' },
  { id: 'D', name: 'White lantern', category: 'lights', tags: ['metal'] },
  { id: 'F', name: 'Tea towel' },
];

function pair(model: RecModel, itemId: string, otherId: string) {
  const row = model.rows[model.index.get(itemId) ?? -1];
  const slot = row?.slots.get(model.index.get(otherId) ?? -1);
  if (!row || slot === undefined) return undefined;
  return { count: row.counts[slot], after: row.after[slot], before: row.before[slot] };
}

const byId = (model: RecModel, items: number[]) => items.map((item) => model.ids[item]);

describe('model', () => {
  it('counts baskets, distinct items and ordered pair weights', () => {
    const model = buildModel(baskets);
    expect(model.basketCount).toBe(5);
    expect(model.popularity[model.index.get('A') ?? -1]).toBe(2);
    expect(pair(model, 'A', 'D')).toEqual({ count: 1, after: 1, before: 0 });
    expect(pair(model, 'C', 'B')).toEqual({ count: 2, after: 0, before: 0.5 + 1 });
    expect(pair(model, 'C', 'F')).toEqual({ count: 1, after: 1 / 3, before: 0 });
    expect(customerHistory(model, 'c2')).toEqual([
      { itemId: 'A', at: 12 },
      { itemId: 'D', at: 12 },
      { itemId: 'E', at: 14 },
    ]);
    expect(byId(model, model.popularOrder)).toEqual(['C', 'A', 'B', 'D', 'E', 'F']);
  });

  it('gives the same model and answers when baskets are added one by one after the first answers', () => {
    const full = buildModel(baskets, items);

    const live = createModel();
    for (const meta of items) setItemMeta(live, meta);
    addBasket(live, baskets[0]!);
    goesWellWith(live, ['A']);
    similarItems(live, 'A');
    for (const basket of baskets.slice(1)) addBasket(live, basket);

    expect(goesWellWith(live, ['A', 'C'])).toEqual(goesWellWith(full, ['A', 'C']));
    expect(similarItems(live, 'A')).toEqual(similarItems(full, 'A'));
    const history = customerHistory(full, 'c1');
    expect(forYou(live, { history })).toEqual(forYou(full, { history }));
    expect(trending(live, { since: 12 })).toEqual(trending(full, { since: 12 }));
    const stats = (m: RecModel) => ({
      basketCount: m.basketCount,
      popularity: Object.fromEntries(m.ids.map((id, item) => [id, m.popularity[item]])),
      pairs: Object.fromEntries(m.ids.flatMap((a) => m.ids.map((b) => [`${a}>${b}`, pair(m, a, b)]))),
      customers: m.customers,
      purchaseTimes: Object.fromEntries(m.ids.map((id, item) => [id, m.purchaseTimes[item]])),
      popularOrder: byId(m, m.popularOrder).filter((id) => (m.popularity[m.index.get(id ?? '') ?? -1] ?? 0) > 0),
      tokens: m.content.tokens,
    });
    expect(stats(live)).toEqual(stats(buildModel(baskets, items)));
  });

  it('keeps purchase times ordered when an older basket arrives late', () => {
    const model = buildModel([
      { customerId: null, items: ['A'], at: 5 },
      { customerId: null, items: ['A'], at: 1 },
      { customerId: null, items: ['A'], at: 3 },
    ]);
    expect(model.purchaseTimes[0]).toEqual([1, 3, 5]);
    expect(countSince(model, 0, 3)).toBe(2);
  });

  it('numbers baskets without a time in arrival order', () => {
    const model = buildModel([
      { customerId: 'c', items: ['A'] },
      { customerId: 'c', items: ['B'] },
    ]);
    expect(customerHistory(model, 'c')).toEqual([
      { itemId: 'A', at: 0 },
      { itemId: 'B', at: 1 },
    ]);
  });
});
