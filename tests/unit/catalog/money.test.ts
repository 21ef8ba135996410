import { describe, expect, it } from 'vitest';
import { formatMoney } from '@/lib/utils';

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
