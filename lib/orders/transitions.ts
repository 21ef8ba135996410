import 'server-only';
import { db } from '@/lib/db';
import type { Tx } from '@/lib/db/client';
import type { OrderStatus } from '@/lib/generated/prisma/enums';
import { OrderError } from '@/lib/orders/errors';
import { payAtPickupHoldExpiry } from '@/lib/inventory/hold-expiry';
import { consumeHoldsTx, extendHoldsTx, releaseHoldsTx } from '@/lib/inventory/holds';
import { assertTransition } from '@/lib/orders/state';
import { onOrderMovedTx } from '@/lib/loyalty/orders';
import { ORDER_TX } from '@/lib/db/tx-options';

export type TransitionResult = { changed: boolean; status: OrderStatus };

// Moves an order only if it is still in one of `from` (a conditional update, so concurrent callers cannot
// both win). `from` must be legal for `to` by the state machine; anything else is a programming error.
// Also used by the store's pickup steps (lib/pickup), which move the order along with their own record.
export async function moveOrderTx(
  tx: Tx,
  orderId: string,
  from: readonly OrderStatus[],
  to: OrderStatus,
  data: { paidAt?: Date; cancelledAt?: Date; holdExpiresAt?: Date } = {},
): Promise<TransitionResult> {
  for (const status of from) assertTransition(status, to);
  const moved = await tx.order.updateMany({ where: { id: orderId, status: { in: [...from] } }, data: { status: to, ...data } });
  if (moved.count === 1) {
    // Loyalty points follow the order in the same transaction: earned when paid, returned when cancelled.
    await onOrderMovedTx(tx, orderId, to, data.paidAt ?? data.cancelledAt ?? new Date());
    return { changed: true, status: to };
  }
  const current = await tx.order.findUnique({ where: { id: orderId }, select: { status: true } });
  if (!current) throw new OrderError('order_not_found', 'We could not find that order.');
  return { changed: false, status: current.status };
}

// Payment received: the hold becomes a sale, exactly once. A paid, later or cancelled order is left alone
// (the caller decides what a payment for a cancelled order needs: a refund).
export async function markPaidTx(tx: Tx, orderId: string, now: Date = new Date()): Promise<TransitionResult> {
  const result = await moveOrderTx(tx, orderId, ['PENDING'], 'PAID', { paidAt: now });
  if (result.changed) await consumeHoldsTx(tx, orderId);
  return result;
}

export function markPaid(orderId: string, now: Date = new Date()): Promise<TransitionResult> {
  return db.$transaction((tx) => markPaidTx(tx, orderId, now), ORDER_TX);
}

// Payment failed or abandoned: the order is cancelled and its stock goes back on the shelf.
export async function cancelPendingOrderTx(tx: Tx, orderId: string, now: Date = new Date()): Promise<TransitionResult> {
  const result = await moveOrderTx(tx, orderId, ['PENDING'], 'CANCELLED', { cancelledAt: now });
  if (result.changed) await releaseHoldsTx(tx, [orderId]);
  return result;
}

// A checkout's pending leftovers from the same bag, cancelled in one statement with their holds released (the orders,
// the holds and the stock they stood for move together). Only an order that held points has loyalty entries to give
// back (a pending order has earned nothing yet), so only those take the ledger's steps. Returns the ids cancelled.
export async function cancelPendingOrdersTx(tx: Tx, orderIds: readonly string[], now: Date = new Date()): Promise<string[]> {
  if (!orderIds.length) return [];
  assertTransition('PENDING', 'CANCELLED');
  const cancelled = await tx.$queryRaw<{ id: string; pointsRedeemed: number }[]>`
    WITH cancelled AS (
      UPDATE "Order" SET "status" = 'CANCELLED', "cancelledAt" = ${now}, "updatedAt" = ${now}
      WHERE "id" = ANY(${[...orderIds]}::text[]) AND "status" = 'PENDING'
      RETURNING "id", "pointsRedeemed"
    ), released AS (
      UPDATE "StockHold" h SET "status" = 'RELEASED'
      FROM cancelled c WHERE h."orderId" = c."id" AND h."status" = 'ACTIVE'
      RETURNING h."variantId", h."locationId", h."quantity"
    ), sums AS (
      SELECT "variantId", "locationId", sum("quantity")::int AS q FROM released GROUP BY 1, 2
    ), stock AS (
      UPDATE "Stock" s SET "reserved" = s."reserved" - sums.q, "updatedAt" = now()
      FROM sums WHERE s."variantId" = sums."variantId" AND s."locationId" = sums."locationId"
      RETURNING 1
    )
    SELECT "id", "pointsRedeemed" FROM cancelled`;
  for (const order of cancelled) if (order.pointsRedeemed > 0) await onOrderMovedTx(tx, order.id, 'CANCELLED', now);
  return cancelled.map((o) => o.id);
}

// Releases an order's hold before it was paid: a pending checkout or an uncollected pay-at-pickup order.
export function releaseHold(orderId: string, now: Date = new Date()): Promise<TransitionResult> {
  return db.$transaction(async (tx) => {
    const result = await moveOrderTx(tx, orderId, ['PENDING', 'CONFIRMED'], 'CANCELLED', { cancelledAt: now });
    if (result.changed) await releaseHoldsTx(tx, [orderId]);
    return result;
  }, ORDER_TX);
}

// Pay at pickup: the order is confirmed and its stock stays held until the store closes on its next opening day.
export function confirmPayAtPickup(orderId: string, now: Date = new Date()): Promise<TransitionResult> {
  return db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({
      where: { id: orderId },
      select: { fulfilment: true, pickupLocation: { select: { openingHours: true, timeZone: true } } },
    });
    if (!order) throw new OrderError('order_not_found', 'We could not find that order.');
    if (order.fulfilment !== 'PICKUP' || !order.pickupLocation)
      throw new OrderError('payment_not_allowed', 'Pay at pickup is only for orders collected in a store.');
    const holdExpiresAt = payAtPickupHoldExpiry(order.pickupLocation, now);
    const result = await moveOrderTx(tx, orderId, ['PENDING'], 'CONFIRMED', { holdExpiresAt });
    if (result.changed) {
      await tx.order.update({ where: { id: orderId }, data: { paymentProvider: 'PAY_AT_PICKUP' } });
      await extendHoldsTx(tx, orderId, holdExpiresAt);
    }
    return result;
  }, ORDER_TX);
}

export async function attachPaymentIntent(orderId: string, paymentIntentId: string): Promise<void> {
  await db.order.update({ where: { id: orderId }, data: { paymentIntentId, paymentProvider: 'STRIPE' } });
}
