// Northwind Rewards: every rule of the programme, pure, in one place. The ledger (lib/loyalty/ledger.ts), checkout
// and the counter ask this module; none of them hard-codes a number. Money is in minor units (pence); one point is
// worth one penny when spent, in steps of 100 points (£1).
import { AppError } from '@/lib/errors';

export type TierId = 'MEMBER' | 'SILVER' | 'GOLD';
export type Tier = { id: TierId; name: string; multiplierPercent: number; fromSpendMinor: number };

export const PROGRAMME = {
  name: 'Northwind Rewards',
  // Earn: 1 point per whole £1 of merchandise paid (after discounts, never shipping), times the tier's multiplier.
  pointsPerPound: 1,
  // Tiers by merchandise spend in the last 12 months, lowest first.
  tiers: [
    { id: 'MEMBER', name: 'Member', multiplierPercent: 100, fromSpendMinor: 0 },
    { id: 'SILVER', name: 'Silver', multiplierPercent: 125, fromSpendMinor: 25_000 },
    { id: 'GOLD', name: 'Gold', multiplierPercent: 150, fromSpendMinor: 75_000 },
  ] as const satisfies readonly Tier[],
  tierWindowMonths: 12,
  // Redeem: steps of 100 points = £1, up to half of the merchandise total.
  redeemStepPoints: 100,
  stepValueMinor: 100,
  maxRedeemPercent: 50,
  // Earned points wait out the 30-day return window before they can be spent (Talon.One's defaultPending).
  pendingDays: 30,
  // Available points expire at the end of the month, 12 months after they became available (Square's rule).
  expiryMonths: 12,
  // A reminder goes out this long before points expire.
  expiryReminderDays: 30,
} as const;

const DAY_MS = 24 * 60 * 60_000;

export class LoyaltyRuleError extends AppError {
  constructor(code: 'invalid_points' | 'points_over_cap' | 'insufficient_points', message: string, details?: Record<string, unknown>) {
    super(400, code, message, details);
  }
}

export function tierFor(spendMinor: number): Tier {
  let tier: Tier = PROGRAMME.tiers[0];
  for (const t of PROGRAMME.tiers) if (spendMinor >= t.fromSpendMinor) tier = t;
  return tier;
}

// The next tier up and how much more merchandise spend reaches it; null at the top.
export function nextTierFor(spendMinor: number): { tier: Tier; remainingMinor: number } | null {
  const next = PROGRAMME.tiers.find((t) => t.fromSpendMinor > spendMinor);
  return next ? { tier: next, remainingMinor: next.fromSpendMinor - spendMinor } : null;
}

// The start of the window whose spend sets the tier.
export function tierWindowStart(now: Date): Date {
  const start = new Date(now);
  start.setUTCMonth(start.getUTCMonth() - PROGRAMME.tierWindowMonths);
  return start;
}

// Points earned on `merchandiseMinor` paid (goods after discounts and points, without shipping) at `tier`.
// Whole pounds only, then the multiplier, rounded down: £10.99 at Silver is 10 × 1.25 = 12 points.
export function pointsEarned(merchandiseMinor: number, tier: Tier): number {
  if (!Number.isSafeInteger(merchandiseMinor) || merchandiseMinor <= 0) return 0;
  const base = Math.floor(merchandiseMinor / 100) * PROGRAMME.pointsPerPound;
  return Math.floor((base * tier.multiplierPercent) / 100);
}

export function pointsValueMinor(points: number): number {
  // Multiplied first: 113 points read as 112.99999999999999 pence when divided first, which no integer column takes.
  return Math.round((points * PROGRAMME.stepValueMinor) / PROGRAMME.redeemStepPoints);
}

// The most points an order may use: whole steps, no more than the member has, worth no more than half the goods.
export function maxRedeemablePoints(merchandiseMinor: number, balance: number): number {
  const step = PROGRAMME.redeemStepPoints;
  const capMinor = Math.floor((Math.max(0, merchandiseMinor) * PROGRAMME.maxRedeemPercent) / 100);
  const capSteps = Math.floor(capMinor / PROGRAMME.stepValueMinor);
  const balanceSteps = Math.floor(Math.max(0, balance) / step);
  return Math.min(capSteps, balanceSteps) * step;
}

// Checks a request to spend `points` on goods worth `merchandiseMinor` (balance: what the member can spend, or null
// when the caller leaves that to the ledger's guarded update). Returns the discount in minor units.
export function redemptionDiscount(points: number, merchandiseMinor: number, balance: number | null = null): number {
  const step = PROGRAMME.redeemStepPoints;
  if (!Number.isSafeInteger(points) || points < 0 || points % step !== 0)
    throw new LoyaltyRuleError('invalid_points', `Points are used in steps of ${step}.`);
  if (points === 0) return 0;
  if (balance !== null && points > balance)
    throw new LoyaltyRuleError('insufficient_points', `You have ${balance} points to spend.`, { balance });
  const cap = maxRedeemablePoints(merchandiseMinor, Number.MAX_SAFE_INTEGER);
  if (points > cap)
    throw new LoyaltyRuleError('points_over_cap', `Points can pay for up to half of the items: at most ${cap} points on this order.`, {
      maxPoints: cap,
    });
  return pointsValueMinor(points);
}

// When points earned at `earnedAt` become spendable.
export function availableAtFor(earnedAt: Date): Date {
  return new Date(earnedAt.getTime() + PROGRAMME.pendingDays * DAY_MS);
}

// When points that became available at `availableAt` expire: the first instant after the end of the month 12 months
// later (UTC). Available 15 March 2026 → expire at the end of March 2027, i.e. at 2027-04-01T00:00Z.
export function expiresAtFor(availableAt: Date): Date {
  return new Date(Date.UTC(availableAt.getUTCFullYear(), availableAt.getUTCMonth() + PROGRAMME.expiryMonths + 1, 1));
}

// A parcel of available points with its expiry, as the ledger records them when points become available.
export type PointsLot = { points: number; expiresAt: Date };

// Expiry is oldest first: everything the member has used (spent, held, taken back, expired) is taken from the oldest
// lots. So whatever of the lots expiring by `at` the member has not used yet expires then:
//   due(at) = max(0, lots expiring by `at` − (all lots − balance)).
// Running it again after the EXPIRE entry is written gives 0, as the expired points count as used.
export function pointsDueToExpire(lots: readonly PointsLot[], balance: number, at: Date): number {
  const total = lots.reduce((sum, l) => sum + l.points, 0);
  const used = total - balance;
  const expiring = lots.filter((l) => l.expiresAt.getTime() <= at.getTime()).reduce((sum, l) => sum + l.points, 0);
  return Math.max(0, Math.min(balance, expiring - used));
}

// The next expiry after `now`: how many points and when (null when nothing left will expire).
export function nextExpiry(lots: readonly PointsLot[], balance: number, now: Date): PointsLot | null {
  const dates = [...new Set(lots.map((l) => l.expiresAt.getTime()))].filter((t) => t > now.getTime()).sort((a, b) => a - b);
  let before = pointsDueToExpire(lots, balance, now);
  for (const t of dates) {
    const due = pointsDueToExpire(lots, balance, new Date(t));
    if (due > before) return { points: due - before, expiresAt: new Date(t) };
    before = due;
  }
  return null;
}
