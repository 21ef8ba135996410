import { describe, expect, it } from 'vitest';
import { computeTotals, normaliseDiscountCode, SHIPPING, TotalsError, type DiscountRule, type TotalsInput } from '@/lib/checkout/totals';

// Rules as the DiscountCode table holds the demo codes (prisma/seed/discount-codes.json).
const welcome10: DiscountRule = { code: 'WELCOME10', kind: 'percent', percent: 10, label: '10% off your first order' };
const fiveOff40: DiscountRule = {
  code: 'FIVEOFF40',
  kind: 'amount',
  amountMinor: 500,
  minSubtotalMinor: 4000,
  label: '£5 off orders over £40',
};

const base = (over: Partial<TotalsInput> = {}): TotalsInput => ({
  lines: [{ variantId: 'v1', unitPriceMinor: 2500, quantity: 2 }],
  fulfilment: 'DELIVERY',
  country: 'GB',
  currency: 'GBP',
  ...over,
});

const integersOnly = (totals: ReturnType<typeof computeTotals>) =>
  [
    totals.subtotalMinor,
    totals.discountMinor,
    totals.shippingMinor,
    totals.taxMinor,
    totals.totalMinor,
    ...totals.lines.map((l) => l.lineTotalMinor),
  ].every(Number.isSafeInteger);

describe('order totals', () => {
  it('charges £4.50 delivery under £75 and shows the VAT already included', () => {
    const totals = computeTotals(base());
    expect(totals).toMatchObject({
      subtotalMinor: 5000,
      shippingMinor: 450,
      discountMinor: 0,
      totalMinor: 5450,
      taxInclusive: true,
      taxLabel: 'VAT',
    });
    // 5450 × 20/120 = 908.33… → 908
    expect(totals.taxMinor).toBe(908);
    expect(integersOnly(totals)).toBe(true);
  });

  it('delivers free from £75, and pickup is always free', () => {
    expect(computeTotals(base({ lines: [{ variantId: 'v1', unitPriceMinor: 7499, quantity: 1 }] })).shippingMinor).toBe(
      SHIPPING.standardMinor,
    );
    const at = computeTotals(base({ lines: [{ variantId: 'v1', unitPriceMinor: 7500, quantity: 1 }] }));
    expect(at).toMatchObject({ shippingMinor: 0, totalMinor: 7500, taxMinor: 1250 });
    expect(computeTotals(base({ fulfilment: 'PICKUP' }))).toMatchObject({ shippingMinor: 0, totalMinor: 5000, taxMinor: 833 });
  });

  it('applies a percentage code before the delivery threshold, rounding in the shopper’s favour', () => {
    const totals = computeTotals(base({ lines: [{ variantId: 'v1', unitPriceMinor: 8333, quantity: 1 }], discount: welcome10 }));
    // 10% of 8333 = 833.3 → 833 off; goods 7500 still qualify for free delivery
    expect(totals).toMatchObject({ discountCode: 'WELCOME10', discountMinor: 833, shippingMinor: 0, totalMinor: 7500 });
    const under = computeTotals(base({ lines: [{ variantId: 'v1', unitPriceMinor: 8000, quantity: 1 }], discount: welcome10 }));
    expect(under).toMatchObject({ discountMinor: 800, shippingMinor: 450, totalMinor: 7650 });
    expect(integersOnly(under)).toBe(true);
  });

  it('applies a fixed code only above its minimum, never more than the goods cost', () => {
    expect(computeTotals(base({ discount: fiveOff40 }))).toMatchObject({ discountCode: 'FIVEOFF40', discountMinor: 500, totalMinor: 4950 });
    expect(() => computeTotals(base({ lines: [{ variantId: 'v1', unitPriceMinor: 3999, quantity: 1 }], discount: fiveOff40 }))).toThrow(
      expect.objectContaining({ code: 'discount_not_eligible' }),
    );
    const big: DiscountRule = { code: 'BIG', kind: 'amount', amountMinor: 99_999, label: 'Big' };
    expect(computeTotals(base({ discount: big }))).toMatchObject({ discountMinor: 5000, shippingMinor: 450, totalMinor: 450 });
  });

  it('normalises a typed code the way the DiscountCode table stores it', () => {
    expect(normaliseDiscountCode(' welcome10 ')).toBe('WELCOME10');
    expect(normaliseDiscountCode('   ')).toBeNull();
    expect(normaliseDiscountCode(null)).toBeNull();
  });

  it('refuses fractional or negative prices and quantities, and unknown countries', () => {
    expect(() => computeTotals(base({ lines: [{ variantId: 'v1', unitPriceMinor: 19.99, quantity: 1 }] }))).toThrow(TotalsError);
    expect(() => computeTotals(base({ lines: [{ variantId: 'v1', unitPriceMinor: -100, quantity: 1 }] }))).toThrow(TotalsError);
    expect(() => computeTotals(base({ lines: [{ variantId: 'v1', unitPriceMinor: 100, quantity: 1.5 }] }))).toThrow(TotalsError);
    expect(() => computeTotals(base({ country: 'ZZ' }))).toThrow(expect.objectContaining({ code: 'unsupported_country' }));
  });

  it('sums many lines exactly', () => {
    const lines = Array.from({ length: 30 }, (_, i) => ({ variantId: `v${i}`, unitPriceMinor: 1999, quantity: 3 }));
    const totals = computeTotals(base({ lines }));
    expect(totals.subtotalMinor).toBe(30 * 3 * 1999);
    expect(totals.totalMinor).toBe(179910);
    expect(integersOnly(totals)).toBe(true);
  });
});
