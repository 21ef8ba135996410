import { describe, expect, it } from 'vitest';
import { normaliseOrderNumber, randomOrderNumber } from '@/lib/orders/order-number';
import { orderLookupSchema } from '@/lib/orders/schemas';

describe('order numbers', () => {
  it('are NW- and two groups of four from an alphabet without 0/O and 1/I/L, and do not repeat', () => {
    const numbers = Array.from({ length: 2000 }, () => randomOrderNumber());
    for (const n of numbers) expect(n).toMatch(/^NW-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(new Set(numbers).size).toBe(2000);
  });

  it('are read back from what a shopper types: any case, spaces or dashes, with or without the prefix', () => {
    for (const typed of ['NW-7KQ4-M9XC', 'nw-7kq4-m9xc', '7kq4 m9xc', ' NW 7KQ4M9XC ', '7KQ4-M9XC'])
      expect(normaliseOrderNumber(typed), typed).toBe('NW-7KQ4-M9XC');
    // Numbers from before they were random keep working.
    expect(normaliseOrderNumber('nw-100612')).toBe('NW-100612');
    expect(normaliseOrderNumber('100612')).toBe('NW-100612');
    for (const bad of ['', 'NW-', 'NW-7KQ4-M9X', 'NW-7KQ4-M9XC0', "NW-1' OR 1=1", 'NW-OOOO-IIII'])
      expect(normaliseOrderNumber(bad), bad).toBeNull();
  });

  it('are what the guest lookup form accepts', () => {
    expect(orderLookupSchema.parse({ number: ' 7kq4-m9xc ', email: ' Sam@Example.COM ' })).toEqual({
      number: 'NW-7KQ4-M9XC',
      email: 'sam@example.com',
    });
    expect(orderLookupSchema.safeParse({ number: 'NW-ZZZZ', email: 'sam@example.com' }).success).toBe(false);
  });
});
