import { describe, expect, it } from 'vitest';
import {
  availableAtFor,
  expiresAtFor,
  maxRedeemablePoints,
  nextExpiry,
  nextTierFor,
  pointsDueToExpire,
  pointsEarned,
  pointsValueMinor,
  redemptionDiscount,
  tierFor,
} from '@/lib/loyalty/programme';

const at = (iso: string) => new Date(iso);

describe('earning', () => {
  it('gives 1 point per whole pound of merchandise, times the tier multiplier, rounded down', () => {
    expect(pointsEarned(10_99, tierFor(0))).toBe(10);
    expect(pointsEarned(10_99, tierFor(25_000))).toBe(12);
    expect(pointsEarned(10_99, tierFor(75_000))).toBe(15);
    expect(pointsEarned(99, tierFor(0))).toBe(0);
    expect(pointsEarned(-500, tierFor(0))).toBe(0);
  });

  it('moves up a tier exactly at £250 and £750 of spend, and says what is left to the next', () => {
    expect(tierFor(24_999).id).toBe('MEMBER');
    expect(tierFor(25_000).id).toBe('SILVER');
    expect(tierFor(74_999).id).toBe('SILVER');
    expect(tierFor(75_000).id).toBe('GOLD');
    expect(nextTierFor(24_000)).toMatchObject({ tier: { id: 'SILVER' }, remainingMinor: 1_000 });
    expect(nextTierFor(25_000)).toMatchObject({ tier: { id: 'GOLD' }, remainingMinor: 50_000 });
    expect(nextTierFor(80_000)).toBeNull();
  });
});

describe('redeeming', () => {
  it('uses steps of 100 points = £1, capped at half the merchandise and at the balance', () => {
    expect(maxRedeemablePoints(50_00, 10_000)).toBe(2_500);
    expect(maxRedeemablePoints(50_99, 10_000)).toBe(2_500);
    expect(maxRedeemablePoints(50_00, 1_250)).toBe(1_200);
    expect(maxRedeemablePoints(1_99, 10_000)).toBe(0);
    expect(redemptionDiscount(2_500, 50_00, 3_000)).toBe(25_00);
    expect(redemptionDiscount(0, 50_00, 0)).toBe(0);
  });

  it('values any number of points in whole pence (earned points need not be whole steps)', () => {
    expect(pointsValueMinor(113)).toBe(113);
    expect(pointsValueMinor(500)).toBe(500);
    for (let points = 0; points < 2000; points += 7) expect(Number.isInteger(pointsValueMinor(points))).toBe(true);
  });

  it('refuses points that are not whole steps, over the cap, or more than the balance', () => {
    expect(() => redemptionDiscount(150, 50_00)).toThrow(expect.objectContaining({ code: 'invalid_points' }));
    expect(() => redemptionDiscount(-100, 50_00)).toThrow(expect.objectContaining({ code: 'invalid_points' }));
    expect(() => redemptionDiscount(2_600, 50_00)).toThrow(expect.objectContaining({ code: 'points_over_cap' }));
    expect(() => redemptionDiscount(500, 50_00, 400)).toThrow(expect.objectContaining({ code: 'insufficient_points' }));
  });
});

describe('pending and expiry', () => {
  it('makes points spendable 30 days after they were earned', () => {
    expect(availableAtFor(at('2026-03-01T10:00:00Z')).toISOString()).toBe('2026-03-31T10:00:00.000Z');
  });

  it('expires points at the end of the month 12 months after they became available', () => {
    expect(expiresAtFor(at('2026-03-15T12:00:00Z')).toISOString()).toBe('2027-04-01T00:00:00.000Z');
    expect(expiresAtFor(at('2026-12-31T23:00:00Z')).toISOString()).toBe('2028-01-01T00:00:00.000Z');
  });

  it('expires the oldest points first: what was used comes out of the oldest lots', () => {
    const lots = [
      { points: 300, expiresAt: at('2027-02-01T00:00:00Z') },
      { points: 500, expiresAt: at('2027-04-01T00:00:00Z') },
    ];
    // 200 of the 800 were spent: they came from the first lot, so 100 of it is left to expire in February.
    expect(pointsDueToExpire(lots, 600, at('2027-01-31T00:00:00Z'))).toBe(0);
    expect(pointsDueToExpire(lots, 600, at('2027-02-01T00:00:00Z'))).toBe(100);
    expect(pointsDueToExpire(lots, 600, at('2027-04-01T00:00:00Z'))).toBe(600);
    // Once the 100 have expired (balance 500), nothing more is due in February: running twice expires once.
    expect(pointsDueToExpire(lots, 500, at('2027-02-01T00:00:00Z'))).toBe(0);
    expect(nextExpiry(lots, 600, at('2027-01-10T00:00:00Z'))).toEqual({ points: 100, expiresAt: at('2027-02-01T00:00:00Z') });
    expect(nextExpiry(lots, 500, at('2027-02-02T00:00:00Z'))).toEqual({ points: 500, expiresAt: at('2027-04-01T00:00:00Z') });
    // Spent more than the first lot: the next expiry is what is left of the second.
    expect(nextExpiry(lots, 200, at('2027-01-10T00:00:00Z'))).toEqual({ points: 200, expiresAt: at('2027-04-01T00:00:00Z') });
    expect(nextExpiry(lots, 0, at('2027-01-10T00:00:00Z'))).toBeNull();
  });
});
