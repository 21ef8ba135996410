import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deliverMessages } from '../helpers/messages';
import { startStripeApiDouble, type StripeApiDouble } from '../helpers/stripe-api-double';
import { cookiesMock, device, json, type Device } from './cart-fixtures';
import { ids, insertCheckoutWorld, pickupInput, stockAt } from './orders-fixtures';
import { insertStaff, signIn } from './staff-fixtures';

// A line the store can't find: the associate offers a substitute from the store's stock (or none), the shopper accepts
// or drops it from the order page, or the store's answer time runs out. Totals, stock holds and a paid order's refund
// follow, once, however many answers and sweepers race.
vi.mock('next/headers', () => cookiesMock());

const { createTestDatabase } = await import('../helpers/db');
const { db } = await createTestDatabase();
const { env } = await import('@/lib/env');
const { placeOrder } = await import('@/lib/checkout/place-order');
const { confirmPayAtPickup, markPaid } = await import('@/lib/orders/transitions');
const { rememberReceipt } = await import('@/lib/orders/receipts');
const { runOrderSweep } = await import('@/lib/orders/sweeper');
const { sweepSubstitutionTimeouts } = await import('@/lib/pickup/substitution-timeout');
const { storeSettings, updateStoreSettings } = await import('@/lib/pickup/store-settings');
const orderRoute = await import('@/app/api/v1/staff/orders/[id]/route');
const pickRoute = await import('@/app/api/v1/staff/orders/[id]/pick/route');
const readyRoute = await import('@/app/api/v1/staff/orders/[id]/ready/route');
const substitutesRoute = await import('@/app/api/v1/staff/orders/[id]/substitutes/route');
const answerRoute = await import('@/app/api/v1/orders/[id]/substitutions/[lineId]/route');
const openApiRoute = await import('@/app/api/v1/openapi.json/route');

const whOnly = 'var_wh_only'; // sold, but stocked only at the warehouse
let double: StripeApiDouble;
let riverside: Device;
let outlet: Device;
let staffId: string;
let outletStaffId: string;
const MIN = 60_000;

beforeAll(async () => {
  double = await startStripeApiDouble();
  Object.assign(env, { STRIPE_SECRET_KEY: 'sk_test_double', stripeEnabled: true, STRIPE_API_BASE: double.url, SMTP_URL: undefined });
  await insertCheckoutWorld(db);
  for (const variantId of [ids.jacket, ids.boots, ids.lastFive])
    await db.stock.update({ where: { variantId_locationId: { variantId, locationId: ids.store } }, data: { onHand: 100 } });
  await db.variant.create({ data: { id: whOnly, productId: 'prod_o', sku: 'TJ-XL', size: 'XL', priceMinor: 4000 } });
  await db.stock.create({ data: { variantId: whOnly, locationId: ids.warehouse, onHand: 20 } });
  const a = await insertStaff(db, 'staff.subs@example.com', 'STAFF', [ids.store]);
  const b = await insertStaff(db, 'staff.subs.outlet@example.com', 'STAFF', [ids.noPickup]);
  staffId = a.id;
  outletStaffId = b.id;
  riverside = device(await signIn(db, a, 'STAFF', [ids.store]));
  outlet = device(await signIn(db, b, 'STAFF', [ids.noPickup]));
});
afterAll(() => double.close());

const orderCtx = (id: string) => ({ params: Promise.resolve({ id }) });
const getOrder = (d: Device, id: string) => d.call(() => orderRoute.GET(json('GET', `/api/v1/staff/orders/${id}`), orderCtx(id)));
const pick = (d: Device, id: string, body: unknown) =>
  d.call(() => pickRoute.POST(json('POST', `/api/v1/staff/orders/${id}/pick`, body), orderCtx(id)));
const ready = (d: Device, id: string) => d.call(() => readyRoute.POST(json('POST', `/api/v1/staff/orders/${id}/ready`), orderCtx(id)));
const substitutes = (d: Device, id: string, lineId: string) =>
  d.call(() => substitutesRoute.GET(json('GET', `/api/v1/staff/orders/${id}/substitutes?lineId=${lineId}`), orderCtx(id)));
const answer = (d: Device, id: string, lineId: string, accept: boolean) =>
  d.call(() =>
    answerRoute.POST(json('POST', `/api/v1/orders/${id}/substitutions/${lineId}`, { accept }), {
      params: Promise.resolve({ id, lineId }),
    }),
  );
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error;
const refundsOf = (lineId: string) =>
  double.calls.filter((c) => c.path === '/v1/refunds' && c.idempotencyKey === `pickup-line-${lineId}-refund`);

type Card = {
  status: string;
  payment: { kind: string; amountMinor?: number };
  lines: { id: string; sku: string; picked: string | null; substitution?: { status: string; substitute: { sku: string } | null } | null }[];
};
const cardOf = async (id: string) => ((await (await getOrder(riverside, id)).json()) as { order: Card }).order;

// A pickup order of one jacket (£45) and one pair of boots (£80): to pay at the counter, or paid online through Stripe.
async function order(kind: 'pay_at_pickup' | 'stripe') {
  const email = `subs-${Math.random().toString(36).slice(2)}@example.com`;
  const placed = await placeOrder(
    pickupInput(
      [
        { variantId: ids.jacket, quantity: 1 },
        { variantId: ids.boots, quantity: 1 },
      ],
      { email, paymentProvider: kind === 'stripe' ? 'DEMO' : 'PAY_AT_PICKUP' },
    ),
  );
  const id = placed.order.id;
  if (kind === 'stripe') {
    await markPaid(id);
    const intent = `pi_${id}`;
    await db.order.update({ where: { id }, data: { paymentProvider: 'STRIPE', paymentIntentId: intent } });
    double.intents.set(intent, {
      id: intent,
      object: 'payment_intent',
      amount: placed.order.totalMinor,
      currency: 'gbp',
      status: 'succeeded',
      client_secret: `${intent}_secret`,
      receipt_email: email,
      metadata: { orderId: id },
      amount_refunded: 0,
    });
  } else {
    await confirmPayAtPickup(id);
  }
  const shopper = device();
  await shopper.call(() => rememberReceipt({ id, code: placed.pickupCode, placed: true }));
  const lines = await db.orderLine.findMany({ where: { orderId: id }, orderBy: { position: 'asc' }, select: { id: true } });
  const [jacket, boots] = lines.map((l) => l.id) as [string, string];
  return { id, email, shopper, jacket, boots, totalMinor: placed.order.totalMinor };
}

// The associate picks the jacket and can't find the boots, offering `substituteVariantId` (or nothing).
async function shortBoots(o: Awaited<ReturnType<typeof order>>, substituteVariantId?: string) {
  const res = await pick(riverside, o.id, {
    lines: [
      { lineId: o.jacket, status: 'picked' },
      { lineId: o.boots, status: 'short', ...(substituteVariantId ? { substituteVariantId } : {}) },
    ],
  });
  expect(res.status).toBe(200);
}

// E-mail goes out through the job queue: what is due is delivered first, then the development outbox is read.
async function mailsTo(to: string, subject: string) {
  await deliverMessages();
  return db.outboxMessage.count({ where: { to, subject: { contains: subject } } });
}

const totals = (id: string) =>
  db.order.findUniqueOrThrow({ where: { id }, select: { totalMinor: true, subtotalMinor: true, status: true } });

describe('proposing a substitute', () => {
  it('holds the substitute, e-mails the shopper, and refuses Mark ready until the shopper answers; accepting makes the line the substitute at no more than its price', async () => {
    const o = await order('pay_at_pickup');
    const [boots0, cheap0] = [await stockAt(db, ids.boots), await stockAt(db, ids.lastFive)];
    await shortBoots(o, ids.lastFive);
    expect(await stockAt(db, ids.lastFive)).toEqual({ ...cheap0, reserved: cheap0.reserved + 1 });
    const card = await cardOf(o.id);
    expect(card.lines.find((l) => l.id === o.boots)).toMatchObject({
      picked: 'SHORT',
      substitution: { status: 'PROPOSED', substitute: { sku: 'TJ-S' } },
    });
    expect(await mailsTo(o.email, "we can't find an item")).toBe(1);
    expect(await db.message.count({ where: { orderId: o.id, kind: 'substitution_request' } })).toBe(1);
    expect(await db.staffAuditEntry.count({ where: { orderId: o.id, action: 'pickup.substitute', actorId: staffId } })).toBe(1);

    const refused = await ready(riverside, o.id);
    expect(refused.status).toBe(422);
    expect(await errorOf(refused)).toMatchObject({ code: 'substitution_pending' });

    const res = await answer(o.shopper, o.id, o.boots, true);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      substitution: { status: 'ACCEPTED', original: { sku: 'TJ-L', unitPriceMinor: 8000 }, acceptPriceMinor: 2000 },
      order: { totalMinor: 4500 + 2000 },
    });
    const line = await db.orderLine.findUniqueOrThrow({ where: { id: o.boots } });
    expect(line).toMatchObject({ variantId: ids.lastFive, sku: 'TJ-S', unitPriceMinor: 2000 });
    expect(await totals(o.id)).toMatchObject({ totalMinor: 6500, subtotalMinor: 6500 });
    // The boots go back on the shelf; the substitute stays held for the order.
    expect(await stockAt(db, ids.boots)).toEqual({ ...boots0, reserved: boots0.reserved - 1 });
    expect(await stockAt(db, ids.lastFive)).toEqual({ ...cheap0, reserved: cheap0.reserved + 1 });
    // The counter takes the new total; the substitute is picked, so the order can be made ready.
    const after = await cardOf(o.id);
    expect(after.payment).toMatchObject({ kind: 'due', amountMinor: 6500 });
    expect(after.lines.find((l) => l.id === o.boots)).toMatchObject({ sku: 'TJ-S', picked: 'PICKED' });
    expect((await ready(riverside, o.id)).status).toBe(200);
  });

  it('a dearer substitute costs the shopper no more than the line did', async () => {
    const o = await order('pay_at_pickup');
    const res = await pick(riverside, o.id, { lines: [{ lineId: o.jacket, status: 'short', substituteVariantId: ids.boots }] });
    expect(res.status).toBe(200);
    expect((await answer(o.shopper, o.id, o.jacket, true)).status).toBe(200);
    expect(await db.orderLine.findUniqueOrThrow({ where: { id: o.jacket } })).toMatchObject({ sku: 'TJ-L', unitPriceMinor: 4500 });
    expect((await totals(o.id)).totalMinor).toBe(o.totalMinor);
  });

  it('declining drops the line: both holds go back and the total falls', async () => {
    const o = await order('pay_at_pickup');
    const [boots0, cheap0] = [await stockAt(db, ids.boots), await stockAt(db, ids.lastFive)];
    await shortBoots(o, ids.lastFive);
    const res = await answer(o.shopper, o.id, o.boots, false);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ substitution: { status: 'DECLINED' }, order: { totalMinor: 4500 } });
    expect(await db.orderLine.findUnique({ where: { id: o.boots } })).toBeNull();
    expect(await totals(o.id)).toMatchObject({ totalMinor: 4500, subtotalMinor: 4500, status: 'CONFIRMED' });
    expect(await stockAt(db, ids.boots)).toEqual({ ...boots0, reserved: boots0.reserved - 1 });
    expect(await stockAt(db, ids.lastFive)).toEqual(cheap0);
    const card = await cardOf(o.id);
    expect(card.lines.map((l) => l.id)).toEqual([o.jacket]);
    expect(card.payment).toMatchObject({ kind: 'due', amountMinor: 4500 });
    // The rest is picked: the order is ready, and off the Problems list.
    expect((await ready(riverside, o.id)).status).toBe(200);
    // The same answer again changes nothing; the other answer is refused.
    expect((await answer(o.shopper, o.id, o.boots, false)).status).toBe(200);
    expect(await errorOf(await answer(o.shopper, o.id, o.boots, true))).toMatchObject({ code: 'substitution_answered' });
  });

  it('found after all: picking the line again withdraws the question and frees the substitute', async () => {
    const o = await order('pay_at_pickup');
    const cheap0 = await stockAt(db, ids.lastFive);
    await shortBoots(o, ids.lastFive);
    expect((await pick(riverside, o.id, { lines: [{ lineId: o.boots, status: 'picked' }] })).status).toBe(200);
    expect(await stockAt(db, ids.lastFive)).toEqual(cheap0);
    expect(await errorOf(await answer(o.shopper, o.id, o.boots, true))).toMatchObject({ code: 'substitution_not_found' });
    expect((await ready(riverside, o.id)).status).toBe(200);
  });
});

describe('what the store may offer', () => {
  it('a variant not stocked at the store (or not enough of it, or none at all) is refused and nothing is written', async () => {
    const o = await order('pay_at_pickup');
    const before = await Promise.all([stockAt(db, ids.scarce), db.stockHold.count({ where: { orderId: o.id } })]);
    await db.stock.update({ where: { variantId_locationId: { variantId: ids.scarce, locationId: ids.store } }, data: { reserved: 1 } });
    for (const substituteVariantId of [whOnly, ids.scarce, 'var_nope', ids.boots]) {
      const res = await pick(riverside, o.id, {
        lines: [
          { lineId: o.jacket, status: 'picked' },
          { lineId: o.boots, status: 'short', substituteVariantId },
        ],
      });
      expect(res.status).toBe(422);
      expect(await errorOf(res)).toMatchObject({ code: 'substitute_unavailable' });
    }
    await db.stock.update({ where: { variantId_locationId: { variantId: ids.scarce, locationId: ids.store } }, data: { reserved: 0 } });
    expect(await db.pickupLine.count({ where: { orderId: o.id } })).toBe(0);
    expect(await db.staffAuditEntry.count({ where: { orderId: o.id } })).toBe(0);
    expect(await db.stockHold.count({ where: { orderId: o.id } })).toBe(before[1]);
    expect((await stockAt(db, ids.scarce)).onHand).toBe(before[0].onHand);
    // A substitute on a line that is not short is bad input.
    const bad = await pick(riverside, o.id, { lines: [{ lineId: o.boots, status: 'picked', substituteVariantId: ids.lastFive }] });
    expect(bad.status).toBe(400);
  });

  it('the chooser lists the store’s in-stock variants of the same product, never the line’s own', async () => {
    const o = await order('pay_at_pickup');
    const res = await substitutes(riverside, o.id, o.boots);
    expect(res.status).toBe(200);
    const { options } = (await res.json()) as { options: { variantId: string; kind: string; available: number }[] };
    const offered = options.map((x) => x.variantId);
    expect(offered).toEqual(expect.arrayContaining([ids.jacket, ids.lastFive]));
    expect(offered).not.toContain(ids.boots);
    expect(offered).not.toContain(whOnly);
    expect(options.every((x) => x.kind === 'same_product' && x.available >= 1)).toBe(true);
  });

  it('another store’s associate gets 404 for the order, its chooser and its lines; the shopper’s answer needs the order', async () => {
    const o = await order('pay_at_pickup');
    expect((await pick(outlet, o.id, { lines: [{ lineId: o.boots, status: 'short', substituteVariantId: ids.lastFive }] })).status).toBe(
      404,
    );
    expect((await substitutes(outlet, o.id, o.boots)).status).toBe(404);
    expect(await db.pickupLine.count({ where: { orderId: o.id } })).toBe(0);
    await shortBoots(o, ids.lastFive);
    // A device with no receipt for the order (nor an account that owns it) cannot answer for the shopper.
    expect((await answer(device(), o.id, o.boots, false)).status).toBe(404);
    expect((await db.pickupLine.findUniqueOrThrow({ where: { orderLineId: o.boots } })).substitution).toBe('PROPOSED');
    // Found after all: no question is left open for the timeout tests below.
    expect((await pick(riverside, o.id, { lines: [{ lineId: o.boots, status: 'picked' }] })).status).toBe(200);
  });
});

describe('a paid order', () => {
  it('refunds the cheaper substitute’s difference once, when the acceptance is posted twice at once', async () => {
    const o = await order('stripe');
    await shortBoots(o, ids.lastFive);
    const [a, b] = await Promise.all([answer(o.shopper, o.id, o.boots, true), answer(o.shopper, o.id, o.boots, true)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(refundsOf(o.boots)).toHaveLength(1);
    expect(refundsOf(o.boots)[0]!.form.get('amount')).toBe('6000');
    expect(double.intents.get(`pi_${o.id}`)!.amount_refunded).toBe(6000);
    expect(await db.pickupLine.findUniqueOrThrow({ where: { orderLineId: o.boots } })).toMatchObject({
      refundMinor: 6000,
      refundKey: `pickup-line-${o.boots}-refund`,
    });
    expect((await totals(o.id)).totalMinor).toBe(o.totalMinor - 6000);
  });

  it('refunds a dropped line once, when the shopper’s answer is posted twice while the timeout sweeper runs', async () => {
    const o = await order('stripe');
    await shortBoots(o, ids.lastFive);
    const sold = await stockAt(db, ids.boots);
    const askedAt = (await db.pickupLine.findUniqueOrThrow({ where: { orderLineId: o.boots } })).substitutionAskedAt!;
    const late = new Date(askedAt.getTime() + 121 * MIN);
    const [a, b, sweep1, sweep2] = await Promise.all([
      answer(o.shopper, o.id, o.boots, false),
      answer(o.shopper, o.id, o.boots, false),
      sweepSubstitutionTimeouts(late),
      sweepSubstitutionTimeouts(late),
    ]);
    const line = await db.pickupLine.findUniqueOrThrow({ where: { orderLineId: o.boots } });
    expect(['DECLINED', 'EXPIRED']).toContain(line.substitution);
    // Whoever came second found it done: a repeated "drop" is answered 200; after a timeout, 409.
    for (const res of [a, b]) expect(res.status).toBe(line.substitution === 'DECLINED' ? 200 : 409);
    expect([...sweep1, ...sweep2].filter((id) => id === o.boots)).toHaveLength(line.substitution === 'EXPIRED' ? 1 : 0);
    expect(refundsOf(o.boots)).toHaveLength(1);
    expect(double.intents.get(`pi_${o.id}`)!.amount_refunded).toBe(8000);
    expect(line.refundMinor).toBe(8000);
    expect((await totals(o.id)).totalMinor).toBe(4500);
    // A paid order's boots were sold when it was paid: they go back on the shelf once.
    expect(await stockAt(db, ids.boots)).toEqual({ ...sold, onHand: sold.onHand + 1 });
  });
});

describe('no answer in time', () => {
  it('drops the line after the store’s answer time, once however many sweepers run, and tells the shopper', async () => {
    await db.location.update({ where: { id: ids.store }, data: { substitutionAnswerMinutes: 30 } });
    try {
      const o = await order('pay_at_pickup');
      await shortBoots(o, ids.lastFive);
      const cheap = await stockAt(db, ids.lastFive);
      const askedAt = (await db.pickupLine.findUniqueOrThrow({ where: { orderLineId: o.boots } })).substitutionAskedAt!;
      expect(await sweepSubstitutionTimeouts(new Date(askedAt.getTime() + 29 * MIN))).not.toContain(o.boots);
      const late = new Date(askedAt.getTime() + 31 * MIN);
      const sweeps = await Promise.all([runOrderSweep(late), runOrderSweep(late)]);
      expect(await db.orderLine.findUnique({ where: { id: o.boots } })).toBeNull();
      expect((await db.pickupLine.findUniqueOrThrow({ where: { orderLineId: o.boots } })).substitution).toBe('EXPIRED');
      expect(sweeps.length).toBe(2);
      expect(await stockAt(db, ids.lastFive)).toEqual({ ...cheap, reserved: cheap.reserved - 1 });
      expect((await totals(o.id)).totalMinor).toBe(4500);
      expect(await mailsTo(o.email, 'an item was removed')).toBe(1);
      expect(await db.message.count({ where: { orderId: o.id, kind: 'substitution_removed' } })).toBe(1);
      expect(await errorOf(await answer(o.shopper, o.id, o.boots, true))).toMatchObject({ code: 'substitution_answered' });
    } finally {
      await db.location.update({ where: { id: ids.store }, data: { substitutionAnswerMinutes: 120 } });
    }
  });

  it('a line short with nothing to offer is dropped too; the last line dropped cancels the order', async () => {
    const o = await order('stripe');
    const res = await pick(riverside, o.id, {
      lines: [
        { lineId: o.jacket, status: 'short' },
        { lineId: o.boots, status: 'short' },
      ],
    });
    expect(res.status).toBe(200);
    // Nothing offered: the order is simply not picked yet.
    expect(await errorOf(await ready(riverside, o.id))).toMatchObject({ code: 'not_all_picked' });
    expect(await errorOf(await answer(o.shopper, o.id, o.jacket, true))).toMatchObject({ code: 'nothing_to_accept' });
    expect((await answer(o.shopper, o.id, o.jacket, false)).status).toBe(200);
    expect((await answer(o.shopper, o.id, o.boots, false)).status).toBe(200);
    expect(await totals(o.id)).toMatchObject({ totalMinor: 0, status: 'CANCELLED' });
    expect(double.intents.get(`pi_${o.id}`)!.amount_refunded).toBe(o.totalMinor);
    expect([...refundsOf(o.jacket), ...refundsOf(o.boots)]).toHaveLength(2);
  });
});

describe('the store’s settings', () => {
  it('its staff change the hold days and the answer time (audited); another store’s staff cannot', async () => {
    const mine = { id: staffId, email: 'staff.subs@example.com', name: null, role: 'STAFF' as const, storeIds: [ids.store] };
    const theirs = {
      id: outletStaffId,
      email: 'staff.subs.outlet@example.com',
      name: null,
      role: 'STAFF' as const,
      storeIds: [ids.noPickup],
    };
    await expect(
      outlet.call(() => updateStoreSettings(theirs, ids.store, { pickupHoldDays: 9, substitutionAnswerMinutes: 10 })),
    ).rejects.toMatchObject({
      status: 403,
    });
    await expect(outlet.call(() => storeSettings(ids.store))).rejects.toMatchObject({ status: 403 });
    const saved = await riverside.call(() => updateStoreSettings(mine, ids.store, { pickupHoldDays: 7, substitutionAnswerMinutes: 45 }));
    expect(saved).toMatchObject({ pickupHoldDays: 7, substitutionAnswerMinutes: 45 });
    expect(await db.staffAuditEntry.findFirst({ where: { action: 'store.settings', locationId: ids.store } })).toMatchObject({
      actorId: staffId,
      details: {
        before: { pickupHoldDays: 5, substitutionAnswerMinutes: 120 },
        after: { pickupHoldDays: 7, substitutionAnswerMinutes: 45 },
      },
    });
    await db.location.update({ where: { id: ids.store }, data: { pickupHoldDays: 5, substitutionAnswerMinutes: 120 } });
  });
});

describe('the OpenAPI document', () => {
  it('lists the shopper’s answer and the staff chooser', async () => {
    const doc = (await (await openApiRoute.GET(json('GET', '/api/v1/openapi.json'))).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.paths['/api/v1/orders/{id}/substitutions/{lineId}']?.post).toBeDefined();
    expect(doc.paths['/api/v1/staff/orders/{id}/substitutes']?.get).toBeDefined();
  });
});
