import { describe, expect, it } from 'vitest';
import { buildModel, customerHistory } from '../../../lib/recommendations/model';
import { repeatLift } from '../../../lib/recommendations/repeats';
import { forYou, goesWellWith, PRODUCT_PAGE_COMPLETION, similarItems } from '../../../lib/recommendations/strategies';
import type { Basket, ItemMeta, Recommendation } from '../../../lib/recommendations/types';

// Issue 19 item 4: recommendations that make sense for this shop.
const ids = (list: Recommendation[]) => list.map((item) => item.itemId);

// Twenty customers, three baskets each. Five buy soap every time; ten buy a jacket once and never again; everyone
// buys something else each time. The shopper bought soap, a bath bomb nobody else has bought yet, a jacket and a coat.
function shop(): { baskets: Basket[]; items: ItemMeta[] } {
  const baskets: Basket[] = [];
  let at = 0;
  for (let b = 0; b < 3; b++)
    for (let c = 0; c < 20; c++) {
      const items = [`filler-${c}-${b}`];
      if (c < 5) items.push('soap');
      if (c >= 5 && c < 15 && b === 0) items.push('jacket');
      baskets.push({ customerId: `c${c}`, items, at: at++ });
    }
  baskets.push({ customerId: 'me', items: ['soap', 'bath-bomb'], at: at++ });
  baskets.push({ customerId: 'me', items: ['jacket', 'coat'], at: at++ });
  const items: ItemMeta[] = [
    { id: 'soap', name: 'Olive soap', category: 'bath' },
    { id: 'bath-bomb', name: 'Lavender bath bomb', category: 'bath' },
    { id: 'jacket', name: 'Marsh field jacket', category: 'outerwear' },
    { id: 'coat', name: 'Heath wool coat', category: 'outerwear' },
  ];
  return { baskets, items };
}

describe('buying again, learned from the orders', () => {
  const { baskets, items } = shop();
  const model = buildModel(baskets, items);
  const lift = (itemId: string) => repeatLift(model, model.index.get(itemId)!);

  it('finds that people come back for the soap and not for the jacket, and lends a category’s habit to its new items', () => {
    expect(lift('soap')).toBeGreaterThan(2);
    expect(lift('jacket')).toBeLessThan(1);
    // Nobody else has bought the bath bomb or the coat: they take their category's lift.
    expect(lift('bath-bomb')).toBeGreaterThan(2);
    expect(lift('coat')).toBeLessThan(1);
  });

  it('"For you" offers the soap and the bath bomb again, never the jacket or coat just bought', () => {
    const list = forYou(model, { history: customerHistory(model, 'me'), limit: 10 });
    expect(ids(list)).toEqual(expect.arrayContaining(['soap', 'bath-bomb']));
    expect(ids(list)).not.toContain('jacket');
    expect(ids(list)).not.toContain('coat');
    expect(list.find((r) => r.itemId === 'soap')?.reason).toEqual({ kind: 'buy-again', sourceItemId: 'soap' });
  });

  it('learns from each new basket: once people rebuy jackets, a bought jacket may come back', () => {
    // The jacket buyers come back four times each for another jacket, among 200 other shoppers' baskets.
    const comebacks = Array.from({ length: 40 }, (_, k) => ({ customerId: `c${5 + (k % 10)}`, items: ['jacket'], at: 1000 + k }));
    const others = Array.from({ length: 200 }, (_, k) => ({ customerId: `n${k}`, items: [`other-${k}`], at: 2000 + k }));
    const later = buildModel([...baskets, ...comebacks, ...others], items);
    expect(repeatLift(later, later.index.get('jacket')!)).toBeGreaterThan(2);
    expect(ids(forYou(later, { history: customerHistory(later, 'me'), limit: 10 }))).toContain('jacket');
  });
});

describe('goes well with, and similar', () => {
  // Jumpers are bought together (sizes and colours for the family), and each with a scarf and a hat, less often.
  const basket = (items: string[]): Basket => ({ customerId: null, items });
  const model = buildModel(
    [
      ...Array.from({ length: 4 }, () => basket(['jumper-navy', 'jumper-ecru', 'jumper-black'])),
      ...Array.from({ length: 2 }, () => basket(['jumper-navy', 'scarf'])),
      basket(['jumper-navy', 'hat']),
      basket(['mug']),
    ],
    [
      { id: 'jumper-navy', name: 'Navy lambswool jumper', category: 'knitwear' },
      { id: 'jumper-ecru', name: 'Ecru lambswool jumper', category: 'knitwear' },
      { id: 'jumper-black', name: 'Black merino jumper', category: 'knitwear' },
      { id: 'scarf', name: 'Lambswool scarf', category: 'accessories' },
      { id: 'hat', name: 'Rib beanie', category: 'accessories' },
      { id: 'mug', name: 'Camp mug', category: 'home' },
    ],
  );

  it('a product page’s "Goes well with" offers other categories bought with it, no more jumpers', () => {
    const list = goesWellWith(model, ['jumper-navy'], { limit: 3, params: PRODUCT_PAGE_COMPLETION });
    expect(ids(list).slice(0, 2)).toEqual(['scarf', 'hat']);
    expect(ids(list).some((id) => id.startsWith('jumper'))).toBe(false);
    // The measured cart shelf still lists what is most bought with it, whatever the category.
    expect(ids(goesWellWith(model, ['jumper-navy'], { limit: 3 })).some((id) => id.startsWith('jumper-'))).toBe(true);
  });

  it('"Similar" lists the alternatives: its own category first', () => {
    expect(
      ids(similarItems(model, 'jumper-navy', { limit: 3 }))
        .slice(0, 2)
        .sort(),
    ).toEqual(['jumper-black', 'jumper-ecru']);
  });
});
