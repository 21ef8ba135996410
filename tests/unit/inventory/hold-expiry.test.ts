import { describe, expect, it } from 'vitest';
import { PAY_AT_PICKUP_FALLBACK_HOURS, payAtPickupHoldExpiry, paymentHoldExpiry } from '@/lib/inventory/hold-expiry';

const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, open: '10:00', close: '19:00' }));

describe('hold expiry', () => {
  it('holds stock for an online payment for the configured minutes', () => {
    const now = new Date('2026-06-10T12:00:00Z');
    expect(paymentHoldExpiry(now, 15).toISOString()).toBe('2026-06-10T12:15:00.000Z');
  });

  it('keeps a pay-at-pickup hold until the store closes the next day, in London time', () => {
    // Wednesday 10 June 2026 (BST): held until Thursday 19:00 London = 18:00 UTC.
    const expiry = payAtPickupHoldExpiry({ openingHours: weekdays, timeZone: 'Europe/London' }, new Date('2026-06-10T15:00:00Z'));
    expect(expiry.toISOString()).toBe('2026-06-11T18:00:00.000Z');
  });

  it('skips days the store is closed and uses the day’s last closing time', () => {
    const hours = [...weekdays, { day: 1, open: '20:00', close: '22:00' }];
    // Friday 12 June → closed at the weekend → Monday 15 June, last close 22:00 London = 21:00 UTC.
    const expiry = payAtPickupHoldExpiry({ openingHours: hours, timeZone: 'Europe/London' }, new Date('2026-06-12T09:00:00Z'));
    expect(expiry.toISOString()).toBe('2026-06-15T21:00:00.000Z');
  });

  it('falls back to a fixed time when a store has no usable hours', () => {
    const now = new Date('2026-06-10T15:00:00Z');
    for (const openingHours of [[], 'nonsense']) {
      const expiry = payAtPickupHoldExpiry({ openingHours, timeZone: 'Europe/London' }, now);
      expect(expiry.getTime() - now.getTime()).toBe(PAY_AT_PICKUP_FALLBACK_HOURS * 3_600_000);
    }
  });
});
