import 'server-only';
import { db } from '@/lib/db';
import type { Tx } from '@/lib/db/client';
import type { OrderStatus, PaymentProvider } from '@/lib/generated/prisma/enums';
import { getPaymentProvider } from '@/lib/payments/providers';
import { canViewOrder, type OrderViewer } from './access';
import { CANCELLABLE_STATUSES } from './detail';
import { OrderError } from './errors';
import { releaseHoldsTx } from './holds';
import { assertTransition } from './state';
import { ORDER_TX } from './tx-options';

// An order the state machine could cancel but a shopper may not: the store has it ready or is handing it over.
export class CancelRefusedError extends Error {
  readonly code = 'not_cancellable';
  readonly status = 422;
  constructor(message: string) {
    super(message);
    this.name = 'CancelRefusedError';
  }
}

export type CancelResult = { status: 'CANCELLED'; previousStatus: OrderStatus; releasedUnits: number; restockedUnits: number; refunded: boolean };

type LockedOrder = {
  id: string;
  status: OrderStatus;
  userId: string | null;
  pickupLocationId: string | null;
  paymentProvider: PaymentProvider | null;
  paymentIntentId: string | null;
};

// A paid order's stock was taken off the shelf when it was paid; it goes back where each hold was consumed.
// The holds flip to RELEASED in the same statement, so the stock moves once even if this ran twice.
async function restockConsumedHoldsTx(tx: Tx, orderId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ units: number }[]>`
    WITH returned AS (
      UPDATE "StockHold" SET "status" = 'RELEASED'
      WHERE "orderId" = ${orderId} AND "status" = 'CONSUMED'
      RETURNING "variantId", "locationId", "quantity"
    ), sums AS (
      SELECT "variantId", "locationId", sum("quantity")::int AS q FROM returned GROUP BY 1, 2
    ), stock AS (
      UPDATE "Stock" s SET "onHand" = s."onHand" + sums.q, "updatedAt" = now()
      FROM sums WHERE s."variantId" = sums."variantId" AND s."locationId" = sums."locationId"
      RETURNING sums.q
    )
    SELECT coalesce(sum(q), 0)::int AS units FROM stock`;
  return row?.units ?? 0;
}

// Cancels an order for its owner, the device holding its receipt, or staff of its store (anyone else gets the
// same 404 as for a missing order). Unpaid: the hold is released (and a Stripe payment still open is cancelled so it
// can never succeed). Paid: the stock goes back on the shelf and the payment is refunded. The order row is locked
// for the whole transaction, so a webhook or a second tap waits and then finds it cancelled. The provider call comes
// last inside the transaction (as lib/payments/outcomes.ts does): if Stripe refuses, nothing is written; if the
// commit fails after Stripe said yes, a retry sends the same idempotency key and Stripe answers without refunding twice.
export async function cancelOrder(viewer: OrderViewer, orderId: string, now: Date = new Date()): Promise<CancelResult> {
  return db.$transaction(
    async (tx) => {
      const [order] = await tx.$queryRaw<LockedOrder[]>`
        SELECT "id", "status", "userId", "pickupLocationId", "paymentProvider", "paymentIntentId"
        FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
      if (!order || !canViewOrder(order, viewer)) throw new OrderError('order_not_found', 'We could not find that order.');
      assertTransition(order.status, 'CANCELLED');
      if (!CANCELLABLE_STATUSES.includes(order.status)) {
        throw new CancelRefusedError('Your order is ready at the store, so it can no longer be cancelled online. Please contact the store.');
      }
      await tx.order.update({ where: { id: orderId }, data: { status: 'CANCELLED', cancelledAt: now } });
      const paid = order.status === 'PAID';
      const releasedUnits = paid ? 0 : await releaseHoldsTx(tx, [orderId]);
      const restockedUnits = paid ? await restockConsumedHoldsTx(tx, orderId) : 0;
      const provider = order.paymentProvider ? getPaymentProvider(order.paymentProvider) : null;
      const payment = { id: order.id, paymentIntentId: order.paymentIntentId };
      try {
        if (paid && provider) await provider.refund(payment);
        if (order.status === 'PENDING' && order.paymentProvider === 'STRIPE' && order.paymentIntentId && provider) await provider.cancel(payment);
      } catch (error) {
        console.error(`[orders] payment provider refused to undo ${orderId}`, error);
        throw new OrderError(
          'payment_unavailable',
          paid
            ? 'We could not refund your payment just now, so the order is still active. Please try again in a minute.'
            : 'Your payment is still being processed, so the order could not be cancelled yet. Please try again in a minute.',
        );
      }
      return { status: 'CANCELLED' as const, previousStatus: order.status, releasedUnits, restockedUnits, refunded: paid };
    },
    // Longer than ORDER_TX's: a refund call to Stripe may run inside it.
    { maxWait: ORDER_TX.maxWait, timeout: 60_000 },
  );
}
