import { describe, expect, it } from 'vitest';
import { describeMerge } from '@/lib/cart/merge';
import { money } from '@/lib/cart/money';
import { applyPending, isNewer } from '@/lib/cart/optimistic';
import { addLineSchema, parseIfMatch, updateLineSchema } from '@/lib/cart/schemas';
import type { CartLineView, CartView } from '@/lib/cart/types';

const line = (variantId: string, quantity: number, priceMinor: number, status: CartLineView['status'] = 'ok'): CartLineView => ({
  variantId,
  productId: 'p',
  productSlug: 'p',
  productName: 'Thing',
  variantLabel: null,
  sku: variantId,
  imageUrl: null,
  imageAlt: '',
  quantity,
  sellable: 10,
  status,
  unitPrice: money(priceMinor, 'GBP'),
  lineTotal: money(priceMinor * quantity, 'GBP'),
});

const cart = (lines: CartLineView[], version = 3): CartView => ({
  owner: 'guest',
  exists: true,
  version,
  currency: 'GBP',
  lines,
  itemCount: lines.reduce((n, l) => n + l.quantity, 0),
  subtotal: money(
    lines.reduce((n, l) => n + l.lineTotal.amountMinor, 0),
    'GBP',
  ),
  hasUnavailable: false,
});

describe('cart input rules', () => {
  it('accepts whole quantities from 1 to 99 and drops client prices', () => {
    expect(addLineSchema.parse({ variantId: 'v1', quantity: 99, priceMinor: 1 })).toEqual({ variantId: 'v1', quantity: 99 });
    for (const quantity of [0, -1, 1.5, 100, 1e12, '3', null, Number.NaN]) {
      expect(updateLineSchema.safeParse({ quantity }).success, String(quantity)).toBe(false);
    }
    expect(addLineSchema.safeParse({ variantId: "x' OR 1=1", quantity: 1 }).success).toBe(false);
  });

  it('reads the cart version from If-Match', () => {
    expect(parseIfMatch(null)).toBeUndefined();
    expect(parseIfMatch('"12"')).toBe(12);
    expect(parseIfMatch('W/"7"')).toBe(7);
    expect(parseIfMatch('*')).toBe('invalid');
    expect(parseIfMatch('"-1"')).toBe('invalid');
  });
});

describe('optimistic overlay', () => {
  it('shows pending changes over the server cart with the server’s unit prices', () => {
    const server = cart([line('a', 1, 2500), line('b', 2, 1000)]);
    const view = applyPending(server, [
      { id: 1, kind: 'set', variantId: 'a', quantity: 3 },
      { id: 2, kind: 'remove', variantId: 'b' },
      { id: 3, kind: 'add', variantId: 'new', quantity: 2 },
    ]);
    expect(view.lines.map((l) => [l.variantId, l.quantity, l.lineTotal.formatted])).toEqual([['a', 3, '£75.00']]);
    expect(view.itemCount).toBe(5);
    expect(view.subtotal.formatted).toBe('£75.00');
    expect(view.pendingVariantIds).toEqual(['a', 'b', 'new']);
  });

  it('rolls back to the server cart when the change is dropped', () => {
    const server = cart([line('a', 1, 2500)]);
    const view = applyPending(server, []);
    expect(view.itemCount).toBe(1);
    // The server's own figures, not recomputed: an unavailable line stays out of the subtotal the server sent.
    expect(view.subtotal).toBe(server.subtotal);
    expect(view.pendingVariantIds).toEqual([]);
  });

  it('ignores an older answer that arrives after a newer one', () => {
    expect(isNewer(cart([], 5), cart([], 4))).toBe(false);
    expect(isNewer(cart([], 5), cart([], 6))).toBe(true);
    expect(isNewer(cart([], 5), { ...cart([], 1), owner: 'user' })).toBe(true);
  });
});

describe('merge notice', () => {
  it('tells the shopper what was added and what was reduced', () => {
    expect(describeMerge({ addedUnits: 2, reducedLines: 0 })).toBe('We added 2 items from this device to your bag.');
    expect(describeMerge({ addedUnits: 1, reducedLines: 1 })).toBe(
      'We added 1 item from this device to your bag. Some quantities were reduced to what we have in stock.',
    );
    expect(describeMerge({ addedUnits: 0, reducedLines: 0 })).toBeNull();
  });
});
