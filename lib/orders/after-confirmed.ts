import 'server-only';
import { recordOrderEvent } from '@/lib/analytics/record';
import { removeOrderedLines } from '@/lib/cart/checkout-lines';
import { db } from '@/lib/db';
import { enqueueCompose } from '@/lib/messaging/compose';
import { recordPaidOrder } from '@/lib/recommendations/service';
import { announcePickupChange } from '@/lib/pickup/events';

// Runs once an order has become PAID or CONFIRMED (the caller saw the transition happen): the bought lines
// leave the shopper's bag, a paid order feeds the recommendations, and the confirmation e-mail is queued: the worker
// composes it (order view, template, QR) and sends it, with the order's own sealed pickup code, so none of that work
// runs in the request (or the Stripe webhook's after()). Each step is safe to repeat, and one failing does not stop
// the others: the order itself is already settled (the sweeper sends an e-mail that failed here).
export async function onOrderConfirmed(orderId: string): Promise<void> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { status: true, cartId: true, pickupLocationId: true, lines: { select: { variantId: true, quantity: true } } },
  });
  if (!order || (order.status !== 'PAID' && order.status !== 'CONFIRMED')) return;
  if (order.status === 'PAID') recordOrderEvent('ORDER_PAID', orderId);
  const ordered = order.lines.flatMap((l) => (l.variantId ? [{ variantId: l.variantId, quantity: l.quantity }] : []));
  const steps: Promise<unknown>[] = [];
  if (order.cartId) steps.push(removeOrderedLines(order.cartId, ordered));
  if (order.status === 'PAID') steps.push(recordPaidOrder(orderId));
  steps.push(enqueueCompose({ kind: 'order_confirmation', orderId }));
  // A new order on the store's pickup queue appears on every open staff page.
  if (order.pickupLocationId) steps.push(announcePickupChange(order.pickupLocationId, orderId, 'TO_PICK'));
  const results = await Promise.all(
    steps.map((step) =>
      step.then(
        () => null,
        (error: unknown) => error,
      ),
    ),
  );
  for (const error of results) if (error) console.error('[orders] after-confirmation step failed', orderId, error);
}
