import 'server-only';
import type { z } from 'zod';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { assertDiscountAllowed, findDiscount } from '@/lib/checkout/discounts';
import type { quoteBodySchema } from '@/lib/checkout/schemas';
import { computeTotals, SHIPPING, TotalsError, type OrderTotals, type TotalsInput } from '@/lib/checkout/totals';
import { spendableBalance } from '@/lib/loyalty/balance';
import { LoyaltyRuleError, maxRedeemablePoints } from '@/lib/loyalty/programme';

type QuoteTotals = Omit<OrderTotals, 'lines'>;
export type Quote = {
  totals: QuoteTotals | null;
  // Why the code typed is left out of the totals (unknown, expired, not this customer's to use, order too small).
  discountError: { code: string; message: string } | null;
  // Signed in: the member's spendable points and the most this order may use; why the points asked for are left out.
  points: { balance: number; maxPoints: number } | null;
  pointsError: { code: string; message: string } | null;
  freeDeliveryFromMinor: number;
};

type QuoteInput = z.output<typeof quoteBodySchema>;

// The checkout page's totals before the order is placed: the same pricing as placing it (lib/checkout/totals.ts with
// the code's row from the database), without holding stock or writing anything. Placing the order prices it again
// and checks the code's limits with its row locked, so a quote is a preview, never a promise.
export async function quoteCheckout(input: QuoteInput, userId: string | null, now: Date = new Date()): Promise<Quote> {
  const balance = userId ? await spendableBalance(userId) : null;
  const points = balance === null ? 0 : (input.points ?? 0);
  let pointsError: Quote['pointsError'] = null;
  // Totals with the points asked for when the programme allows them, else without (and why).
  const priced = (order: TotalsInput): OrderTotals => {
    try {
      if (balance !== null && points > balance) throw new LoyaltyRuleError('insufficient_points', `You have ${balance} points to spend.`);
      return computeTotals({ ...order, points });
    } catch (error) {
      if (!(error instanceof LoyaltyRuleError)) throw error;
      pointsError = { code: error.code, message: error.message };
      return computeTotals(order);
    }
  };
  const withPoints = (totals: OrderTotals) => ({
    totals: withoutLines(totals),
    points: balance === null ? null : { balance, maxPoints: maxRedeemablePoints(totals.subtotalMinor - totals.discountMinor, balance) },
    pointsError,
  });
  const base = { freeDeliveryFromMinor: SHIPPING.freeFromMinor };
  const ids = [...new Set(input.lines.map((l) => l.variantId))];
  const variants = ids.length
    ? await db.variant.findMany({ where: { id: { in: ids } }, select: { id: true, priceMinor: true, currency: true } })
    : [];
  const prices = new Map(variants.filter((v) => v.currency === env.SHOP_CURRENCY).map((v) => [v.id, v.priceMinor]));
  // A line no longer sold is left out here; placing the order names it.
  const lines = input.lines.flatMap((l) => {
    const price = prices.get(l.variantId);
    return price === undefined ? [] : [{ variantId: l.variantId, unitPriceMinor: price, quantity: l.quantity }];
  });
  if (!lines.length) return { ...base, totals: null, discountError: null, points: null, pointsError: null };
  const order = { lines, fulfilment: input.fulfilment, country: input.country, currency: env.SHOP_CURRENCY };
  let discountError: Quote['discountError'] = null;
  try {
    const discount = await findDiscount(db, input.discountCode, now);
    const totals = priced({ ...order, discount });
    if (discount) await assertDiscountAllowed(db, discount, { userId, email: input.email ?? null });
    return { ...base, ...withPoints(totals), discountError };
  } catch (error) {
    if (!(error instanceof TotalsError) || !['invalid_discount', 'discount_not_eligible'].includes(error.code)) throw error;
    discountError = { code: error.code, message: error.message };
  }
  pointsError = null;
  return { ...base, ...withPoints(priced(order)), discountError };
}

function withoutLines(totals: OrderTotals): QuoteTotals {
  const { currency, subtotalMinor, discountMinor, discountCode, pointsRedeemed, pointsDiscountMinor, shippingMinor, taxMinor } = totals;
  const { taxInclusive, taxLabel, totalMinor } = totals;
  return {
    currency,
    subtotalMinor,
    discountMinor,
    discountCode,
    pointsRedeemed,
    pointsDiscountMinor,
    shippingMinor,
    taxMinor,
    taxInclusive,
    taxLabel,
    totalMinor,
  };
}
