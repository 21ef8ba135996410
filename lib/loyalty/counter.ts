import 'server-only';
import { recordLedgerEvents } from '@/lib/analytics/record';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import type { Tx } from '@/lib/db/client';
import { ORDER_TX } from '@/lib/db/tx-options';
import type { Prisma } from '@/lib/generated/prisma/client';
import { LoyaltyError, memberNotFound } from './errors';
import { totalsWithPoints } from './handover';
import { appendEntry } from './ledger';
import { consumeConfirmCode, readMemberCard } from './member-card';
import { getLoyaltySummary } from './account';
import { maxRedeemablePoints, LoyaltyRuleError, pointsValueMinor, PROGRAMME } from './programme';

// The counter (staff page): look a member up from their card, and spend their points with their consent (the one-time
// code on their own phone). The caller has checked the associate acts for `storeId` (requireStoreStaff); every step
// is recorded in the staff audit log with the store and the associate, and the ledger entry carries both.

export type MemberAtCounter = {
  memberId: string;
  name: string | null;
  balance: number;
  pending: number;
  tier: { id: string; name: string };
  nextTier: { name: string; remainingMinor: number } | null;
};

async function audit(
  tx: Tx,
  user: SessionUser,
  storeId: string,
  action: string,
  details: Prisma.InputJsonValue,
  orderId: string | null = null,
) {
  await tx.staffAuditEntry.create({ data: { actorId: user.id, locationId: storeId, orderId, action, details } });
}

async function memberView(accountId: string, now: Date): Promise<MemberAtCounter & { userId: string }> {
  const account = await db.loyaltyAccount.findUnique({
    where: { id: accountId },
    select: { userId: true, user: { select: { name: true } } },
  });
  if (!account) throw memberNotFound();
  const s = await getLoyaltySummary(account.userId, now);
  return {
    userId: account.userId,
    memberId: accountId,
    name: account.user.name,
    balance: s.balance,
    pending: s.pending,
    tier: { id: s.tier.id, name: s.tier.name },
    nextTier: s.nextTier ? { name: s.nextTier.name, remainingMinor: s.nextTier.remainingMinor } : null,
  };
}

export async function lookupMember(user: SessionUser, storeId: string, token: string, now: Date = new Date()): Promise<MemberAtCounter> {
  const view = await memberView(await readMemberCard(token, now), now);
  const member: MemberAtCounter = {
    memberId: view.memberId,
    name: view.name,
    balance: view.balance,
    pending: view.pending,
    tier: view.tier,
    nextTier: view.nextTier,
  };
  await db.$transaction((tx) => audit(tx, user, storeId, 'loyalty.lookup', { memberId: member.memberId }));
  return member;
}

export type CounterRedeemInput = { points: number; confirmCode: string; orderId?: string | null; idempotencyKey: string };
export type CounterRedemption = { balance: number; pointsDiscountMinor: number; orderTotalMinor: number | null; repeated: boolean };

// Spends points at the counter. With an order (a pay-at-pickup order of this member at this store, not paid yet) the
// points come off what is due at handover, within the programme's 50 % cap; without one, the associate takes their
// worth off the sale at the till. The shopper's code is used up first (a spend refused after it needs a new code).
export async function redeemAtCounter(
  user: SessionUser,
  storeId: string,
  memberId: string,
  input: CounterRedeemInput,
  now: Date = new Date(),
): Promise<CounterRedemption> {
  const account = await db.loyaltyAccount.findUnique({ where: { id: memberId }, select: { id: true, userId: true } });
  if (!account) throw memberNotFound();
  const key = `counter:${storeId}:${input.idempotencyKey}`;
  const earlier = await db.loyaltyEntry.findUnique({ where: { idempotencyKey: key }, select: { points: true, orderId: true } });
  if (earlier) {
    const balance = (await db.loyaltyAccount.findUniqueOrThrow({ where: { id: memberId }, select: { balance: true } })).balance;
    return { balance, pointsDiscountMinor: pointsValueMinor(-earlier.points), orderTotalMinor: null, repeated: true };
  }
  const order = input.orderId ? await orderForRedemption(input.orderId, account.userId, storeId) : null;
  if (input.points <= 0 || input.points % PROGRAMME.redeemStepPoints !== 0)
    throw new LoyaltyRuleError('invalid_points', `Points are used in steps of ${PROGRAMME.redeemStepPoints}.`);
  if (order) {
    const cap = maxRedeemablePoints(order.subtotalMinor - order.discountMinor, Number.MAX_SAFE_INTEGER);
    if (input.points > cap)
      throw new LoyaltyRuleError('points_over_cap', `At most ${cap} points can be used on this order.`, { maxPoints: cap });
  }
  await consumeConfirmCode(account.id, input.confirmCode, now);
  const redemption = await db.$transaction(async (tx) => {
    const result = await appendEntry(
      tx,
      account.id,
      {
        kind: 'REDEEM',
        points: -input.points,
        channel: 'IN_STORE',
        idempotencyKey: key,
        orderId: order?.id ?? null,
        storeId,
        staffUserId: user.id,
      },
      now,
    );
    if (result.status === 'insufficient')
      throw new LoyaltyError('insufficient_points', 'The member does not have that many points to spend.');
    if (result.status === 'duplicate') throw new LoyaltyError('insufficient_points', 'This redemption was already recorded.');
    let orderTotalMinor: number | null = null;
    if (order) orderTotalMinor = await applyPointsToOrderTx(tx, order, input.points);
    await audit(tx, user, storeId, 'loyalty.redeem', { memberId, points: input.points, orderTotalMinor }, order?.id ?? null);
    return { balance: result.balance, pointsDiscountMinor: pointsValueMinor(input.points), orderTotalMinor, repeated: false };
  }, ORDER_TX);
  recordLedgerEvents({ idempotencyKey: key });
  return redemption;
}

type RedeemableOrder = { id: string; subtotalMinor: number; discountMinor: number; discountCode: string | null; currency: string };

// Another member's order, another store's, or one already paid or using points: the same 404 as a missing one.
async function orderForRedemption(orderId: string, userId: string, storeId: string): Promise<RedeemableOrder> {
  const order = await db.order.findFirst({
    where: {
      id: orderId,
      userId,
      pickupLocationId: storeId,
      paidAt: null,
      pointsRedeemed: 0,
      status: { in: ['CONFIRMED', 'READY_FOR_PICKUP'] },
    },
    select: { id: true, subtotalMinor: true, discountMinor: true, discountCode: true, currency: true },
  });
  if (!order) throw new LoyaltyError('member_not_found', 'We could not find that order for this member at this store.');
  return order;
}

// The order is priced again with the points (same rules as checkout), guarded so it happens once.
async function applyPointsToOrderTx(tx: Tx, order: RedeemableOrder, points: number): Promise<number> {
  const totals = await totalsWithPoints(tx, order, points);
  const updated = await tx.order.updateMany({
    where: { id: order.id, paidAt: null, pointsRedeemed: 0 },
    data: {
      pointsRedeemed: points,
      pointsDiscountMinor: totals.pointsDiscountMinor,
      taxMinor: totals.taxMinor,
      totalMinor: totals.totalMinor,
    },
  });
  if (updated.count !== 1) throw new LoyaltyError('member_not_found', 'That order was paid or changed meanwhile.');
  return totals.totalMinor;
}

// The member's points as the staff customer view shows them (lib/pickup/customer.ts), for a shopper with an account;
// `redeemOrderId` is the order when points may still come off what is due on it (pay at pickup, not paid yet).
export async function pointsForCounter(
  userId: string,
  storeId: string,
  orderId: string,
  now: Date = new Date(),
): Promise<{ memberId: string; storeId: string; balance: number; pending: number; tier: string; redeemOrderId: string | null }> {
  const [s, due] = await Promise.all([
    getLoyaltySummary(userId, now),
    db.order.findFirst({
      where: {
        id: orderId,
        userId,
        pickupLocationId: storeId,
        paidAt: null,
        pointsRedeemed: 0,
        status: { in: ['CONFIRMED', 'READY_FOR_PICKUP'] },
      },
      select: { id: true },
    }),
  ]);
  return { memberId: s.memberId, storeId, balance: s.balance, pending: s.pending, tier: s.tier.name, redeemOrderId: due?.id ?? null };
}
