import 'server-only';
import { recordOrderEvent } from '@/lib/analytics/record';
import { removeOrderedLines } from '@/lib/cart/checkout-lines';
import { db } from '@/lib/db';
import { recordPaidOrder } from '@/lib/recommendations/service';
import { sendOrderConfirmation } from '@/lib/orders/confirmation';
import { announcePickupChange } from '@/lib/pickup/events';

// Runs once an order has become PAID or CONFIRMED (the caller saw the transition happen): the bought lines
// leave the shopper's bag, a paid order feeds the recommendations, and the confirmation e-mail goes out (with the
// caller's pickup code, or the order's own sealed copy when the caller has none, as the Stripe webhook has not).
// Each step is safe to repeat, and one failing does not stop the others: the order itself is already settled (the
// sweeper sends an e-mail that failed here).
export async function onOrderConfirmed(orderId: string, pickupCode: string | null): Promise<void> {
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
  steps.push(sendOrderConfirmation(orderId, pickupCode));
  // A new order on the store's pickup queue appears on every open staff page.
  if (order.pickupLocationId) steps.push(announcePickupChange(order.pickupLocationId, orderId, 'TO_PICK'));
  const results = await Promise.allSettled(steps);
  for (const r of results) if (r.status === 'rejected') console.error('[orders] after-confirmation step failed', orderId, r.reason);
}
