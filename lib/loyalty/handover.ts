import 'server-only';
import { computeTotals } from '@/lib/checkout/totals';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import type { Tx } from '@/lib/db/client';
import { formatMoney } from '@/lib/utils';
import { getLoyaltySummary } from './account';
import { LoyaltyError } from './errors';
import { appendEntry, type Client } from './ledger';
import { takeConfirmCode, voidConfirmCode, wrongConfirmCode } from './member-card';
import { loyaltyKeys } from './orders';
import { LoyaltyRuleError, maxRedeemablePoints, pointsValueMinor, PROGRAMME } from './programme';

// Points at the pickup counter (issue 17): a member's pay-at-pickup order has points come off what is due in the
// same transaction as the handover that takes the payment (lib/pickup/handover.ts), with the one-time code from the
// member's own phone. The server prices it from the order's lines (checkout's totals rules, half the goods at most);
// the ledger entry is keyed by the order like an online redemption, so it is spent once, and a cancellation gives it
// back once (lib/loyalty/orders.ts). The order then earns on what was paid, after points, when it completes.

type OrderRow = {
  id: string;
  userId: string | null;
  paidAt: Date | null;
  pointsRedeemed: number;
  subtotalMinor: number;
  discountMinor: number;
  discountCode: string | null;
  totalMinor: number;
  currency: string;
};

const orderSelect = {
  id: true,
  userId: true,
  paidAt: true,
  pointsRedeemed: true,
  subtotalMinor: true,
  discountMinor: true,
  discountCode: true,
  totalMinor: true,
  currency: true,
} as const;

// Why no points can come off this order at the counter, or null when they can.
function refusal(order: OrderRow): string | null {
  if (order.paidAt) return 'This order is already paid: points can only come off what is due at the counter.';
  if (order.pointsRedeemed > 0) return `${order.pointsRedeemed.toLocaleString('en-GB')} points were already used on this order.`;
  if (!order.userId) return 'A guest order: there is no Rewards account to spend points from.';
  return null;
}

// The order priced again with `points` off (the same totals rules as checkout and the substitution step); the
// counter's redemption against an order (lib/loyalty/counter.ts) prices it the same way.
export async function totalsWithPoints(
  client: Client,
  order: Pick<OrderRow, 'id' | 'discountMinor' | 'discountCode' | 'currency'>,
  points: number,
) {
  const lines = await client.orderLine.findMany({
    where: { orderId: order.id },
    select: { variantId: true, unitPriceMinor: true, quantity: true },
  });
  const discount = order.discountMinor
    ? { code: order.discountCode ?? 'DISCOUNT', kind: 'amount' as const, amountMinor: order.discountMinor, label: '' }
    : null;
  return computeTotals({
    lines: lines.map((l) => ({ variantId: l.variantId ?? '', unitPriceMinor: l.unitPriceMinor, quantity: l.quantity })),
    fulfilment: 'PICKUP',
    country: 'GB',
    currency: order.currency,
    discount,
    points,
  });
}

// The checks an associate's number of points must pass, worded for the counter. Nothing is written.
function checkPoints(order: OrderRow, points: number, balance: number): void {
  const step = PROGRAMME.redeemStepPoints;
  if (!Number.isSafeInteger(points) || points <= 0 || points % step !== 0)
    throw new LoyaltyRuleError('invalid_points', `Points are used in steps of ${step}.`);
  if (points > balance)
    throw new LoyaltyError('insufficient_points', `The member has ${balance.toLocaleString('en-GB')} points to spend.`, { balance });
  const cap = maxRedeemablePoints(order.subtotalMinor - order.discountMinor, Number.MAX_SAFE_INTEGER);
  if (points > cap)
    throw new LoyaltyRuleError(
      'points_over_cap',
      `At most ${cap.toLocaleString('en-GB')} points can come off this order (half of its items, ${formatMoney(pointsValueMinor(cap), order.currency)}).`,
      { maxPoints: cap },
    );
}

export type HandoverPoints = {
  member: { memberId: string; balance: number; pending: number; tier: string } | null;
  currency: string;
  // What is due now, before any points chosen at the counter (0 when the order is paid).
  dueMinor: number;
  // The most points that can come off it (0 with `refusal` saying why).
  maxPoints: number;
  refusal: string | null;
  // With `points`: what they take off and what is then due.
  quote: { points: number; pointsDiscountMinor: number; dueMinor: number } | null;
};

// The member behind an order at this store and what their points can do for what is due (the handover form asks
// this, with `points` as the associate types them). The caller checked the associate acts for the order's store. Opening
// a member's points is audited, as a look-up at the counter is; the prices asked while typing are not.
export async function handoverPoints(
  user: SessionUser,
  orderId: string,
  storeId: string,
  points?: number,
  now: Date = new Date(),
): Promise<HandoverPoints> {
  const order = await db.order.findFirst({ where: { id: orderId, pickupLocationId: storeId }, select: orderSelect });
  if (!order) throw new LoyaltyError('member_not_found', 'We could not find that order at this store.');
  const summary = order.userId ? await getLoyaltySummary(order.userId, now) : null;
  const member = summary
    ? { memberId: summary.memberId, balance: summary.balance, pending: summary.pending, tier: summary.tier.name }
    : null;
  if (member && !points)
    await db.staffAuditEntry.create({
      data: { actorId: user.id, locationId: storeId, orderId, action: 'loyalty.lookup', details: { memberId: member.memberId }, at: now },
    });
  const refused = refusal(order);
  const dueMinor = order.paidAt ? 0 : order.totalMinor;
  const maxPoints = refused ? 0 : maxRedeemablePoints(order.subtotalMinor - order.discountMinor, member?.balance ?? 0);
  let quote: HandoverPoints['quote'] = null;
  if (points) {
    if (refused) throw new LoyaltyError('points_not_allowed', refused);
    checkPoints(order, points, member!.balance);
    const totals = await totalsWithPoints(db, order, points);
    quote = { points, pointsDiscountMinor: totals.pointsDiscountMinor, dueMinor: totals.totalMinor };
  }
  return { member, currency: order.currency, dueMinor, maxPoints, refusal: refused, quote };
}

export type HandoverRedemption = {
  orderId: string;
  accountId: string;
  points: number;
  pointsDiscountMinor: number;
  taxMinor: number;
  totalMinor: number;
};

// Inside the handover's transaction, before the payment is checked: the points priced against the order as it is
// now (its Pickup row is locked), refused with the reason when the order cannot take them or the member does not
// have them. Writes nothing: the payment taken must then be `totalMinor`.
export async function priceHandoverRedemptionTx(tx: Tx, orderId: string, points: number): Promise<HandoverRedemption> {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: orderSelect });
  const refused = refusal(order);
  if (refused) throw new LoyaltyError('points_not_allowed', refused);
  const account = await tx.loyaltyAccount.findUnique({ where: { userId: order.userId! }, select: { id: true, balance: true } });
  checkPoints(order, points, account?.balance ?? 0);
  const totals = await totalsWithPoints(tx, order, points);
  return {
    orderId,
    accountId: account!.id,
    points,
    pointsDiscountMinor: totals.pointsDiscountMinor,
    taxMinor: totals.taxMinor,
    totalMinor: totals.totalMinor,
  };
}

// Spends the points, once the pickup code has matched: the member's one-time code used up, the ledger's guarded
// debit (channel IN_STORE, this store and associate), the order's totals set to what was paid. A wrong or expired code
// is voided and returned (the caller commits only that, as it does a wrong pickup code); too few points left (spent
// elsewhere since the price was asked) throws, and the caller's transaction writes nothing.
export async function redeemAtHandoverTx(
  tx: Tx,
  user: SessionUser,
  storeId: string,
  r: HandoverRedemption,
  confirmCode: string,
  now: Date = new Date(),
): Promise<LoyaltyError | null> {
  if (!(await takeConfirmCode(tx, r.accountId, confirmCode, now))) {
    await voidConfirmCode(r.accountId, tx);
    return wrongConfirmCode();
  }
  const result = await appendEntry(
    tx,
    r.accountId,
    {
      kind: 'REDEEM',
      points: -r.points,
      channel: 'IN_STORE',
      idempotencyKey: loyaltyKeys.redeem(r.orderId),
      orderId: r.orderId,
      storeId,
      staffUserId: user.id,
    },
    now,
  );
  if (result.status === 'insufficient')
    throw new LoyaltyError('insufficient_points', 'The member no longer has that many points to spend.');
  if (result.status === 'duplicate') throw new LoyaltyError('points_not_allowed', 'Points were already used on this order.');
  const updated = await tx.order.updateMany({
    where: { id: r.orderId, paidAt: null, pointsRedeemed: 0 },
    data: { pointsRedeemed: r.points, pointsDiscountMinor: r.pointsDiscountMinor, taxMinor: r.taxMinor, totalMinor: r.totalMinor },
  });
  if (updated.count !== 1) throw new LoyaltyError('points_not_allowed', 'That order was paid or changed meanwhile.');
  await tx.staffAuditEntry.create({
    data: {
      actorId: user.id,
      locationId: storeId,
      orderId: r.orderId,
      action: 'loyalty.redeem',
      details: { memberId: r.accountId, points: r.points, orderTotalMinor: r.totalMinor, at: 'handover' },
      at: now,
    },
  });
  return null;
}
