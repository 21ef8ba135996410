import 'server-only';
import { db } from '@/lib/db';
import type { Tx } from '@/lib/db/client';
import type { OrderStatus } from '@/lib/generated/prisma/enums';
import { cancelPendingOrderTx, markPaidTx } from '@/lib/orders/transitions';
import { ORDER_TX } from '@/lib/db/tx-options';

export type PaymentOutcome = 'succeeded' | 'failed' | 'canceled';

export type PaymentEventInput = {
  eventId: string;
  type: string;
  outcome: PaymentOutcome;
  paymentIntentId?: string | null;
  orderId?: string | null;
};

type OrderRef = { id: string; paymentIntentId: string | null; paymentProvider: string | null };

export type AppliedEvent =
  | { result: 'duplicate' }
  | { result: 'unknown_order' }
  | { result: 'applied'; order: OrderRef; changed: boolean; status: OrderStatus; action: 'none' | 'refund' | 'cancel_payment' };

// Records the event id and moves its order in one transaction. A repeated event inserts nothing and changes
// nothing; a late or out-of-order one finds the order already past the state it would set and leaves it.
// `afterApply` runs inside the transaction (e.g. a Stripe refund): if it throws, nothing is recorded and the
// sender's retry gets another go.
export async function applyPaymentEvent(
  input: PaymentEventInput,
  afterApply?: (applied: Extract<AppliedEvent, { result: 'applied' }>) => Promise<void>,
): Promise<AppliedEvent> {
  return db.$transaction(
    async (tx) => {
      const order = await findOrder(tx, input);
      const inserted = await tx.$executeRaw`
        INSERT INTO "PaymentEvent" ("id", "type", "orderId", "receivedAt")
        VALUES (${input.eventId}, ${input.type}, ${order?.id ?? null}, now())
        ON CONFLICT ("id") DO NOTHING`;
      if (inserted === 0) return { result: 'duplicate' } as const;
      if (!order) return { result: 'unknown_order' } as const;
      const applied = await applyOutcomeTx(tx, order, input.outcome);
      if (afterApply && applied.action !== 'none') await afterApply(applied);
      return applied;
    },
    // Longer than ORDER_TX's: a refund or cancel call to Stripe may run inside it.
    { maxWait: ORDER_TX.maxWait, timeout: 60_000 },
  );
}

async function findOrder(tx: Tx, input: PaymentEventInput): Promise<OrderRef | null> {
  const select = { id: true, paymentIntentId: true, paymentProvider: true } as const;
  if (input.paymentIntentId) {
    const byIntent = await tx.order.findUnique({ where: { paymentIntentId: input.paymentIntentId }, select });
    if (byIntent) return byIntent;
  }
  if (!input.orderId) return null;
  const byId = await tx.order.findUnique({ where: { id: input.orderId }, select });
  // An order id from metadata only counts when the order is not tied to a different intent.
  if (!byId || (input.paymentIntentId && byId.paymentIntentId && byId.paymentIntentId !== input.paymentIntentId)) return null;
  return byId;
}

async function applyOutcomeTx(tx: Tx, order: OrderRef, outcome: PaymentOutcome): Promise<Extract<AppliedEvent, { result: 'applied' }>> {
  if (outcome === 'succeeded') {
    const { changed, status } = await markPaidTx(tx, order.id);
    // Money arrived for an order that was already cancelled (its hold expired or it was declined first).
    return { result: 'applied', order, changed, status, action: !changed && status === 'CANCELLED' ? 'refund' : 'none' };
  }
  const { changed, status } = await cancelPendingOrderTx(tx, order.id);
  // A failed intent could still be retried by the shopper's browser; cancel it so it can never succeed.
  return { result: 'applied', order, changed, status, action: changed && outcome === 'failed' ? 'cancel_payment' : 'none' };
}
