import 'server-only';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Tx } from '@/lib/db/client';
import { AlreadyPlacedError, AttemptCancelledError, CartChangedError } from '@/lib/checkout/errors';
import { getPaymentProvider } from '@/lib/payments/providers';
import { currentPickupCode } from '@/lib/pickup/code';
import type { OrderStatus } from '@/lib/orders/types';
import { getOrderSummaryOrThrow } from '@/lib/orders/view';
import type { CheckoutResult } from '@/lib/checkout/checkout';

// One bag, one order. A checkout attempt carries an Idempotency-Key (the page makes one per attempt and sends it
// again when it retries that attempt): a repeat finds the attempt's order and answers with it. And whatever the
// key, the order is placed with the bag's row locked and its version checked, so a bag version that already became
// a confirmed or paid order is not ordered twice.

export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(8)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'An Idempotency-Key is 8–200 visible ASCII characters');

// Bound to the bag: the same key from another shopper names another attempt.
export function checkoutKeyFor(cartId: string, key: string): string {
  return createHash('sha256').update(`checkout:${cartId}:${key}`).digest('hex');
}

export const CHECKED_OUT: OrderStatus[] = ['CONFIRMED', 'PAID', 'READY_FOR_PICKUP', 'COMPLETED'];

export type BagLock = {
  // The attempt's earlier order (a repeat): nothing else was looked at.
  repeatOf: string | null;
  // Pending checkouts of this bag left behind (to cancel before holding again).
  leftovers: string[];
  // Orders whose holds on `stock` ran out (to release before holding).
  expiredOrderIds: string[];
};

// In the order's transaction, before anything is written: waits for any other checkout of this bag to commit, then
// answers the attempt's earlier order (a repeat), or refuses a bag that changed since it was read or whose version
// is already an order. One round trip (checkout_lock_bag, migration 20261207040000): the lock, then every look as a
// statement of its own, which sees what a checkout that held the lock before committed. The same look finds the
// bag's pending leftovers and the expired holds on `stock`.
export async function lockBagTx(
  tx: Tx,
  cart: { cartId: string; version: number },
  checkoutKey: string | null,
  stock: { locationId: string; variantIds: readonly string[] },
  now: Date,
): Promise<BagLock> {
  const [row] = await tx.$queryRaw<{ seen: LockLook }[]>`
    SELECT checkout_lock_bag(${cart.cartId}, ${cart.version}::int, ${checkoutKey}::text, ${CHECKED_OUT}::text[],
      ${stock.locationId}, ${[...stock.variantIds]}::text[], ${now}) AS "seen"`;
  const seen = row!.seen;
  const none = { leftovers: [], expiredOrderIds: [] };
  if (seen.attempt) return { repeatOf: seen.attempt, ...none };
  if (seen.version !== cart.version) throw new CartChangedError();
  if (seen.done) throw new AlreadyPlacedError(seen.done);
  return { repeatOf: null, leftovers: seen.leftovers, expiredOrderIds: seen.expired };
}

type LockLook = {
  version: number | null;
  attempt: string | null;
  done: { id: string; number: string } | null;
  leftovers: string[];
  expired: string[];
};

// The answer to a repeated attempt: the order as it is now, its payment as the provider gives it again (each is
// idempotent: Stripe returns the same PaymentIntent for the order's key, pay at pickup is already confirmed) and
// its pickup code. Nothing is e-mailed again.
export async function repeatCheckout(orderId: string): Promise<CheckoutResult> {
  const row = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { pickupCodeHash: true, pickupCodeSealed: true, paymentProvider: true },
  });
  const order = await getOrderSummaryOrThrow(orderId);
  if (order.status === 'CANCELLED' || !row.paymentProvider) throw new AttemptCancelledError(order);
  const payment = await getPaymentProvider(row.paymentProvider).createPayment(order);
  return { order, payment, pickupCode: currentPickupCode({ id: orderId, ...row }), repeated: true };
}
