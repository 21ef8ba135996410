import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../lib/recommendations/model';
import { combineExclusions } from '../../../lib/recommendations/ranking';
import { forYou, goesWellWith, ownPurchaseWeights, popular, similarItems, trending } from '../../../lib/recommendations/strategies';
import type { Basket, Recommendation } from '../../../lib/recommendations/types';

const basket = (items: string[], at?: number, customerId: string | null = null): Basket => ({ customerId, items, at });
const ids = (list: Recommendation[]) => list.map((item) => item.itemId);

describe('goesWellWith', () => {
  const model = buildModel([basket(['A', 'B']), basket(['A', 'B']), basket(['A', 'C']), basket(['D', 'E'])]);

  it('ranks what was bought with the cart, then fills with popular items outside the cart', () => {
    const list = goesWellWith(model, ['A'], { limit: 4 });
    expect(ids(list)).toEqual(['B', 'C', 'D', 'E']);
    expect(list[0]?.reason).toEqual({ kind: 'bought-with', sourceItemId: 'A' });
    expect(list[2]?.reason).toEqual({ kind: 'popular' });
  });

  it('never recommends what is in the cart, even as popular fill', () => {
    expect(ids(goesWellWith(model, ['A', 'B'], { limit: 10 }))).toEqual(['C', 'D', 'E']);
  });

  it('leaves out excluded items, given as a set or a predicate', () => {
    expect(ids(goesWellWith(model, ['A'], { limit: 3, exclude: new Set(['B']) }))).toEqual(['C', 'D', 'E']);
    const outOfStock = (itemId: string) => itemId === 'C' || itemId === 'D';
    expect(ids(goesWellWith(model, ['A'], { limit: 3, exclude: outOfStock }))).toEqual(['B', 'E']);
  });

  it('weighs the item added last to the cart most', () => {
    const m = buildModel([basket(['X', 'P']), basket(['Y', 'Q'])]);
    expect(ids(goesWellWith(m, ['X', 'Y'], { limit: 2 }))).toEqual(['Q', 'P']);
    expect(ids(goesWellWith(m, ['Y', 'X'], { limit: 2 }))).toEqual(['P', 'Q']);
  });

  it('counts products the model does not know when judging how recently an item was added', () => {
    const m = buildModel([basket(['X', 'P']), basket(['Y', 'Q'])]);
    const withNew = goesWellWith(m, ['X', 'NEW', 'Y'], { limit: 2 });
    expect(withNew.map((item) => item.score)).toEqual([1, 0.325]);
  });

  it('prefers items that were added after the cart item over those added before it', () => {
    const m = buildModel([basket(['C', 'A']), basket(['A', 'B'])]);
    expect(ids(goesWellWith(m, ['A'], { limit: 2 }))).toEqual(['B', 'C']);
  });

  it('breaks ties by item id', () => {
    const m = buildModel([basket(['A', 'C']), basket(['A', 'B'])]);
    expect(ids(goesWellWith(m, ['A'], { limit: 2 }))).toEqual(['B', 'C']);
  });

  it('suggests a never-sold item similar in name to a cart item', () => {
    const m = buildModel(
      [basket(['A', 'B'])],
      [
        { id: 'A', name: 'Pink regency teacup' },
        { id: 'B', name: 'Garden fork' },
        { id: 'N', name: 'Green regency teacup' },
        { id: 'O', name: 'Doormat' },
      ],
    );
    const list = goesWellWith(m, ['A'], { limit: 2 });
    expect(ids(list)).toEqual(['B', 'N']);
    expect(list[1]?.reason).toEqual({ kind: 'similar', sourceItemId: 'A' });
  });
});

describe('forYou', () => {
  const model = buildModel([basket(['A', 'D']), basket(['E']), basket(['E']), basket(['F'])]);
  const history = [
    { itemId: 'A', at: 1 },
    { itemId: 'C', at: 1 },
    { itemId: 'A', at: 2 },
    { itemId: 'B', at: 2 },
  ];

  // These first tests take every bought item as one people buy again (minRepeatLift 0), to show the ranking; the
  // 'buy again' tests below learn which ones are.
  const again = { minRepeatLift: 0 };

  it('puts repeat purchases first, then recent ones, then co-purchases, then popular items', () => {
    const list = forYou(model, { history, limit: 6, params: { coPurchaseWeight: 0.5, ...again } });
    expect(ids(list)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(list[0]?.reason).toEqual({ kind: 'buy-again', sourceItemId: 'A' });
    expect(list[3]?.reason).toEqual({ kind: 'because-you-bought', sourceItemId: 'A' });
    expect(list[4]?.reason).toEqual({ kind: 'popular' });
  });

  it('counts an item once per order, however many lines it had', () => {
    const weights = ownPurchaseWeights([...history, { itemId: 'A', at: 2, quantity: 5 }], 0.5);
    expect(Object.fromEntries(weights)).toEqual({ A: 1.5, C: 0.5, B: 1 });
  });

  it('can bring back a bought product the model has not seen in any basket yet', () => {
    const list = forYou(model, { history: [{ itemId: 'NEW', at: 5 }], limit: 2, params: again });
    expect(list[0]).toEqual({ itemId: 'NEW', score: 1, reason: { kind: 'buy-again', sourceItemId: 'NEW' } });
  });

  it('shows popular items to a shopper with no history', () => {
    expect(ids(forYou(model, { history: [], limit: 2 }))).toEqual(['E', 'A']);
  });

  it('leaves out excluded items', () => {
    expect(ids(forYou(model, { history, limit: 2, exclude: new Set(['A', 'C']), params: again }))).toEqual(['B', 'D']);
  });

  it('brings recently viewed products in, below purchases', () => {
    const list = forYou(model, { history, recentViews: [{ itemId: 'F', at: 3 }], limit: 5, params: again });
    expect(list.find((item) => item.itemId === 'F')?.reason).toEqual({ kind: 'recently-viewed' });
    expect(ids(list).slice(0, 2)).toEqual(['A', 'B']);
  });
});

describe('similarItems', () => {
  const model = buildModel(
    [basket(['A', 'B']), basket(['A', 'B']), basket(['A', 'C']), basket(['D'])],
    [
      { id: 'A', name: 'Blue mug' },
      { id: 'D', name: 'Blue mug large' },
    ],
  );

  it('combines co-purchases and content, without the item itself or popular fill', () => {
    const list = similarItems(model, 'A', { limit: 10 });
    expect(ids(list).sort()).toEqual(['B', 'C', 'D']);
    expect(list[0]).toMatchObject({ itemId: 'B', reason: { kind: 'similar', sourceItemId: 'A' } });
  });

  it('applies exclusions', () => {
    expect(ids(similarItems(model, 'A', { exclude: combineExclusions(new Set(['B']), (id) => id === 'D') }))).toEqual(['C']);
  });
});

describe('trending and popular', () => {
  const model = buildModel([basket(['X'], 1), basket(['Y'], 5), basket(['Y', 'Z'], 6), basket(['X'], 2), basket(['X'], 3)]);

  it('ranks by purchases since the window start, then fills with popular items', () => {
    const list = trending(model, { since: 5, limit: 3 });
    expect(ids(list)).toEqual(['Y', 'Z', 'X']);
    expect(list.map((item) => item.reason.kind)).toEqual(['trending', 'trending', 'popular']);
  });

  it('ranks best sellers by number of baskets, ties by id', () => {
    expect(ids(popular(model, { limit: 3 }))).toEqual(['X', 'Y', 'Z']);
    expect(ids(popular(model, { limit: 3, exclude: new Set(['X']) }))).toEqual(['Y', 'Z']);
  });
});
