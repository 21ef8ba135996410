import { describe, expect, it } from 'vitest';
import { formatMoney } from '@/lib/utils';
import { priceLabels } from '@/components/product/price';

describe('formatMoney', () => {
  it('formats minor units in pounds', () => {
    expect(formatMoney(4500, 'GBP')).toBe('£45.00');
    expect(formatMoney(1999, 'GBP')).toBe('£19.99');
    expect(formatMoney(0, 'GBP')).toBe('£0.00');
  });

  it('drops the pence of whole amounts when compact', () => {
    expect(formatMoney(4500, 'GBP', { compact: true })).toBe('£45');
    expect(formatMoney(4550, 'GBP', { compact: true })).toBe('£45.50');
  });

  it('uses the currency of the variant, including ones without minor units', () => {
    expect(formatMoney(1234, 'EUR')).toBe('€12.34');
    expect(formatMoney(500, 'JPY')).toBe('JP¥500');
  });
});

describe('priceLabels', () => {
  it('shows a former price only when it is higher, so a stale compare-at never reads as a sale', () => {
    expect(priceLabels(3600, 4500, 'GBP')).toEqual({ price: '£36.00', wasPrice: '£45.00' });
    expect(priceLabels(4500, 4500, 'GBP')).toEqual({ price: '£45.00', wasPrice: null });
    expect(priceLabels(4500, 3000, 'GBP')).toEqual({ price: '£45.00', wasPrice: null });
    expect(priceLabels(4500, null, 'GBP')).toEqual({ price: '£45.00', wasPrice: null });
  });
});
