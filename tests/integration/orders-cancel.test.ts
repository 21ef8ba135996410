import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cookiesMock, device, insertUser, json, signedInJar, type Device } from './cart-fixtures';
import { deliveryInput, ids, insertCheckoutWorld, pickupInput, stockAt } from './orders-fixtures';
import { placeTestOrder } from '../helpers/orders';

vi.mock('next/headers', () => cookiesMock());

// A local stand-in for Stripe's refunds and cancels (the real SDK talks to it), recording idempotency keys.
// Like Stripe, it answers a repeated idempotency key with the first response and does no second refund.
type Call = { path: string; idempotencyKey: string | undefined };
const calls: Call[] = [];
let refuseNext = false;
const stripeDouble = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    const form = new URLSearchParams(body);
    if (refuseNext) {
      refuseNext = false;
      res.writeHead(400, { 'content-type': 'application/json' });
      return res.end(
        JSON.stringify({ error: { type: 'invalid_request_error', message: 'This PaymentIntent cannot be refunded right now.' } }),
      );
    }
    calls.push({ path: req.url ?? '', idempotencyKey: req.headers['idempotency-key'] as string | undefined });
    const cancel = (req.url ?? '').match(/^\/v1\/payment_intents\/([^/]+)\/cancel$/);
    const answer = cancel
      ? { id: cancel[1], object: 'payment_intent', status: 'canceled' }
      : { id: `re_${form.get('payment_intent')}`, object: 'refund', status: 'succeeded', payment_intent: form.get('payment_intent') };
    res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req_test' });
    res.end(JSON.stringify(answer));
  });
});

const { createTestDatabase } = await import('../helpers/db');
const { db } = await createTestDatabase();
const { env } = await import('@/lib/env');
const { placeOrder } = await import('@/lib/checkout/place-order');
const { markPaid } = await import('@/lib/orders/transitions');
const { rememberReceipt } = await import('@/lib/orders/receipts');
const cancelRoute = await import('@/app/api/v1/orders/[id]/cancel/route');

beforeAll(async () => {
  await new Promise<void>((resolve) => stripeDouble.listen(0, '127.0.0.1', resolve));
  const { port } = stripeDouble.address() as AddressInfo;
  Object.assign(env, {
    STRIPE_SECRET_KEY: 'sk_test_double',
    NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: undefined,
    stripeEnabled: false,
    demoMode: true,
    STRIPE_API_BASE: `http://127.0.0.1:${port}`,
  });
  await insertCheckoutWorld(db, { jacketsAtStore: 20 });
});
afterAll(() => new Promise<void>((resolve) => stripeDouble.close(() => resolve())));

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const cancel = (d: Device, id: string, headers: Record<string, string> = {}) =>
  d.call(() => cancelRoute.POST(json('POST', `/api/v1/orders/${id}/cancel`, undefined, headers), ctx(id)));
const statusOf = async (id: string) => (await db.order.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

async function guestOrder(quantity: number, { then, ...over }: Parameters<typeof pickupInput>[1] & { then?: 'paid' | 'confirmed' } = {}) {
  const placed = await placeTestOrder(pickupInput([{ variantId: ids.jacket, quantity }], over), { then });
  const guest = device();
  await guest.call(() => rememberReceipt({ id: placed.order.id, code: placed.pickupCode }));
  return { order: placed.order, guest };
}

describe('POST /api/v1/orders/{id}/cancel', () => {
  it('releases the hold of an order awaiting payment', async () => {
    const before = await stockAt(db, ids.jacket);
    const { order, guest } = await guestOrder(2);
    expect(await stockAt(db, ids.jacket)).toEqual({ onHand: before.onHand, reserved: before.reserved + 2 });
    const res = await cancel(guest, order.id);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      order: { status: 'CANCELLED', cancellable: false },
      cancellation: { previousStatus: 'PENDING', releasedUnits: 2, restockedUnits: 0, refunded: false },
    });
    expect(await stockAt(db, ids.jacket)).toEqual(before);
  });

  it("gives a paid order's stock back exactly once, however often it is cancelled", async () => {
    const { order, guest } = await guestOrder(3, { then: 'paid' });
    const paidStock = await stockAt(db, ids.jacket);
    const responses = await Promise.all([cancel(guest, order.id), cancel(guest, order.id), cancel(guest, order.id)]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 422, 422]);
    expect(await stockAt(db, ids.jacket)).toEqual({ onHand: paidStock.onHand + 3, reserved: paidStock.reserved });
    const again = await cancel(guest, order.id);
    expect(again.status).toBe(422);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('invalid_transition');
    expect(await stockAt(db, ids.jacket)).toEqual({ onHand: paidStock.onHand + 3, reserved: paidStock.reserved });
    expect(await db.stockHold.findMany({ where: { orderId: order.id }, select: { status: true } })).toEqual([{ status: 'RELEASED' }]);
  });

  it('releases a pay-at-pickup hold, and refuses once the store has the order ready', async () => {
    const { order, guest } = await guestOrder(1, { paymentProvider: 'PAY_AT_PICKUP', then: 'confirmed' });
    expect((await cancel(guest, order.id)).status).toBe(200);

    const ready = await guestOrder(1, { then: 'paid' });
    await db.order.update({ where: { id: ready.order.id }, data: { status: 'READY_FOR_PICKUP' } });
    const stock = await stockAt(db, ids.jacket);
    const res = await cancel(ready.guest, ready.order.id);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_cancellable');
    expect(await statusOf(ready.order.id)).toBe('READY_FOR_PICKUP');
    expect(await stockAt(db, ids.jacket)).toEqual(stock);
  });

  it('refunds a paid Stripe order with an idempotency key, and writes nothing when Stripe refuses', async () => {
    const shopper = await insertUser(db, 'stripe-cancel@example.com');
    const signedIn = device(await signedInJar(shopper));
    const placed = await placeOrder({
      ...deliveryInput([{ variantId: ids.boots, quantity: 2 }]),
      userId: shopper.id,
      email: shopper.email,
      paymentProvider: 'STRIPE',
    });
    await db.order.update({ where: { id: placed.order.id }, data: { paymentIntentId: 'pi_cancel_1' } });
    await markPaid(placed.order.id);
    const warehouse = await stockAt(db, ids.boots, ids.warehouse);

    refuseNext = true;
    const refused = await cancel(signedIn, placed.order.id);
    expect(refused.status).toBe(502);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('payment_unavailable');
    expect(await statusOf(placed.order.id)).toBe('PAID');
    expect(await stockAt(db, ids.boots, ids.warehouse)).toEqual(warehouse);

    const res = await cancel(signedIn, placed.order.id);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ cancellation: { previousStatus: 'PAID', restockedUnits: 2, refunded: true } });
    expect(calls.filter((c) => c.path === '/v1/refunds')).toEqual([
      { path: '/v1/refunds', idempotencyKey: `order-${placed.order.id}-refund` },
    ]);
    expect(await stockAt(db, ids.boots, ids.warehouse)).toEqual({ onHand: warehouse.onHand + 2, reserved: warehouse.reserved });
  });

  it('cancels the open Stripe payment of an order awaiting payment, so it can no longer succeed', async () => {
    const { order, guest } = await guestOrder(1, { paymentProvider: 'STRIPE' });
    await db.order.update({ where: { id: order.id }, data: { paymentIntentId: 'pi_cancel_2' } });
    expect((await cancel(guest, order.id)).status).toBe(200);
    expect(calls).toContainEqual({ path: '/v1/payment_intents/pi_cancel_2/cancel', idempotencyKey: `order-${order.id}-cancel` });
  });

  it('refuses a cross-site request', async () => {
    const { order, guest } = await guestOrder(1);
    expect((await cancel(guest, order.id, { origin: 'https://evil.example' })).status).toBe(403);
    expect(await statusOf(order.id)).toBe('PENDING');
  });
});
