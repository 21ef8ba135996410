import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cookiesMock, device, json, type Device } from './cart-fixtures';
import { ids, insertCheckoutWorld, stockAt } from './orders-fixtures';
import { demoPaymentsOnly } from '../helpers/orders';

// One bag, one order: a double-submitted checkout (the same attempt sent twice or more at once, with or without an
// Idempotency-Key) makes exactly one order. Before this, 7 of 24 double-submitted pay-at-pickup checkouts became two
// confirmed orders.
vi.mock('next/headers', () => cookiesMock());

const { createTestDatabase } = await import('../helpers/db');
const { db } = await createTestDatabase();
const linesRoute = await import('@/app/api/v1/cart/lines/route');
const checkoutRoute = await import('@/app/api/v1/checkout/route');
const openApiRoute = await import('@/app/api/v1/openapi.json/route');

beforeAll(async () => {
  await demoPaymentsOnly();
  await insertCheckoutWorld(db, { jacketsAtStore: 100 });
});

type Placed = { order: { id: string; number: string; status: string }; payment: { provider: string }; pickupCode: string | null };

let n = 0;
async function bag(quantity = 1): Promise<Device> {
  const d = device();
  const res = await d.call(() => linesRoute.POST(json('POST', '/api/v1/cart/lines', { variantId: ids.jacket, quantity })));
  expect(res.status).toBe(201);
  return d;
}
const body = (payment: 'pay_at_pickup' | 'online') => ({
  email: `double-${++n}@example.com`,
  fulfilment: 'PICKUP',
  pickupLocationId: ids.store,
  payment,
});
const submit = (d: Device, b: unknown, key?: string) =>
  d.call(() => checkoutRoute.POST(json('POST', '/api/v1/checkout', b, key ? { 'Idempotency-Key': key } : {})));
async function ordersFrom(email: string) {
  return db.order.findMany({ where: { email }, select: { id: true, status: true } });
}

describe('a double-submitted pay-at-pickup checkout', () => {
  it('with the same Idempotency-Key, sent 8 times at once: one order, and every answer is that order with its code', async () => {
    const shopper = await bag(2);
    const form = body('pay_at_pickup');
    const responses = await Promise.all(Array.from({ length: 8 }, () => submit(shopper, form, 'attempt-0001-same-key')));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Placed[];
    const first = bodies[responses.findIndex((r) => r.status === 201)]!;
    expect(first.order.status).toBe('CONFIRMED');
    expect(first.pickupCode).toMatch(/^[A-Z2-9]{6}$/);
    for (const b of bodies) expect(b).toEqual(first);
    expect(responses.filter((r) => r.status === 200).every((r) => r.headers.get('Idempotent-Replayed') === 'true')).toBe(true);
    expect(await ordersFrom(form.email)).toEqual([{ id: first.order.id, status: 'CONFIRMED' }]);
    expect(await db.stockHold.aggregate({ where: { orderId: first.order.id }, _sum: { quantity: true } })).toEqual({
      _sum: { quantity: 2 },
    });
  });

  it('without a key, sent 8 times at once: one order; the others are told the bag is already ordered or has changed', async () => {
    const before = await stockAt(db, ids.jacket);
    const shopper = await bag(1);
    const form = body('pay_at_pickup');
    const responses = await Promise.all(Array.from({ length: 8 }, () => submit(shopper, form)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    const refusals = (await Promise.all(responses.filter((r) => r.status === 409).map((r) => r.json()))) as { error: { code: string } }[];
    expect(refusals.every((r) => ['already_placed', 'cart_changed'].includes(r.error.code))).toBe(true);
    expect((await ordersFrom(form.email)).map((o) => o.status)).toEqual(['CONFIRMED']);
    expect(await stockAt(db, ids.jacket)).toEqual({ onHand: before.onHand, reserved: before.reserved + 1 });
  });

  it('answers a retry after the first answer with the same order, and ignores a key another bag used', async () => {
    const shopper = await bag(1);
    const form = body('pay_at_pickup');
    const first = await submit(shopper, form, 'attempt-0002-retry');
    expect(first.status).toBe(201);
    const placed = (await first.json()) as Placed;
    const again = await submit(shopper, form, 'attempt-0002-retry');
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(placed);

    // Another shopper's bag with the same key is another attempt: its own order.
    const other = await bag(1);
    const theirs = await submit(other, body('pay_at_pickup'), 'attempt-0002-retry');
    expect(theirs.status).toBe(201);
    expect(((await theirs.json()) as Placed).order.id).not.toBe(placed.order.id);
  });

  it('refuses a malformed key with 400 and writes nothing', async () => {
    const shopper = await bag(1);
    const form = body('pay_at_pickup');
    const res = await submit(shopper, form, 'short');
    expect(res.status).toBe(400);
    expect(await ordersFrom(form.email)).toEqual([]);
  });
});

describe('a double-submitted online checkout', () => {
  it('with the same key, sent 6 times at once: one pending order, answered to all six with the same payment', async () => {
    const shopper = await bag(1);
    const form = body('online');
    const responses = await Promise.all(Array.from({ length: 6 }, () => submit(shopper, form, 'attempt-0003-online')));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Placed[];
    expect(new Set(bodies.map((b) => b.order.id)).size).toBe(1);
    expect(bodies.every((b) => b.payment.provider === 'DEMO' && b.order.status === 'PENDING')).toBe(true);
    expect(await ordersFrom(form.email)).toHaveLength(1);
  });

  it('after a declined payment, the same bag can be ordered again under a new key', async () => {
    const shopper = await bag(1);
    const form = body('online');
    const first = (await (await submit(shopper, form, 'attempt-0004-first')).json()) as Placed;
    await db.order.update({ where: { id: first.order.id }, data: { status: 'CANCELLED', cancelledAt: new Date() } });
    // The old attempt's key names a cancelled order: the page starts a new attempt.
    const stale = await submit(shopper, form, 'attempt-0004-first');
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('attempt_cancelled');
    const second = await submit(shopper, form, 'attempt-0004-second');
    expect(second.status).toBe(201);
  });
});

describe('OpenAPI', () => {
  it('documents the Idempotency-Key header and the repeat answer', async () => {
    const doc = (await (await openApiRoute.GET(json('GET', '/api/v1/openapi.json'))).json()) as {
      paths: Record<string, Record<string, { parameters: { name: string; in: string }[]; responses: Record<string, unknown> }>>;
    };
    const checkout = doc.paths['/api/v1/checkout']?.post;
    expect(checkout?.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
    expect(Object.keys(checkout?.responses ?? {})).toEqual(expect.arrayContaining(['200', '201', '409']));
  });
});
