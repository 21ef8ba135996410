import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cookiesMock, device, insertUser, json, signedInJar, type Device } from './cart-fixtures';
import { ids, insertCheckoutWorld, stockAt } from './orders-fixtures';
import { demoPaymentsOnly } from '../helpers/orders';
import { deliverMessages } from '../helpers/messages';

vi.mock('next/headers', () => cookiesMock());

const { createTestDatabase } = await import('../helpers/db');
const { db } = await createTestDatabase();
const { env } = await import('@/lib/env');
const { cartChannel, subscribeEvent } = await import('@/lib/events');
const { startCheckout } = await import('@/lib/checkout/checkout');
const { rememberReceipt } = await import('@/lib/orders/receipts');
const { adjustPoints } = await import('@/lib/loyalty/adjust');
const { readGuestCartId } = await import('@/lib/cart/request');
const linesRoute = await import('@/app/api/v1/cart/lines/route');
const cartRoute = await import('@/app/api/v1/cart/route');
const checkoutRoute = await import('@/app/api/v1/checkout/route');
const demoRoute = await import('@/app/api/v1/checkout/demo-payment/route');
const openApiRoute = await import('@/app/api/v1/openapi.json/route');

const PHONE_UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';
const lastOne = 'var_last1';

beforeAll(async () => {
  // The embedded default: no Stripe keys, demo mode on.
  await demoPaymentsOnly();
  await insertCheckoutWorld(db, { jacketsAtStore: 50 });
  await db.variant.create({ data: { id: lastOne, productId: 'prod_o', sku: 'TJ-XL', size: 'XL', priceMinor: 3000 } });
  await db.stock.create({ data: { variantId: lastOne, locationId: ids.store, onHand: 1 } });
});

type CheckoutBody = {
  order: {
    id: string;
    number: string;
    status: string;
    totalMinor: number;
    subtotalMinor: number;
    shippingMinor: number;
    holdExpiresAt: string;
  };
  payment: { provider: string };
  pickupCode: string | null;
};
type ErrorBody = { error: { code: string; message: string; lines?: { variantId: string; available: number }[] } };

let emails = 0;
const email = (label: string) => `${label}-${++emails}@example.com`;
async function addToBag(d: Device, variantId: string, quantity: number) {
  const res = await d.call(() => linesRoute.POST(json('POST', '/api/v1/cart/lines', { variantId, quantity })));
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
}
const checkout = (d: Device, body: unknown, headers: Record<string, string> = {}) =>
  d.call(() => checkoutRoute.POST(json('POST', '/api/v1/checkout', body, { 'user-agent': PHONE_UA, ...headers })));
const pay = (d: Device, orderId: string, outcome: string) =>
  d.call(() => demoRoute.POST(json('POST', '/api/v1/checkout/demo-payment', { orderId, outcome })));
const pickup = (label: string) => ({ email: email(label), fulfilment: 'PICKUP', pickupLocationId: ids.store });
const orderRow = (id: string) =>
  db.order.findUniqueOrThrow({
    where: { id },
    select: { status: true, channel: true, cartId: true, totalMinor: true, confirmationSentAt: true, email: true, userId: true },
  });
const cartLines = async (d: Device) =>
  (
    (await (await d.call(() => cartRoute.GET(json('GET', '/api/v1/cart')))).json()) as {
      cart: { lines: { variantId: string; quantity: number }[] };
    }
  ).cart.lines;
const counts = async () => ({
  orders: await db.order.count(),
  holds: await db.stockHold.count(),
  buckets: await db.rateLimitBucket.count(),
  events: await db.paymentEvent.count(),
});

describe('POST /api/v1/checkout', () => {
  it('places a guest pickup order from the bag at server prices, ignoring any price or total the client sends', async () => {
    const guest = device();
    await addToBag(guest, ids.jacket, 2);
    const res = await checkout(guest, {
      ...pickup('tamper'),
      totalMinor: 1,
      subtotalMinor: 1,
      priceMinor: 1,
      discountMinor: 9000,
      shippingMinor: -450,
      lines: [{ variantId: ids.jacket, quantity: 2, unitPriceMinor: 1 }],
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as CheckoutBody;
    expect(body.order).toMatchObject({ status: 'PENDING', subtotalMinor: 9000, shippingMinor: 0, totalMinor: 9000 });
    expect(body.payment).toMatchObject({ provider: 'DEMO' });
    expect(body.pickupCode).toMatch(/^[A-Z2-9]{6}$/);
    const row = await orderRow(body.order.id);
    expect(row).toMatchObject({ status: 'PENDING', channel: 'WEB_MOBILE', totalMinor: 9000 });
    expect(row.cartId).toBeTruthy();
    expect(await stockAt(db, ids.jacket)).toEqual({ onHand: 50, reserved: 2 });
    expect(guest.jar.get('nw_receipts')?.value).toBeTruthy();
  });

  it('refuses bad bodies with 400 and writes nothing', async () => {
    const guest = device();
    await addToBag(guest, ids.jacket, 1);
    const before = await counts();
    const stockBefore = await stockAt(db, ids.jacket);
    const address = { name: 'Sam', line1: '2 Low Rd', city: 'London', postcode: 'E1 6AN' };
    const bad: [string, unknown][] = [
      ['malformed JSON', '{"email":'],
      ['array', [1]],
      ['no e-mail', { fulfilment: 'PICKUP', pickupLocationId: ids.store }],
      ['bad e-mail', { ...pickup('x'), email: 'not-an-email' }],
      ['no fulfilment', { email: email('x') }],
      ['unknown fulfilment', { email: email('x'), fulfilment: 'DRONE' }],
      ['pickup without store', { email: email('x'), fulfilment: 'PICKUP' }],
      ['delivery without address', { email: email('x'), fulfilment: 'DELIVERY' }],
      ['delivery with empty street', { email: email('x'), fulfilment: 'DELIVERY', shippingAddress: { ...address, line1: ' ' } }],
      ['pay at pickup for delivery', { email: email('x'), fulfilment: 'DELIVERY', shippingAddress: address, payment: 'pay_at_pickup' }],
      ['unknown payment', { ...pickup('x'), payment: 'iou' }],
      ['huge discount code', { ...pickup('x'), discountCode: 'X'.repeat(500) }],
    ];
    for (const [name, body] of bad) {
      const res = await checkout(guest, body);
      expect(res.status, name).toBe(400);
      expect(((await res.json()) as ErrorBody).error.code, name).toBe('bad_request');
    }
    const empty = await checkout(device(), pickup('empty'));
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as ErrorBody).error.code).toBe('empty_order');
    expect(await counts()).toEqual(before);
    expect(await stockAt(db, ids.jacket)).toEqual(stockBefore);
  });

  it('answers 409 with the short lines when the store has too few, writing nothing, and delivery still works', async () => {
    const guest = device();
    await addToBag(guest, ids.boots, 2);
    const before = await counts();
    const res = await checkout(guest, pickup('short'));
    expect(res.status).toBe(409);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('out_of_stock');
    expect(body.error.lines).toEqual([expect.objectContaining({ variantId: ids.boots, available: 1 })]);
    expect({ ...(await counts()), buckets: before.buckets }).toEqual(before);

    const delivery = await checkout(
      guest,
      {
        email: email('short'),
        fulfilment: 'DELIVERY',
        shippingAddress: { name: 'Sam', line1: '2 Low Rd', city: 'London', postcode: 'e1 6an' },
      },
      { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64)' },
    );
    expect(delivery.status).toBe(201);
    const placed = (await delivery.json()) as CheckoutBody;
    expect(placed.order).toMatchObject({ subtotalMinor: 16000, shippingMinor: 0 });
    expect((await orderRow(placed.order.id)).channel).toBe('WEB_DESKTOP');
    expect(await stockAt(db, ids.boots, ids.warehouse)).toEqual({ onHand: 50, reserved: 2 });
  });

  it('takes a demo payment: stock sold, bag emptied on every device, confirmation e-mailed with the pickup code', async () => {
    const shopper = await insertUser(db, 'paying@example.com');
    const phone = device(await signedInJar(shopper));
    const laptop = device(await signedInJar(shopper));
    await addToBag(phone, ids.jacket, 1);
    await addToBag(phone, ids.lastFive, 1);
    const res = await checkout(phone, { ...pickup('paying'), email: 'paying@example.com' });
    const { order, pickupCode } = (await res.json()) as CheckoutBody;
    expect((await orderRow(order.id)).userId).toBe(shopper.id);
    const jacketBefore = await stockAt(db, ids.jacket);

    const cartId = (await orderRow(order.id)).cartId!;
    let hear: (payload: unknown) => void = () => {};
    const heard = new Promise((resolve) => (hear = resolve));
    await subscribeEvent(cartChannel(cartId), (payload) => hear(payload));
    expect(await (await pay(phone, order.id, 'requires_action')).json()).toMatchObject({ status: 'requires_action', changed: false });
    const paid = await pay(phone, order.id, 'succeed');
    expect(await paid.json()).toMatchObject({ status: 'PAID', changed: true });
    expect(await heard).toMatchObject({ type: 'cart.updated' });
    expect(await cartLines(laptop)).toEqual([]);
    expect(await stockAt(db, ids.jacket)).toEqual({ onHand: jacketBefore.onHand - 1, reserved: jacketBefore.reserved - 1 });
    await deliverMessages();
    const mail = await db.outboxMessage.findMany({ where: { to: 'paying@example.com' } });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain(pickupCode!);
    expect(mail[0]!.text).toContain(order.number);
    // A second tap is a duplicate: nothing moves, no second e-mail.
    expect(await (await pay(phone, order.id, 'succeed')).json()).toMatchObject({ status: 'PAID', changed: false });
    await deliverMessages();
    expect(await db.outboxMessage.count({ where: { to: 'paying@example.com' } })).toBe(1);
  });

  it('keeps bag lines added after the order, and what was added beyond the ordered quantity', async () => {
    const guest = device();
    await addToBag(guest, ids.jacket, 1);
    const { order } = (await (await checkout(guest, pickup('more'))).json()) as CheckoutBody;
    await addToBag(guest, ids.jacket, 1);
    await addToBag(guest, ids.lastFive, 1);
    expect((await pay(guest, order.id, 'succeed')).status).toBe(200);
    expect((await cartLines(guest)).map((l) => [l.variantId, l.quantity])).toEqual([
      [ids.jacket, 1],
      [ids.lastFive, 1],
    ]);
  });

  it('releases the hold on a declined payment and lets the shopper try again', async () => {
    const guest = device();
    await addToBag(guest, lastOne, 1);
    const first = (await (await checkout(guest, pickup('decline'))).json()) as CheckoutBody;
    expect(await stockAt(db, lastOne)).toEqual({ onHand: 1, reserved: 1 });
    expect(await (await pay(guest, first.order.id, 'decline')).json()).toMatchObject({ status: 'CANCELLED', changed: true });
    expect(await stockAt(db, lastOne)).toEqual({ onHand: 1, reserved: 0 });
    expect(await cartLines(guest)).toEqual([expect.objectContaining({ variantId: lastOne, quantity: 1 })]);

    // Trying again while an older checkout of the same bag is still pending does not compete with it.
    const second = (await (await checkout(guest, pickup('decline'))).json()) as CheckoutBody;
    const third = await checkout(guest, pickup('decline'));
    expect(third.status).toBe(201);
    expect((await orderRow(second.order.id)).status).toBe('CANCELLED');
    expect(await stockAt(db, lastOne)).toEqual({ onHand: 1, reserved: 1 });
    const thirdBody = (await third.json()) as CheckoutBody;
    expect((await pay(guest, thirdBody.order.id, 'decline')).status).toBe(200);
    expect(await stockAt(db, lastOne)).toEqual({ onHand: 1, reserved: 0 });
  });

  it('placing again from the same bag cancels the pending order first: its stock and its held points come back', async () => {
    const member = await insertUser(db, 'again-with-points@example.com');
    await adjustPoints({ userId: member.id, points: 1_000, idempotencyKey: 'test:again-with-points' });
    const phone = device(await signedInJar(member));
    await addToBag(phone, ids.jacket, 1);
    const before = await stockAt(db, ids.jacket);
    const form = { ...pickup('again'), email: 'again-with-points@example.com', points: 500 };
    const first = (await (await checkout(phone, form)).json()) as CheckoutBody;
    expect(await stockAt(db, ids.jacket)).toEqual({ onHand: before.onHand, reserved: before.reserved + 1 });
    const second = await checkout(phone, form);
    expect(second.status).toBe(201);
    expect((await orderRow(first.order.id)).status).toBe('CANCELLED');
    // One unit and 500 points held, by the second order only.
    expect(await stockAt(db, ids.jacket)).toEqual({ onHand: before.onHand, reserved: before.reserved + 1 });
    const ledger = await db.loyaltyEntry.findMany({ where: { account: { userId: member.id } }, orderBy: { createdAt: 'asc' } });
    expect(ledger.map((e) => [e.kind, e.points, e.orderId])).toEqual([
      ['ADJUST', 1_000, null],
      ['HOLD', -500, first.order.id],
      ['RELEASE', 500, first.order.id],
      ['HOLD', -500, ((await second.json()) as CheckoutBody).order.id],
    ]);
    expect(await db.loyaltyAccount.findUniqueOrThrow({ where: { userId: member.id } })).toMatchObject({ balance: 500 });
  });

  it('confirms a pay-at-pickup order at once, keeps its stock held and e-mails the code', async () => {
    const guest = device();
    await addToBag(guest, ids.lastFive, 1);
    const before = await stockAt(db, ids.lastFive);
    const res = await checkout(guest, { ...pickup('counter'), email: 'counter@example.com', payment: 'pay_at_pickup' });
    const body = (await res.json()) as CheckoutBody;
    expect(body.order.status).toBe('CONFIRMED');
    expect(body.payment).toEqual({ provider: 'PAY_AT_PICKUP', status: 'confirmed' });
    expect(await stockAt(db, ids.lastFive)).toEqual({ onHand: before.onHand, reserved: before.reserved + 1 });
    expect(await cartLines(guest)).toEqual([]);
    await deliverMessages();
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: 'counter@example.com' } });
    expect(mail.text).toContain(body.pickupCode!);
  });
});

describe('POST /api/v1/checkout/demo-payment', () => {
  it("gives 404 for another shopper's order, and for a guest device without its receipt, changing nothing", async () => {
    const alice = device(await signedInJar(await insertUser(db, 'alice-co@example.com')));
    const bob = device(await signedInJar(await insertUser(db, 'bob-co@example.com')));
    await addToBag(alice, ids.jacket, 1);
    const { order } = (await (await checkout(alice, pickup('alice'))).json()) as CheckoutBody;
    const guestWithOrder = device();
    await addToBag(guestWithOrder, ids.jacket, 1);
    const guestOrder = ((await (await checkout(guestWithOrder, pickup('guest'))).json()) as CheckoutBody).order;
    const eventsBefore = await db.paymentEvent.count();

    for (const [who, d, id] of [
      ['bob', bob, order.id],
      ['a stranger', device(), order.id],
      ['bob on a guest order', bob, guestOrder.id],
      ['alice on a guest order', alice, guestOrder.id],
      ['unknown id', alice, 'ord_nope'],
    ] as const) {
      for (const outcome of ['succeed', 'decline']) {
        const res = await pay(d, id, outcome);
        expect(res.status, `${who} ${outcome}`).toBe(404);
        expect(((await res.json()) as ErrorBody).error.code).toBe('order_not_found');
      }
    }
    expect((await orderRow(order.id)).status).toBe('PENDING');
    expect((await orderRow(guestOrder.id)).status).toBe('PENDING');
    expect(await db.paymentEvent.count()).toBe(eventsBefore);
    expect((await pay(alice, order.id, 'decline')).status).toBe(200);
    expect((await pay(guestWithOrder, guestOrder.id, 'decline')).status).toBe(200);
  });

  it('refuses bad bodies with 400', async () => {
    for (const body of [{}, { orderId: 'x' }, { orderId: 'x', outcome: 'steal' }, { orderId: '', outcome: 'succeed' }]) {
      const res = await device().call(() => demoRoute.POST(json('POST', '/api/v1/checkout/demo-payment', body)));
      expect(res.status).toBe(400);
    }
  });

  it('refuses to take payment once the hold has expired, releasing the stock', async () => {
    const guest = device();
    const other = device();
    await addToBag(guest, ids.scarce, 1);
    await addToBag(other, ids.scarce, 1);
    // The order was placed longer ago than the hold lasts (HOLD_MINUTES, 15 by default).
    const placedAt = new Date(Date.now() - (env.HOLD_MINUTES + 1) * 60_000);
    const result = await guest.call(async () => {
      const placed = await startCheckout(
        { user: null, cart: { kind: 'guest', cartId: await readGuestCartId() } },
        { email: email('late'), fulfilment: 'PICKUP', pickupLocationId: ids.store, payment: 'online' },
        { userAgent: PHONE_UA, clientIp: '203.0.113.9', now: placedAt },
      );
      await rememberReceipt({ id: placed.order.id, code: placed.pickupCode });
      return placed;
    });
    expect(await stockAt(db, ids.scarce)).toEqual({ onHand: 1, reserved: 1 });

    // Someone else asking for the same last unit gets it: the expired hold is released on the way.
    const otherRes = await checkout(other, pickup('other'));
    expect(otherRes.status).toBe(201);
    expect((await orderRow(result.order.id)).status).toBe('CANCELLED');
    // Paying now is refused with the reason, as the README says: 409 hold_expired (it answered 200 "CANCELLED").
    const late = await pay(guest, result.order.id, 'succeed');
    expect(late.status).toBe(409);
    expect(((await late.json()) as ErrorBody).error.code).toBe('hold_expired');
    expect((await orderRow(result.order.id)).status).toBe('CANCELLED');
    expect(await stockAt(db, ids.scarce)).toEqual({ onHand: 1, reserved: 1 });
    const otherOrder = ((await otherRes.json()) as CheckoutBody).order;
    expect((await pay(other, otherOrder.id, 'decline')).status).toBe(200);
  });

  it('answers hold_expired and releases the stock when the shopper pays after the hold ran out', async () => {
    const guest = device();
    await addToBag(guest, ids.scarce, 1);
    const { order } = (await (await checkout(guest, pickup('expired'))).json()) as CheckoutBody;
    expect(await stockAt(db, ids.scarce)).toEqual({ onHand: 1, reserved: 1 });
    // Time passes: the hold's end is moved into the past rather than waiting HOLD_MINUTES.
    await db.order.update({ where: { id: order.id }, data: { holdExpiresAt: new Date(Date.now() - 1000) } });
    const res = await pay(guest, order.id, 'succeed');
    expect(res.status).toBe(409);
    expect(((await res.json()) as ErrorBody).error.code).toBe('hold_expired');
    expect((await orderRow(order.id)).status).toBe('CANCELLED');
    expect(await stockAt(db, ids.scarce)).toEqual({ onHand: 1, reserved: 0 });
  });
});

describe('200 shoppers checking out the last unit at once', () => {
  it('holds it for exactly one, who is the only one paid; stock never goes below zero', async () => {
    await db.stock.update({
      where: { variantId_locationId: { variantId: lastOne, locationId: ids.store } },
      data: { onHand: 1, reserved: 0 },
    });
    const shoppers = Array.from({ length: 200 }, () => device());
    for (let i = 0; i < shoppers.length; i += 20) await Promise.all(shoppers.slice(i, i + 20).map((d) => addToBag(d, lastOne, 1)));
    const responses = await Promise.all(shoppers.map((d, i) => checkout(d, pickup(`rush${i}`))));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    const winner = responses.findIndex((r) => r.status === 201);
    const { order } = (await responses[winner]!.json()) as CheckoutBody;
    const paid = await Promise.all(shoppers.map((d) => pay(d, order.id, 'succeed')));
    expect(paid.filter((r) => r.status === 200)).toHaveLength(1);
    expect(await db.order.count({ where: { status: 'PAID', lines: { some: { variantId: lastOne } } } })).toBe(1);
    expect(await stockAt(db, lastOne)).toEqual({ onHand: 0, reserved: 0 });
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('describes both checkout routes with the bodies the handlers validate', async () => {
    const doc = (await (await openApiRoute.GET(json('GET', '/api/v1/openapi.json'))).json()) as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content: Record<string, { schema: { anyOf?: unknown[]; oneOf?: unknown[] } }> };
            responses: Record<string, unknown>;
          }
        >
      >;
    };
    const checkout = doc.paths['/api/v1/checkout']?.post;
    expect(Object.keys(checkout?.responses ?? {})).toEqual(expect.arrayContaining(['201', '400', '409', '429']));
    expect(JSON.stringify(checkout?.requestBody)).toContain('pickupLocationId');
    expect(JSON.stringify(checkout?.requestBody)).not.toContain('totalMinor');
    expect(JSON.stringify(doc.paths['/api/v1/checkout/demo-payment']?.post?.requestBody)).toContain('requires_action');
  });
});
