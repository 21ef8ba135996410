import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../helpers/db';
import { deliverMessages } from '../helpers/messages';
import { startStripeApiDouble, type Call, type StripeApiDouble } from '../helpers/stripe-api-double';
import { cookiesMock, device, insertUser, json, signedInJar } from './cart-fixtures';
import { deliveryInput, ids, insertCheckoutWorld, pickupInput, stockAt } from './orders-fixtures';

vi.mock('next/headers', () => cookiesMock());

// The real SDK talks over HTTP to the stand-in of Stripe's API (tests/helpers/stripe-api-double.ts), which records
// each call with its idempotency key and, like Stripe, answers a repeated key with the first response.
let double: StripeApiDouble;
let calls: Call[] = [];

const secret = 'whsec_test_secret';
const { db } = await createTestDatabase();
const { env } = await import('@/lib/env');
const { placeOrder } = await import('@/lib/checkout/place-order');
const { getPaymentProvider } = await import('@/lib/payments/providers');
const { POST } = await import('@/app/api/webhooks/stripe/route');
const linesRoute = await import('@/app/api/v1/cart/lines/route');
const cartRoute = await import('@/app/api/v1/cart/route');
const checkoutRoute = await import('@/app/api/v1/checkout/route');

beforeAll(async () => {
  double = await startStripeApiDouble();
  calls = double.calls;
  // lib/env is parsed once per process; the test switches Stripe on for this file only.
  Object.assign(env, {
    STRIPE_SECRET_KEY: 'sk_test_double',
    NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_test_double',
    stripeEnabled: true,
    STRIPE_WEBHOOK_SECRET: secret,
    STRIPE_API_BASE: double.url,
  });
  await insertCheckoutWorld(db);
});
afterAll(() => double.close());

let events = 0;
function eventFor(type: string, intentId: string, orderId: string, id = `evt_test_${++events}`) {
  return JSON.stringify({
    id,
    object: 'event',
    type,
    api_version: '2025-01-01',
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: intentId, object: 'payment_intent', metadata: { orderId } } },
  });
}

function deliver(payload: string, signWith = secret) {
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: signWith });
  return POST(
    new Request('http://localhost/api/webhooks/stripe', {
      method: 'POST',
      headers: { 'stripe-signature': signature, 'content-type': 'application/json' },
      body: payload,
    }),
  );
}

async function stripeOrder(variantId: string = ids.jacket) {
  const { order } = await placeOrder({ ...pickupInput([{ variantId, quantity: 1 }]), paymentProvider: 'STRIPE' });
  const start = await getPaymentProvider('STRIPE').createPayment(order);
  if (start.provider !== 'STRIPE') throw new Error('expected a Stripe payment');
  return { order, intentId: start.paymentIntentId, clientSecret: start.clientSecret };
}

describe('Stripe payments', () => {
  it('creates a PaymentIntent for the server-computed total with automatic payment methods and an idempotency key', async () => {
    const { order } = await placeOrder({ ...deliveryInput([{ variantId: ids.jacket, quantity: 1 }]), paymentProvider: 'STRIPE' });
    const start = await getPaymentProvider('STRIPE').createPayment(order);
    expect(start).toMatchObject({
      provider: 'STRIPE',
      status: 'requires_payment',
      clientSecret: expect.stringMatching(/^pi_[0-9a-f]+_secret_/),
    });
    const call = calls.find((c) => c.path === '/v1/payment_intents' && c.form.get('metadata[orderId]') === order.id)!;
    expect(call.form.get('amount')).toBe('4950');
    expect(call.form.get('currency')).toBe('gbp');
    expect(call.form.get('automatic_payment_methods[enabled]')).toBe('true');
    expect(call.idempotencyKey).toBe(`order-${order.id}-create`);
    const stored = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { paymentIntentId: true, paymentProvider: true } });
    expect(stored).toEqual({ paymentIntentId: (start as { paymentIntentId: string }).paymentIntentId, paymentProvider: 'STRIPE' });
  });
});

describe('POST /api/webhooks/stripe', () => {
  it('marks the order paid once when the same event arrives five times at once', async () => {
    const { order, intentId } = await stripeOrder();
    const before = await stockAt(db, ids.jacket);
    const payload = eventFor('payment_intent.succeeded', intentId, order.id);
    const responses = await Promise.all(Array.from({ length: 5 }, () => deliver(payload)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const results = (await Promise.all(responses.map((r) => r.json() as Promise<{ result: string }>))).map((b) => b.result).sort();
    expect(results).toEqual(['applied', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).toEqual({ status: 'PAID' });
    expect(await stockAt(db, ids.jacket)).toEqual({ onHand: before.onHand - 1, reserved: before.reserved - 1 });
    expect(await db.paymentEvent.count({ where: { orderId: order.id } })).toBe(1);

    // A failure reported after the success (out of order) changes nothing and cancels nothing at Stripe.
    const late = await deliver(eventFor('payment_intent.payment_failed', intentId, order.id));
    expect(late.status).toBe(200);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).toEqual({ status: 'PAID' });
    expect(await stockAt(db, ids.jacket)).toEqual({ onHand: before.onHand - 1, reserved: before.reserved - 1 });
    expect(calls.some((c) => c.path === `/v1/payment_intents/${intentId}/cancel`)).toBe(false);
  });

  it('releases the hold on a failed payment, cancels the intent, and refunds a success that arrives afterwards', async () => {
    const { order, intentId } = await stripeOrder(ids.boots);
    expect(await stockAt(db, ids.boots)).toEqual({ onHand: 1, reserved: 1 });
    expect((await deliver(eventFor('payment_intent.payment_failed', intentId, order.id))).status).toBe(200);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).toEqual({ status: 'CANCELLED' });
    expect(await stockAt(db, ids.boots)).toEqual({ onHand: 1, reserved: 0 });
    expect(calls.filter((c) => c.path === `/v1/payment_intents/${intentId}/cancel`).map((c) => c.idempotencyKey)).toEqual([
      `order-${order.id}-cancel`,
    ]);

    expect((await deliver(eventFor('payment_intent.succeeded', intentId, order.id))).status).toBe(200);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).toEqual({ status: 'CANCELLED' });
    expect(await stockAt(db, ids.boots)).toEqual({ onHand: 1, reserved: 0 });
    const refunds = calls.filter((c) => c.path === '/v1/refunds' && c.form.get('payment_intent') === intentId);
    expect(refunds.map((c) => c.idempotencyKey)).toEqual([`order-${order.id}-refund`]);
  });

  it('answers a forged or altered event with 400 and writes nothing', async () => {
    const { order, intentId } = await stripeOrder();
    const eventsBefore = await db.paymentEvent.count();
    const forged = await deliver(eventFor('payment_intent.succeeded', intentId, order.id), 'whsec_someone_else');
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ error: { code: 'bad_signature' } });

    const genuine = eventFor('payment_intent.succeeded', intentId, order.id);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload: genuine, secret });
    const altered = await POST(
      new Request('http://localhost/api/webhooks/stripe', {
        method: 'POST',
        headers: { 'stripe-signature': signature },
        body: genuine.replace(intentId, 'pi_other'),
      }),
    );
    expect(altered.status).toBe(400);
    const unsigned = await POST(new Request('http://localhost/api/webhooks/stripe', { method: 'POST', body: genuine }));
    expect(unsigned.status).toBe(400);

    expect(await db.paymentEvent.count()).toBe(eventsBefore);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).toEqual({ status: 'PENDING' });
  });

  it('acknowledges event types outside the allowlist without acting on them', async () => {
    const { order, intentId } = await stripeOrder();
    const response = await deliver(eventFor('charge.succeeded', intentId, order.id));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, result: 'ignored' });
    expect(await db.paymentEvent.count({ where: { orderId: order.id } })).toBe(0);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).toEqual({ status: 'PENDING' });
  });
});

describe('checkout through the API with Stripe', () => {
  it('creates the intent once per order, and a paid webhook (five times over) empties the bag and e-mails the pickup code once', async () => {
    const shopper = device(await signedInJar(await insertUser(db, 'stripe-buyer@example.com')));
    expect(
      (await shopper.call(() => linesRoute.POST(json('POST', '/api/v1/cart/lines', { variantId: ids.jacket, quantity: 1 })))).status,
    ).toBe(201);
    const res = await shopper.call(() =>
      checkoutRoute.POST(
        json('POST', '/api/v1/checkout', {
          email: 'stripe-buyer@example.com',
          fulfilment: 'PICKUP',
          pickupLocationId: ids.store,
          totalMinor: 1,
        }),
      ),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      order: { id: string; totalMinor: number };
      payment: { provider: string; clientSecret: string; paymentIntentId: string };
      pickupCode: string;
    };
    expect(body.payment).toMatchObject({ provider: 'STRIPE', clientSecret: expect.stringMatching(/_secret_/) });
    const created = calls.filter((c) => c.path === '/v1/payment_intents' && c.form.get('metadata[orderId]') === body.order.id);
    expect(created.map((c) => [c.idempotencyKey, c.form.get('amount')])).toEqual([[`order-${body.order.id}-create`, '4500']]);

    const payload = eventFor('payment_intent.succeeded', body.payment.paymentIntentId, body.order.id);
    const deliveries = await Promise.all(Array.from({ length: 5 }, () => deliver(payload)));
    expect(deliveries.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await db.order.findUniqueOrThrow({ where: { id: body.order.id }, select: { status: true } })).toEqual({ status: 'PAID' });
    const cart = (await (await shopper.call(() => cartRoute.GET(json('GET', '/api/v1/cart')))).json()) as { cart: { lines: unknown[] } };
    expect(cart.cart.lines).toEqual([]);
    // The webhook sends the confirmation as the order becomes paid, with the code the shopper's page shows (the
    // order keeps it sealed), not a replacement; a page view sends nothing.
    // Its worker composes and sends it (lib/jobs): five deliveries, one e-mail.
    await deliverMessages();
    const mail = await db.outboxMessage.findMany({ where: { to: 'stripe-buyer@example.com' } });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain(`Your pickup code: ${body.pickupCode}`);
  });

  it('releases the hold and answers 502 when Stripe cannot start the payment', async () => {
    const shopper = device();
    expect(
      (await shopper.call(() => linesRoute.POST(json('POST', '/api/v1/cart/lines', { variantId: ids.lastFive, quantity: 2 })))).status,
    ).toBe(201);
    const before = await stockAt(db, ids.lastFive);
    const res = await shopper.call(() =>
      checkoutRoute.POST(
        json('POST', '/api/v1/checkout', { email: 'stripe-down@example.com', fulfilment: 'PICKUP', pickupLocationId: ids.store }),
      ),
    );
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: { code: 'payment_unavailable' } });
    expect(await stockAt(db, ids.lastFive)).toEqual(before);
    expect(await db.order.findFirstOrThrow({ where: { email: 'stripe-down@example.com' }, select: { status: true } })).toEqual({
      status: 'CANCELLED',
    });
  });
});
