import 'server-only';
import { removeOrderedLines } from '@/lib/cart/checkout-lines';
import { db } from '@/lib/db';
import { recordPaidOrder } from '@/lib/recommendations/service';
import { sendOrderConfirmation } from '@/lib/orders/confirmation';

export type AfterConfirmedOptions = {
  // The Stripe webhook has no pickup code (only a hash is stored), so it leaves the e-mail to the confirmation
  // page, which reads the code from the shopper's receipts cookie.
  email?: boolean;
};

// Runs once an order has become PAID or CONFIRMED (the caller saw the transition happen): the bought lines
// leave the shopper's bag, a paid order feeds the recommendations, and the confirmation e-mail goes out.
// Each step is safe to repeat, and one failing does not stop the others: the order itself is already settled.
export async function onOrderConfirmed(orderId: string, pickupCode: string | null, { email = true }: AfterConfirmedOptions = {}): Promise<void> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { status: true, cartId: true, lines: { select: { variantId: true, quantity: true } } },
  });
  if (!order || (order.status !== 'PAID' && order.status !== 'CONFIRMED')) return;
  const ordered = order.lines.flatMap((l) => (l.variantId ? [{ variantId: l.variantId, quantity: l.quantity }] : []));
  const steps: Promise<unknown>[] = [];
  if (order.cartId) steps.push(removeOrderedLines(order.cartId, ordered));
  if (order.status === 'PAID') steps.push(recordPaidOrder(orderId));
  if (email) steps.push(sendOrderConfirmation(orderId, pickupCode));
  const results = await Promise.allSettled(steps);
  for (const r of results) if (r.status === 'rejected') console.error('[orders] after-confirmation step failed', orderId, r.reason);
}
