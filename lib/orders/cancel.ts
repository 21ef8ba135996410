import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { OrderStatus, PaymentProvider } from '@/lib/generated/prisma/enums';
import { getPaymentProvider } from '@/lib/payments/providers';
import { canViewOrder, type OrderViewer } from '@/lib/orders/access';
import { assertMayCancel } from '@/lib/orders/cancel-code';
import { CANCELLABLE_STATUSES } from '@/lib/orders/detail';
import { OrderError } from '@/lib/orders/errors';
import { releaseHoldsTx, restockConsumedHoldsTx } from '@/lib/inventory/holds';
import { assertTransition } from '@/lib/orders/state';
import { returnOrderPointsTx } from '@/lib/loyalty/orders';
import { ORDER_TX } from '@/lib/db/tx-options';

// An order the state machine could cancel but a shopper may not: the store has it ready or is handing it over.
export class CancelRefusedError extends AppError {
  constructor(message: string) {
    super(422, 'not_cancellable', message);
  }
}

export type CancelResult = {
  status: 'CANCELLED';
  previousStatus: OrderStatus;
  releasedUnits: number;
  restockedUnits: number;
  refunded: boolean;
};

type LockedOrder = {
  id: string;
  status: OrderStatus;
  userId: string | null;
  pickupLocationId: string | null;
  paymentProvider: PaymentProvider | null;
  paymentIntentId: string | null;
};

// Cancels an order for its owner, the device holding its receipt, or staff of its store (anyone else gets the
// same 404 as for a missing order). Unpaid: the hold is released (and a Stripe payment still open is cancelled so it
// can never succeed). Paid: the stock goes back on the shelf and the payment is refunded. The order row is locked
// for the whole transaction, so a webhook or a second tap waits and then finds it cancelled. The provider call comes
// last inside the transaction (as lib/payments/outcomes.ts does): if Stripe refuses, nothing is written; if the
// commit fails after Stripe said yes, a retry sends the same idempotency key and Stripe answers without refunding twice.
// A device that only looked the order up passes the code e-mailed to the order (lib/orders/cancel-code.ts).
export async function cancelOrder(
  viewer: OrderViewer,
  orderId: string,
  { code, now = new Date() }: { code?: string; now?: Date } = {},
): Promise<CancelResult> {
  await assertMayCancel(viewer, orderId, code, now);
  return db.$transaction(
    async (tx) => {
      const [order] = await tx.$queryRaw<LockedOrder[]>`
        SELECT "id", "status", "userId", "pickupLocationId", "paymentProvider", "paymentIntentId"
        FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
      if (!order || !canViewOrder(order, viewer)) throw new OrderError('order_not_found', 'We could not find that order.');
      assertTransition(order.status, 'CANCELLED');
      if (!CANCELLABLE_STATUSES.includes(order.status)) {
        throw new CancelRefusedError(
          'Your order is ready at the store, so it can no longer be cancelled online. Please contact the store.',
        );
      }
      await tx.order.update({ where: { id: orderId }, data: { status: 'CANCELLED', cancelledAt: now } });
      await returnOrderPointsTx(tx, orderId, now);
      const paid = order.status === 'PAID';
      const releasedUnits = paid ? 0 : await releaseHoldsTx(tx, [orderId]);
      const restockedUnits = paid ? await restockConsumedHoldsTx(tx, orderId) : 0;
      const provider = order.paymentProvider ? getPaymentProvider(order.paymentProvider) : null;
      const payment = { id: order.id, paymentIntentId: order.paymentIntentId };
      try {
        if (paid && provider) await provider.refund(payment);
        if (order.status === 'PENDING' && order.paymentProvider === 'STRIPE' && order.paymentIntentId && provider)
          await provider.cancel(payment);
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
