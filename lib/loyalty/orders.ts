import 'server-only';
import type { Tx } from '@/lib/db/client';
import type { LoyaltyChannel, OrderStatus, SalesChannel } from '@/lib/generated/prisma/enums';
import { appendEntry, ensureAccount, lockAccountTx, type Client } from './ledger';
import { LoyaltyError } from './errors';
import { availableAtFor, pointsEarned, tierFor, tierWindowStart } from './programme';

// Points and orders. Each step runs inside the transaction that moves the order (lib/orders/transitions.ts,
// lib/orders/cancel.ts, the handover), keyed by the order, so a repeated or late payment event earns once and a
// cancellation returns points once.

export const channelOf = (channel: SalesChannel): LoyaltyChannel => (channel === 'IN_STORE' ? 'IN_STORE' : 'ONLINE');

const keys = {
  hold: (orderId: string) => `hold:${orderId}`,
  convert: (orderId: string) => `hold-spent:${orderId}`,
  redeem: (orderId: string) => `redeem:${orderId}`,
  release: (orderId: string) => `release:${orderId}`,
  refund: (orderId: string) => `refund:${orderId}`,
  earn: (orderId: string) => `earn:${orderId}`,
  reversal: (earnEntryId: string) => `reversal:${earnEntryId}`,
  mature: (earnEntryId: string) => `mature:${earnEntryId}`,
};
export const loyaltyKeys = keys;

// Checkout: the points the shopper chose are held with the order, in the order's own transaction (like its stock).
// Throws when the member no longer has them (another tab or the counter spent them first).
export async function holdPointsForOrderTx(
  tx: Tx,
  input: { userId: string; orderId: string; points: number; channel: SalesChannel; storeId?: string | null },
  now: Date = new Date(),
): Promise<void> {
  if (input.points <= 0) return;
  const account = await ensureAccount(tx, input.userId);
  const result = await appendEntry(
    tx,
    account.id,
    {
      kind: 'HOLD',
      points: -input.points,
      channel: channelOf(input.channel),
      orderId: input.orderId,
      storeId: input.storeId ?? null,
      idempotencyKey: keys.hold(input.orderId),
    },
    now,
  );
  if (result.status === 'insufficient')
    throw new LoyaltyError('insufficient_points', `You no longer have ${input.points} points to spend. Choose fewer points and try again.`);
}

type OrderForPoints = {
  userId: string | null;
  channel: SalesChannel;
  pickupLocationId: string | null;
  subtotalMinor: number;
  discountMinor: number;
  pointsDiscountMinor: number;
};

// What the shopper paid for goods: after code discounts and points, without shipping.
const merchandisePaid = (o: OrderForPoints) => Math.max(0, o.subtotalMinor - o.discountMinor - o.pointsDiscountMinor);

// Called with the status an order has just moved to (the caller saw its conditional update succeed).
export async function onOrderMovedTx(tx: Tx, orderId: string, to: OrderStatus, now: Date = new Date()): Promise<void> {
  if (to === 'PAID' || to === 'COMPLETED') await settleOrderPointsTx(tx, orderId, now);
  else if (to === 'CANCELLED') await returnOrderPointsTx(tx, orderId, now);
}

// Paid (online, or at the counter on handover): held points are spent, and the order earns points that stay pending
// for the return window.
export async function settleOrderPointsTx(tx: Tx, orderId: string, now: Date = new Date()): Promise<void> {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: {
      userId: true,
      channel: true,
      pickupLocationId: true,
      subtotalMinor: true,
      discountMinor: true,
      pointsDiscountMinor: true,
      paidAt: true,
    },
  });
  if (!order?.userId) return;
  const account = await ensureAccount(tx, order.userId);
  const entries = await orderEntries(tx, orderId);
  const hold = entries.find((e) => e.kind === 'HOLD');
  const channel = channelOf(order.channel);
  const common = { channel, orderId, storeId: order.pickupLocationId };
  if (hold && !entries.some((e) => e.kind === 'RELEASE')) {
    // The hold already took the points off the balance: it is released and spent in one step, so the balance stays.
    await appendEntry(
      tx,
      account.id,
      { ...common, kind: 'RELEASE', points: -hold.points, idempotencyKey: keys.convert(orderId), note: 'spent' },
      now,
    );
    await appendEntry(tx, account.id, { ...common, kind: 'REDEEM', points: hold.points, idempotencyKey: keys.redeem(orderId) }, now);
  }
  if (entries.some((e) => e.kind === 'EARN')) return;
  const spend = await spendInWindow(tx, order.userId, now, orderId);
  const points = pointsEarned(merchandisePaid(order), tierFor(spend));
  if (points <= 0) return;
  await appendEntry(
    tx,
    account.id,
    { ...common, kind: 'EARN', points, pendingPoints: points, availableAt: availableAtFor(now), idempotencyKey: keys.earn(orderId) },
    now,
  );
}

// Cancelled (or returned): held points go back, points spent on the order come back at once, and what the order
// earned is taken back: from pending inside the window; after it from the balance, never below zero, the shortfall
// recorded on the entry.
export async function returnOrderPointsTx(tx: Tx, orderId: string, now: Date = new Date()): Promise<void> {
  const entries = await orderEntries(tx, orderId);
  if (!entries.length) return;
  const accountId = entries[0]!.accountId;
  await lockAccountTx(tx, accountId);
  const storeId = entries[0]!.storeId;
  const common = { orderId, storeId };
  const hold = entries.find((e) => e.kind === 'HOLD');
  const redeem = entries.find((e) => e.kind === 'REDEEM');
  if (redeem) {
    await appendEntry(
      tx,
      accountId,
      { ...common, kind: 'RELEASE', points: -redeem.points, channel: redeem.channel, idempotencyKey: keys.refund(orderId), note: 'refund' },
      now,
    );
  } else if (hold) {
    await appendEntry(
      tx,
      accountId,
      { ...common, kind: 'RELEASE', points: -hold.points, channel: hold.channel, idempotencyKey: keys.release(orderId) },
      now,
    );
  }
  const earn = entries.find((e) => e.kind === 'EARN' && e.pendingPoints > 0);
  if (!earn) return;
  const matured = entries.some((e) => e.idempotencyKey === keys.mature(earn.id));
  const base = { ...common, kind: 'REVERSAL' as const, channel: earn.channel, idempotencyKey: keys.reversal(earn.id) };
  if (!matured) {
    await appendEntry(tx, accountId, { ...base, points: -earn.points, pendingPoints: -earn.points }, now);
    return;
  }
  // After the window the points were spendable; what has been spent since cannot be taken back.
  const { balance: available } = await lockAccountTx(tx, accountId);
  const taken = Math.min(earn.points, available);
  await appendEntry(tx, accountId, { ...base, points: -taken, shortfall: earn.points - taken }, now);
}

async function orderEntries(tx: Client, orderId: string) {
  return tx.loyaltyEntry.findMany({
    where: { orderId },
    select: {
      id: true,
      accountId: true,
      kind: true,
      points: true,
      pendingPoints: true,
      channel: true,
      storeId: true,
      idempotencyKey: true,
    },
    orderBy: { createdAt: 'asc' },
  });
}

// Merchandise spend over the tier window (orders paid and not cancelled), leaving out `exceptOrderId`: an order earns
// at the tier its shopper held when buying it.
export async function spendInWindow(client: Client, userId: string, now: Date, exceptOrderId?: string): Promise<number> {
  const [row] = await client.$queryRaw<{ spend: number | null }[]>`
    SELECT COALESCE(SUM(GREATEST(0, "subtotalMinor" - "discountMinor" - "pointsDiscountMinor")), 0)::int AS "spend"
    FROM "Order"
    WHERE "userId" = ${userId} AND "paidAt" >= ${tierWindowStart(now)} AND "paidAt" <= ${now}
      AND "status" <> 'CANCELLED' AND "id" <> ${exceptOrderId ?? ''}`;
  return row?.spend ?? 0;
}
