import { describe, expect, it } from 'vitest';
import { groupInvoices, parseRetailCsv } from '../../../lib/recommendations/csv';
import {
  coOccurrenceBaseline,
  evaluate,
  ownThenPopularBaseline,
  popularityBaseline,
  scoreCompletion,
  scoreNextBasket,
  trainModel,
} from '../../../lib/recommendations/eval';

const HEADER = 'InvoiceNo,StockCode,Description,Quantity,UnitPrice,CustomerID,Country';
const invoices = (...lines: string[]) => groupInvoices(parseRetailCsv([HEADER, ...lines].join('\n')).rows);

const train = invoices(
  '1,A,apple,1,1,7,UK',
  '1,B,bread,1,1,7,UK',
  '2,A,apple,1,1,7,UK',
  '2,C,cheese,1,1,7,UK',
  '3,B,bread,1,1,,UK',
  '3,C,cheese,1,1,,UK',
  '3,D,dates,1,1,,UK',
  'C4,D,dates,-1,1,7,UK',
);
const test = invoices(
  '10,X,new,1,1,7,UK',
  '10,A,apple,1,1,7,UK',
  '11,E,eggs,1,1,99,UK',
  '12,B,bread,1,1,,UK',
  '12,D,dates,1,1,,UK',
  '13,C,cheese,1,1,7,UK',
  '13,B,bread,2,1,7,UK',
  '13,A,apple,0,1,7,UK',
);

describe('evaluation protocols', () => {
  const model = trainModel(train);

  it('next-basket scores only invoices of customers with a training invoice', () => {
    const asked: string[] = [];
    const result = scoreNextBasket(model, test, (customerId) => {
      asked.push(customerId);
      return ['A'];
    });
    expect(asked).toEqual(['7', '7']);
    expect(result).toEqual({ hitRate: 0.5, hits: 1, n: 2 });
  });

  it('basket completion hides the item on the last kept line and ignores cart items in the list', () => {
    const carts: string[][] = [];
    const result = scoreCompletion(test, (cart) => {
      carts.push(cart);
      return [...cart, 'A', 'D', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'Y', 'B'];
    });
    expect(carts).toEqual([['X'], ['B'], ['C']]);
    expect(result).toEqual({ hitRate: 2 / 3, hits: 2, n: 3 });
  });

  it('implements the reference baselines with ties broken by StockCode', () => {
    expect(popularityBaseline(model)).toEqual(['A', 'B', 'C', 'D']);
    expect(popularityBaseline(model, new Set(['B']))).toEqual(['A', 'C', 'D']);
    expect(ownThenPopularBaseline(model, '7')).toEqual(['A', 'B', 'C', 'D']);
    expect(coOccurrenceBaseline(model, ['D'])).toEqual(['B', 'C', 'A']);
    expect(coOccurrenceBaseline(model, ['B', 'D'])).toEqual(['C', 'A']);
  });

  it('scores the model and the baselines on the same cases', () => {
    const report = evaluate(train, test);
    expect(report.nextBasket.n).toBe(2);
    expect(report.completion.n).toBe(3);
    expect(report.baselines.nextBasketOwnThenPopular).toEqual({ hitRate: 1, hits: 2, n: 2 });
    expect(report.baselines.completionPopularity).toEqual({ hitRate: 1, hits: 3, n: 3 });
  });
});
