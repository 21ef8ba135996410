import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cookiesMock, device, json, type Device } from './cart-fixtures';
import { ids, insertCheckoutWorld, pickupInput, stockAt } from './orders-fixtures';
import { insertStaff, signIn } from './staff-fixtures';
import { deliverMessages } from '../helpers/messages';

// The store's half of click and collect, through the route handlers as a handheld or the /staff page calls them.
vi.mock('next/headers', () => cookiesMock());

const { createTestDatabase } = await import('../helpers/db');
const { db } = await createTestDatabase();
const { env } = await import('@/lib/env');
const { placeOrder } = await import('@/lib/checkout/place-order');
const { confirmPayAtPickup, markPaid } = await import('@/lib/orders/transitions');
const { onOrderConfirmed } = await import('@/lib/orders/after-confirmed');
const { rememberReceipt } = await import('@/lib/orders/receipts');
const { subscribeEvent } = await import('@/lib/events');
const { storeQueueChannel } = await import('@/lib/pickup/events');
const { pickupProgress } = await import('@/lib/pickup/arrival');
const queueRoute = await import('@/app/api/v1/staff/stores/[storeId]/pickups/route');
const eventsRoute = await import('@/app/api/v1/staff/stores/[storeId]/events/route');
const orderRoute = await import('@/app/api/v1/staff/orders/[id]/route');
const pickRoute = await import('@/app/api/v1/staff/orders/[id]/pick/route');
const readyRoute = await import('@/app/api/v1/staff/orders/[id]/ready/route');
const handoverRoute = await import('@/app/api/v1/staff/orders/[id]/handover/route');
const arrivedRoute = await import('@/app/api/v1/orders/[id]/arrived/route');
const customerRoute = await import('@/app/api/v1/staff/orders/[id]/customer/route');
const openApiRoute = await import('@/app/api/v1/openapi.json/route');

let riverside: Device; // staff of the order's store
let outlet: Device; // staff of another store
let admin: Device;
let customer: Device;
let staffId: string;

beforeAll(async () => {
  Object.assign(env, { STRIPE_SECRET_KEY: undefined, stripeEnabled: false, demoMode: true, SMTP_URL: undefined });
  await insertCheckoutWorld(db);
  await db.stock.update({ where: { variantId_locationId: { variantId: ids.jacket, locationId: ids.store } }, data: { onHand: 100 } });
  const a = await insertStaff(db, 'staff.riverside@example.com', 'STAFF', [ids.store]);
  staffId = a.id;
  const b = await insertStaff(db, 'staff.outlet@example.com', 'STAFF', [ids.noPickup]);
  const c = await insertStaff(db, 'admin@example.com', 'ADMIN', []);
  const shopper = await db.user.create({ data: { email: 'shopper@example.com', name: 'Sam' }, select: { id: true, email: true } });
  riverside = device(await signIn(db, a, 'STAFF', [ids.store]));
  outlet = device(await signIn(db, b, 'STAFF', [ids.noPickup]));
  admin = device(await signIn(db, c, 'ADMIN'));
  customer = device(await signIn(db, shopper, 'CUSTOMER'));
});

const orderCtx = (id: string) => ({ params: Promise.resolve({ id }) });
const storeCtx = (storeId: string) => ({ params: Promise.resolve({ storeId }) });
const queue = (d: Device, storeId = ids.store, status = '') =>
  d.call(() =>
    queueRoute.GET(json('GET', `/api/v1/staff/stores/${storeId}/pickups${status ? `?status=${status}` : ''}`), storeCtx(storeId)),
  );
const events = (d: Device, storeId = ids.store) =>
  d.call(() => eventsRoute.GET(json('GET', `/api/v1/staff/stores/${storeId}/events`), storeCtx(storeId)));
const getOrder = (d: Device, id: string) => d.call(() => orderRoute.GET(json('GET', `/api/v1/staff/orders/${id}`), orderCtx(id)));
const pick = (d: Device, id: string, body: unknown) =>
  d.call(() => pickRoute.POST(json('POST', `/api/v1/staff/orders/${id}/pick`, body), orderCtx(id)));
const ready = (d: Device, id: string) => d.call(() => readyRoute.POST(json('POST', `/api/v1/staff/orders/${id}/ready`), orderCtx(id)));
const handover = (d: Device, id: string, body: unknown) =>
  d.call(() => handoverRoute.POST(json('POST', `/api/v1/staff/orders/${id}/handover`, body), orderCtx(id)));
const customerOf = (d: Device, id: string) =>
  d.call(() => customerRoute.GET(json('GET', `/api/v1/staff/orders/${id}/customer`), orderCtx(id)));
const arrived = (d: Device, id: string) => d.call(() => arrivedRoute.POST(json('POST', `/api/v1/orders/${id}/arrived`), orderCtx(id)));
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; [k: string]: unknown } }).error;
const orderStatus = async (id: string) => (await db.order.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
const audit = (orderId: string, action?: string) =>
  db.staffAuditEntry.findMany({ where: { orderId, ...(action ? { action } : {}) }, orderBy: { at: 'asc' } });

type Card = { id: string; status: string; lines: { id: string; picked: string | null }[]; payment: { kind: string; amountMinor?: number } };

// A pay-at-pickup order (CONFIRMED, stock held) or an order paid online (PAID), with the device that placed it.
async function order(kind: 'pay_at_pickup' | 'paid', quantity = 1) {
  const placed = await placeOrder(
    pickupInput(
      [
        { variantId: ids.jacket, quantity },
        { variantId: ids.boots, quantity: 1 },
      ],
      { paymentProvider: kind === 'paid' ? 'DEMO' : 'PAY_AT_PICKUP' },
    ),
  );
  if (kind === 'paid') await markPaid(placed.order.id);
  else await confirmPayAtPickup(placed.order.id);
  await db.stock.update({
    where: { variantId_locationId: { variantId: ids.boots, locationId: ids.store } },
    data: { onHand: { increment: 1 } },
  });
  const shopper = device();
  await shopper.call(() => rememberReceipt({ id: placed.order.id, code: placed.pickupCode, placed: true }));
  return { id: placed.order.id, code: placed.pickupCode!, totalMinor: placed.order.totalMinor, shopper };
}

async function readyOrder(kind: 'pay_at_pickup' | 'paid') {
  const o = await order(kind);
  const card = (await (await getOrder(riverside, o.id)).json()) as { order: Card };
  expect((await pick(riverside, o.id, { lines: card.order.lines.map((l) => ({ lineId: l.id, status: 'picked' })) })).status).toBe(200);
  expect((await ready(riverside, o.id)).status).toBe(200);
  return o;
}

describe('who may use the staff routes', () => {
  it('a signed-out caller gets 401 and a customer 403 on every staff route; another store’s associate 403 on the store and 404 on the order; nothing is written', async () => {
    const o = await order('pay_at_pickup');
    const anonymous = device();
    const calls = (d: Device) => [
      queue(d),
      events(d),
      getOrder(d, o.id),
      pick(d, o.id, { lines: [{ lineId: 'x', status: 'picked' }] }),
      ready(d, o.id),
      handover(d, o.id, { code: o.code, collectedBy: { kind: 'shopper' }, payment: { method: 'cash', amountMinor: o.totalMinor } }),
      customerOf(d, o.id),
    ];
    for (const res of await Promise.all(calls(anonymous))) expect(res.status).toBe(401);
    for (const res of await Promise.all(calls(customer))) expect(res.status).toBe(403);
    expect((await Promise.all(calls(outlet))).map((r) => r.status)).toEqual([403, 403, 404, 404, 404, 404, 404]);
    expect(await db.pickup.count({ where: { orderId: o.id } })).toBe(0);
    expect(await audit(o.id)).toHaveLength(0);
    expect(await orderStatus(o.id)).toBe('CONFIRMED');
    // The other store's own queue is theirs to read, and shows nothing of Riverside's.
    const theirs = await queue(outlet, ids.noPickup);
    expect(theirs.status).toBe(200);
    expect(((await theirs.json()) as { orders: Card[] }).orders).toEqual([]);
    // An admin acts for every store.
    expect((await getOrder(admin, o.id)).status).toBe(200);
  });

  it('an associate removed from the store loses access on the next request, whatever the session token says', async () => {
    const o = await order('paid');
    expect((await queue(riverside)).status).toBe(200);
    await db.staffAssignment.delete({ where: { userId_locationId: { userId: staffId, locationId: ids.store } } });
    try {
      expect((await queue(riverside)).status).toBe(403);
      expect((await events(riverside)).status).toBe(403);
      expect((await getOrder(riverside, o.id)).status).toBe(404);
      expect((await pick(riverside, o.id, { lines: [{ lineId: 'x', status: 'picked' }] })).status).toBe(404);
      expect(await db.pickup.count({ where: { orderId: o.id } })).toBe(0);
    } finally {
      await db.staffAssignment.create({ data: { userId: staffId, locationId: ids.store } });
    }
    expect((await queue(riverside)).status).toBe(200);
  });
});

describe('from the queue to the counter', () => {
  it('picks, marks ready (e-mail with the code), checks the shopper in, takes the payment and hands over', async () => {
    const seen: unknown[] = [];
    const unsubscribe = await subscribeEvent(storeQueueChannel(ids.store), (e) => seen.push(e));
    const o = await order('pay_at_pickup');
    await onOrderConfirmed(o.id);
    const before = await stockAt(db, ids.jacket);

    const toPick = (await (await queue(riverside, ids.store, 'to_pick')).json()) as { orders: Card[]; counts: Record<string, number> };
    const card = toPick.orders.find((c) => c.id === o.id)!;
    expect(card).toMatchObject({ status: 'TO_PICK', payment: { kind: 'due', amountMinor: o.totalMinor } });
    expect(toPick.counts.to_pick).toBeGreaterThanOrEqual(1);

    // Bad input is a 400 and writes nothing; a step out of order is a 422.
    expect((await pick(riverside, o.id, { lines: [{ lineId: 'not-a-line', status: 'picked' }] })).status).toBe(400);
    expect((await pick(riverside, o.id, { lines: [{ lineId: card.lines[0]!.id, status: 'grabbed' }] })).status).toBe(400);
    expect(await db.pickup.count({ where: { orderId: o.id } })).toBe(0);
    const early = await ready(riverside, o.id);
    expect(early.status).toBe(422);
    expect(await errorOf(early)).toMatchObject({ code: 'invalid_transition', from: 'TO_PICK', to: 'READY' });
    expect(await arrived(o.shopper, o.id).then((r) => r.status)).toBe(422);

    const first = await pick(riverside, o.id, { lines: [{ lineId: card.lines[0]!.id, status: 'picked' }] });
    expect(first.status).toBe(200);
    expect(((await first.json()) as { order: Card }).order).toMatchObject({ status: 'PICKING' });
    const notAll = await ready(riverside, o.id);
    expect(notAll.status).toBe(422);
    expect((await errorOf(notAll)).code).toBe('not_all_picked');
    expect((await pick(riverside, o.id, { lines: [{ lineId: card.lines[1]!.id, status: 'picked' }] })).status).toBe(200);
    expect((await ready(riverside, o.id)).status).toBe(200);
    expect(await orderStatus(o.id)).toBe('READY_FOR_PICKUP');
    expect((await ready(riverside, o.id)).status).toBe(422);

    await deliverMessages();
    const mail = await db.outboxMessage.findMany({ where: { to: 'shopper@example.com', subject: { contains: 'ready to collect' } } });
    expect(mail.filter((m) => m.text.includes(o.code))).toHaveLength(1);
    expect(mail.find((m) => m.text.includes(o.code))!.subject).toContain('Riverside');
    expect(mail.find((m) => m.text.includes(o.code))!.html).toContain('data:image/png;base64,');

    // "I'm here" from the device that placed the order (a stranger's device sees no such order).
    expect((await arrived(device(), o.id)).status).toBe(404);
    expect((await arrived(o.shopper, o.id)).status).toBe(200);
    const waiting = (await (await queue(riverside, ids.store, 'waiting')).json()) as { orders: Card[] };
    expect(waiting.orders.map((c) => c.id)).toContain(o.id);

    // Pay at pickup: the payment is required, for the exact total.
    const noPayment = await handover(riverside, o.id, { code: o.code, collectedBy: { kind: 'shopper' } });
    expect((await errorOf(noPayment)).code).toBe('payment_required');
    const short = await handover(riverside, o.id, {
      code: o.code,
      collectedBy: { kind: 'shopper' },
      payment: { method: 'card', amountMinor: o.totalMinor - 1 },
    });
    expect((await errorOf(short)).code).toBe('payment_mismatch');
    const wrong = await handover(riverside, o.id, {
      code: o.code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA',
      collectedBy: { kind: 'shopper' },
      payment: { method: 'card', amountMinor: o.totalMinor },
    });
    expect(wrong.status).toBe(422);
    expect(await errorOf(wrong)).toMatchObject({ code: 'wrong_code', attemptsLeft: 4 });
    expect(await orderStatus(o.id)).toBe('READY_FOR_PICKUP');

    const done = await handover(riverside, o.id, {
      code: o.code.toLowerCase(),
      collectedBy: { kind: 'proxy', name: 'Alex Friend' },
      payment: { method: 'card', amountMinor: o.totalMinor },
    });
    expect(done.status).toBe(200);
    expect(((await done.json()) as { order: Card }).order).toMatchObject({
      status: 'COLLECTED',
      payment: { kind: 'paid' },
      collectedBy: { kind: 'proxy', name: 'Alex Friend' },
    });
    const row = await db.order.findUniqueOrThrow({ where: { id: o.id }, select: { status: true, paidAt: true } });
    expect(row.status).toBe('COMPLETED');
    expect(row.paidAt).not.toBeNull();
    // The hold became a sale: on hand and reserved both drop by the order's quantity.
    expect(await stockAt(db, ids.jacket)).toEqual({ onHand: before.onHand - 1, reserved: before.reserved - 1 });
    expect(await db.stockHold.count({ where: { orderId: o.id, status: 'ACTIVE' } })).toBe(0);
    const pickup = await db.pickup.findUniqueOrThrow({ where: { orderId: o.id } });
    expect(pickup).toMatchObject({ handedOverById: staffId, collectedByKind: 'PROXY', paymentMethod: 'CARD', paymentMinor: o.totalMinor });
    expect((await pickupProgress(o.id))?.collected).toMatchObject({ storeName: 'Riverside' });

    const collected = (await (await queue(riverside, ids.store, 'collected')).json()) as { orders: Card[] };
    expect(collected.orders.map((c) => c.id)).toContain(o.id);
    expect((await audit(o.id)).map((e) => e.action).sort()).toEqual([
      'pickup.code_failed',
      'pickup.handover',
      'pickup.lines',
      'pickup.lines',
      'pickup.picking',
      'pickup.ready',
    ]);
    expect((await audit(o.id, 'pickup.handover'))[0]).toMatchObject({ actorId: staffId, locationId: ids.store });

    // Every step reached the store's channel: the new order, picking, ready, waiting, collected.
    await vi.waitFor(() =>
      expect(seen).toEqual(
        expect.arrayContaining(
          ['TO_PICK', 'PICKING', 'READY', 'WAITING', 'COLLECTED'].map((status) => ({ type: 'pickup.changed', orderId: o.id, status })),
        ),
      ),
    );
    unsubscribe();
  });

  it('an order paid online needs no payment at the counter and refuses one', async () => {
    const o = await readyOrder('paid');
    const refused = await handover(riverside, o.id, {
      code: o.code,
      collectedBy: { kind: 'shopper' },
      payment: { method: 'cash', amountMinor: o.totalMinor },
    });
    expect((await errorOf(refused)).code).toBe('payment_not_due');
    expect((await handover(riverside, o.id, { code: o.code, collectedBy: { kind: 'shopper' } })).status).toBe(200);
    expect(await orderStatus(o.id)).toBe('COMPLETED');
  });

  it('a bad handover body is a 400 and counts no attempt', async () => {
    const o = await readyOrder('paid');
    expect((await handover(riverside, o.id, { code: o.code, collectedBy: { kind: 'proxy' } })).status).toBe(400);
    expect((await handover(riverside, o.id, { code: 'XX' })).status).toBe(400);
    expect(await audit(o.id, 'pickup.code_failed')).toHaveLength(0);
  });
});

describe('the pickup code at the counter', () => {
  it('locks the order for 15 minutes after 5 wrong codes, even for the right one', async () => {
    const o = await readyOrder('paid');
    const wrongCode = o.code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push(await errorOf(await handover(riverside, o.id, { code: wrongCode, collectedBy: { kind: 'shopper' } })));
    expect(answers.map((a) => a.code)).toEqual(['wrong_code', 'wrong_code', 'wrong_code', 'wrong_code', 'code_locked']);
    const locked = await handover(riverside, o.id, { code: o.code, collectedBy: { kind: 'shopper' } });
    expect(locked.status).toBe(429);
    expect(await orderStatus(o.id)).toBe('READY_FOR_PICKUP');
    expect(await audit(o.id, 'pickup.locked')).toHaveLength(1);
    expect(await audit(o.id, 'pickup.code_failed')).toHaveLength(5);

    // 15 minutes later the lock is over and the right code works.
    await db.pickup.update({ where: { orderId: o.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    await db.staffAuditEntry.updateMany({
      where: { orderId: o.id, action: 'pickup.code_failed' },
      data: { at: new Date(Date.now() - 16 * 60_000) },
    });
    expect((await handover(riverside, o.id, { code: o.code, collectedBy: { kind: 'shopper' } })).status).toBe(200);
  });

  it('two associates handing over the same order at once: exactly one succeeds, the other is told it is collected', async () => {
    const o = await readyOrder('pay_at_pickup');
    const before = await stockAt(db, ids.jacket);
    const body = { code: o.code, collectedBy: { kind: 'shopper' }, payment: { method: 'cash', amountMinor: o.totalMinor } };
    const answers = await Promise.all([handover(riverside, o.id, body), handover(admin, o.id, body), handover(riverside, o.id, body)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const loser = answers.find((r) => r.status === 409)!;
    expect((await errorOf(loser)).code).toBe('already_collected');
    expect(await stockAt(db, ids.jacket)).toEqual({ onHand: before.onHand - 1, reserved: before.reserved - 1 });
    expect(await audit(o.id, 'pickup.handover')).toHaveLength(1);
  });
});

describe('the Problems tab', () => {
  it('lists an order made ready more than 2 days ago and not collected, and a late order still to pick', async () => {
    const waiting = await readyOrder('paid');
    const late = await order('paid');
    const tab = async () => ((await (await queue(riverside, ids.store, 'problems')).json()) as { orders: Card[] }).orders.map((c) => c.id);
    expect(await tab()).not.toContain(waiting.id);
    await db.pickup.update({ where: { orderId: waiting.id }, data: { readyAt: new Date(Date.now() - 3 * 24 * 60 * 60_000) } });
    // Paid long ago: its promised ready-by time has passed.
    await db.order.update({ where: { id: late.id }, data: { paidAt: new Date(Date.now() - 3 * 24 * 60 * 60_000) } });
    const problems = await tab();
    expect(problems).toContain(waiting.id);
    expect(problems).toContain(late.id);
  });
});

describe("a line the associate can't find", () => {
  it('keeps the order from being marked ready and lists it under Problems until the line is found', async () => {
    const o = await order('paid');
    const card = ((await (await getOrder(riverside, o.id)).json()) as { order: Card }).order;
    const [first, second] = card.lines;
    expect(
      (
        await pick(riverside, o.id, {
          lines: [
            { lineId: first!.id, status: 'picked' },
            { lineId: second!.id, status: 'short' },
          ],
        })
      ).status,
    ).toBe(200);
    const problems = ((await (await queue(riverside, ids.store, 'problems')).json()) as { orders: Card[] }).orders;
    expect(problems.find((c) => c.id === o.id)?.lines.map((l) => l.picked)).toEqual(['PICKED', 'SHORT']);
    expect((await errorOf(await ready(riverside, o.id))).code).toBe('not_all_picked');
    expect((await pick(riverside, o.id, { lines: [{ lineId: second!.id, status: 'picked' }] })).status).toBe(200);
    expect((await ready(riverside, o.id)).status).toBe(200);
    expect((await audit(o.id, 'pickup.lines'))[0]!.details).toMatchObject({ picked: [first!.id], short: [second!.id] });
  });
});

describe('the shopper seen from the counter', () => {
  it('shows contact details and the shopper’s orders across channels, and audits each look-up', async () => {
    const first = await order('paid');
    const second = await order('pay_at_pickup');
    const res = await customerOf(riverside, second.id);
    expect(res.status).toBe(200);
    const { customer } = (await res.json()) as {
      customer: { contact: { email: string }; orders: { id: string; channel: string }[]; openPickups: { id: string }[] };
    };
    expect(customer.contact.email).toBe('shopper@example.com');
    expect(customer.orders.map((o) => o.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(customer.orders.every((o) => o.channel === 'WEB_MOBILE')).toBe(true);
    expect(customer.openPickups.map((o) => o.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(await audit(second.id, 'customer.lookup')).toMatchObject([{ actorId: staffId, locationId: ids.store }]);
  });
});

describe('the OpenAPI document', () => {
  it('lists the staff routes and "I\'m here"', async () => {
    const doc = (await (await openApiRoute.GET(json('GET', '/api/v1/openapi.json'))).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/staff/stores/{storeId}/pickups',
        '/api/v1/staff/stores/{storeId}/events',
        '/api/v1/staff/orders/{id}',
        '/api/v1/staff/orders/{id}/pick',
        '/api/v1/staff/orders/{id}/ready',
        '/api/v1/staff/orders/{id}/handover',
        '/api/v1/staff/orders/{id}/customer',
        '/api/v1/orders/{id}/arrived',
      ]),
    );
    expect(doc.paths['/api/v1/staff/orders/{id}/handover']!.post).toBeTruthy();
  });
});
