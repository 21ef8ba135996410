import 'server-only';
import { recordEvent, recordOrderEvent } from '@/lib/analytics/record';
import type { SessionUser } from '@/lib/auth/session';
import type { CartOwner } from '@/lib/cart/view';
import { db } from '@/lib/db';
import { completeDemoPayment } from '@/lib/payments/demo';
import type { DemoOutcome, PaymentStart } from '@/lib/payments/provider';
import { getPaymentProvider, paymentKindFor } from '@/lib/payments/providers';
import { describeRetry, type LimitName } from '@/lib/rate-limit';
import { readForCheckout } from '@/lib/checkout/checkout-read';
import { recordCheckoutConsentTx } from '@/lib/messaging/account-consent';
import { onOrderConfirmed } from '@/lib/orders/after-confirmed';
import { channelFromUserAgent } from '@/lib/orders/channel';
import { OrderError } from '@/lib/orders/errors';
import { cancelPendingOrdersTx, releaseHold } from '@/lib/orders/transitions';
import {
  assertOrderInput,
  priceFrom,
  writePendingOrder,
  type PlacedOrder,
  type PlaceOrderInput,
  type PricedOrder,
} from '@/lib/checkout/place-order';
import { checkoutKeyFor, lockBagTx, repeatCheckout } from '@/lib/checkout/attempts';
import { placeInOne, placesInOne } from '@/lib/checkout/place-one';
import type { Receipt } from '@/lib/orders/receipts';
import type { CheckoutBody } from '@/lib/checkout/schemas';
import { ORDER_TX } from '@/lib/db/tx-options';
import type { OrderStatus, OrderSummary } from '@/lib/orders/types';

export type CheckoutActor = { user: SessionUser | null; cart: CartOwner };
export type CheckoutContext = { userAgent: string | null; clientIp: string; now?: Date; idempotencyKey?: string | null };
// `repeated`: the answer to a repeat of an attempt (same Idempotency-Key), which found the order the first one placed.
export type CheckoutResult = { order: OrderSummary; payment: PaymentStart; pickupCode: string | null; repeated?: boolean };

function orderInput(
  actor: CheckoutActor,
  body: CheckoutBody,
  cart: { cartId: string; lines: PlaceOrderInput['lines'] },
  userAgent: string | null,
): PlaceOrderInput {
  const common = {
    lines: cart.lines,
    cartId: cart.cartId,
    email: body.email,
    userId: actor.user?.id ?? null,
    channel: channelFromUserAgent(userAgent),
    paymentProvider: paymentKindFor(body.payment),
    discountCode: body.discountCode ?? null,
    points: body.points ?? 0,
  };
  return body.fulfilment === 'PICKUP'
    ? { ...common, fulfilment: 'PICKUP', pickupLocationId: body.pickupLocationId }
    : { ...common, fulfilment: 'DELIVERY', shippingAddress: body.shippingAddress };
}

// Places the order for what is in the shopper's own bag (read here, never taken from the client) and starts
// its payment. A repeat of an attempt (same Idempotency-Key) answers with the attempt's order; a bag version that is
// already a confirmed or paid order is refused (lib/checkout/attempts.ts). A pending checkout left behind by the same
// bag is cancelled first, so a shopper retrying never competes with their own hold. Throws OrderError,
// OutOfStockError, TotalsError or a checkout error; a refusal writes nothing.
// Two statements in the common case (issue 21): the bag, the attempt, the limits and the prices read with one
// (lib/checkout/checkout-read.ts), the order placed with the other (lib/checkout/place-one.ts).
export async function startCheckout(actor: CheckoutActor, body: CheckoutBody, ctx: CheckoutContext): Promise<CheckoutResult> {
  const now = ctx.now ?? new Date();
  const limits: [LimitName, string][] = [
    ['checkoutEmail', body.email],
    ['checkoutIp', ctx.clientIp],
  ];
  const storeId = body.fulfilment === 'PICKUP' ? body.pickupLocationId : null;
  const read = await readForCheckout(actor.cart, ctx.idempotencyKey ?? null, limits, storeId);
  const { cart } = read;
  // A repeat that arrives once the attempt's order is written: answered without counting against the limits.
  if (read.attempt) return repeatCheckout(read.attempt);
  if (!cart?.lines.length) throw new OrderError('empty_order', 'Your bag is empty.');
  const checkoutKey = ctx.idempotencyKey ? checkoutKeyFor(cart.cartId, ctx.idempotencyKey) : null;
  const input = orderInput(actor, body, cart, ctx.userAgent);
  recordEvent({ type: 'CHECKOUT_STARTED', cartId: cart.cartId, customerId: actor.user?.id ?? null });
  if (read.limited && !read.limited.ok)
    throw new OrderError('rate_limited', `Too many orders in a short time. Try again in ${describeRetry(read.limited.retryAfterSeconds)}.`);

  // Priced before anything is written, so the database is held only for the writes.
  assertOrderInput(input);
  const priced = await priceFrom(db, input, read.pricing, now);
  const one = placesInOne(priced, body.consent) ? await placeInOne(input, priced, now, cart, checkoutKey) : null;
  if (one?.kind === 'repeat') return repeatCheckout(one.orderId);
  const written =
    one?.kind === 'placed' ? { placed: one.placed } : await placeInTransaction(actor, body, { input, priced, now, cart, checkoutKey });
  // A repeat that raced the first request: it waited for the bag's lock and found the attempt's order.
  if (written.placed === undefined) return repeatCheckout(written.repeatOf);
  const { placed } = written;
  const { order } = placed;
  recordOrderEvent('ORDER_PLACED', order.id, {}, { ...order, cartId: cart.cartId });

  let payment: PaymentStart;
  try {
    payment = await getPaymentProvider(input.paymentProvider).createPayment(placed.order);
  } catch (error) {
    // No way to pay means no reason to hold the stock.
    await releaseHold(placed.order.id);
    if (error instanceof OrderError) throw error;
    console.error('[checkout] could not start the payment', placed.order.id, error);
    throw new OrderError('payment_unavailable', 'We could not start the payment. Nothing was charged; please try again.');
  }
  // Pay at pickup: the order was written CONFIRMED, so the bag empties and the e-mail goes out now.
  if (payment.status === 'confirmed') await onOrderConfirmed(placed.order.id);
  return { order: placed.order, payment, pickupCode: placed.pickupCode };
}

type Placement = {
  input: PlaceOrderInput;
  priced: PricedOrder;
  now: Date;
  cart: { cartId: string; version: number };
  checkoutKey: string | null;
};

// The order with what one statement leaves to a transaction: a discount code, points, consent boxes, a leftover that
// held points. The bag is locked and looked at first (lib/checkout/attempts.ts).
function placeInTransaction(
  actor: CheckoutActor,
  body: CheckoutBody,
  { input, priced, now, cart, checkoutKey }: Placement,
): Promise<{ repeatOf: string; placed?: undefined } | { repeatOf?: undefined; placed: PlacedOrder }> {
  return db.$transaction(async (tx) => {
    const stock = { locationId: priced.location.id, variantIds: priced.lines.map((l) => l.variantId) };
    const { repeatOf, leftovers, expiredOrderIds } = await lockBagTx(tx, cart, checkoutKey, stock, now);
    if (repeatOf) return { repeatOf };
    await cancelPendingOrdersTx(tx, leftovers, now);
    const placed = await writePendingOrder(tx, input, priced, now, { checkoutKey, cartVersion: cart.version, expiredOrderIds });
    // Ticked boxes are kept with the order's e-mail address (a guest's choices follow them into an account).
    if (body.consent) await recordCheckoutConsentTx(tx, body.email, actor.user?.id ?? null, body.consent, now);
    return { placed };
  }, ORDER_TX);
}

export type DemoPaymentViewer = { user: SessionUser | null; receipt: Receipt | null };
export type DemoPaymentResponse = { status: OrderStatus | 'requires_action'; changed: boolean };

// The demo sheet's buttons, for the order's own shopper or the device holding its receipt (everyone else gets
// the same 404 as for an order that does not exist). A hold that ran out is released and the payment refused.
export async function payDemoOrder(
  viewer: DemoPaymentViewer,
  orderId: string,
  outcome: DemoOutcome,
  now: Date = new Date(),
): Promise<DemoPaymentResponse> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { userId: true, status: true, holdExpiresAt: true, cancelledAt: true },
  });
  const owns = Boolean(order && ((viewer.user && order.userId === viewer.user.id) || viewer.receipt?.id === orderId));
  if (!order || !owns) throw new OrderError('order_not_found', 'We could not find that order.');
  const expired = order.holdExpiresAt !== null && order.holdExpiresAt <= now;
  if (order.status === 'PENDING' && expired) await releaseHold(orderId, now);
  // Also when the sweeper or another checkout released it first (cancelled at or after the hold's end).
  const ranOut = order.status === 'CANCELLED' && order.holdExpiresAt && order.cancelledAt && order.cancelledAt >= order.holdExpiresAt;
  if ((order.status === 'PENDING' && expired) || ranOut) {
    throw new OrderError('hold_expired', 'The time to pay ran out and the items went back on the shelf. Nothing was charged.');
  }
  const result = await completeDemoPayment(orderId, outcome);
  if (result.changed && result.status === 'PAID') await onOrderConfirmed(orderId);
  return result;
}
