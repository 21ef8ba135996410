import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cookiesMock, device, json, type Device } from './cart-fixtures';
import { ids, insertCheckoutWorld, pickupInput } from './orders-fixtures';
import { insertStaff, signIn } from './staff-fixtures';

// Points at the pickup counter (issue 17), through the route handlers as the /staff page calls them: a member's
// pay-at-pickup order has their points come off what is due in the handover that takes the payment, with the
// one-time code from their own phone; the server prices it, refuses what the member or the order cannot take with
// nothing written, answers a retried handover as done, and the order earns on what was paid.
vi.mock('next/headers', () => cookiesMock());

const { createTestDatabase } = await import('../helpers/db');
const { db } = await createTestDatabase();
const { env } = await import('@/lib/env');
const { placeOrder } = await import('@/lib/checkout/place-order');
const { confirmPayAtPickup, markPaid } = await import('@/lib/orders/transitions');
const { adjustPoints } = await import('@/lib/loyalty/adjust');
const { checkLedger } = await import('@/lib/loyalty/check');
const codeRoute = await import('@/app/api/v1/loyalty/confirm-code/route');
const ledgerRoute = await import('@/app/api/v1/loyalty/ledger/route');
const orderRoute = await import('@/app/api/v1/staff/orders/[id]/route');
const pickRoute = await import('@/app/api/v1/staff/orders/[id]/pick/route');
const readyRoute = await import('@/app/api/v1/staff/orders/[id]/ready/route');
const handoverRoute = await import('@/app/api/v1/staff/orders/[id]/handover/route');
const pointsRoute = await import('@/app/api/v1/staff/orders/[id]/points/route');
const openApiRoute = await import('@/app/api/v1/openapi.json/route');

let riverside: Device; // staff of the orders' store
let outlet: Device; // staff of another store
let member: Device;
let memberUserId: string;
let staffId: string;

beforeAll(async () => {
  Object.assign(env, { STRIPE_SECRET_KEY: undefined, stripeEnabled: false, demoMode: true, SMTP_URL: undefined });
  await insertCheckoutWorld(db, { jacketsAtStore: 100 });
  const a = await insertStaff(db, 'handover.riverside@example.com', 'STAFF', [ids.store]);
  const b = await insertStaff(db, 'handover.outlet@example.com', 'STAFF', [ids.noPickup]);
  const shopper = await db.user.create({ data: { email: 'mina@example.com', name: 'Mina' }, select: { id: true, email: true } });
  staffId = a.id;
  memberUserId = shopper.id;
  riverside = device(await signIn(db, a, 'STAFF', [ids.store]));
  outlet = device(await signIn(db, b, 'STAFF', [ids.noPickup]));
  member = device(await signIn(db, shopper, 'CUSTOMER'));
  await adjustPoints({ userId: shopper.id, points: 5_000, idempotencyKey: 'handover:welcome', note: 'Welcome points' });
});

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const getOrder = (d: Device, id: string) => d.call(() => orderRoute.GET(json('GET', `/api/v1/staff/orders/${id}`), ctx(id)));
const pick = (d: Device, id: string, body: unknown) =>
  d.call(() => pickRoute.POST(json('POST', `/api/v1/staff/orders/${id}/pick`, body), ctx(id)));
const ready = (d: Device, id: string) => d.call(() => readyRoute.POST(json('POST', `/api/v1/staff/orders/${id}/ready`), ctx(id)));
const handover = (d: Device, id: string, body: unknown) =>
  d.call(() => handoverRoute.POST(json('POST', `/api/v1/staff/orders/${id}/handover`, body), ctx(id)));
const points = (d: Device, id: string, query = '') =>
  d.call(() => pointsRoute.GET(json('GET', `/api/v1/staff/orders/${id}/points${query}`), ctx(id)));
const newCode = async () =>
  ((await (await member.call(() => codeRoute.POST(json('POST', '/api/v1/loyalty/confirm-code')))).json()) as { code: string }).code;
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; [k: string]: unknown } }).error;
const balance = async () => (await db.loyaltyAccount.findUniqueOrThrow({ where: { userId: memberUserId } })).balance;

// One jacket (£45.00) for pickup at Riverside, picked and ready: the member's pay-at-pickup order by default.
async function readyOrder({ userId = memberUserId as string | null, paid = false } = {}) {
  const placed = await placeOrder(
    pickupInput([{ variantId: ids.jacket, quantity: 1 }], { userId, paymentProvider: paid ? 'DEMO' : 'PAY_AT_PICKUP' }),
  );
  if (paid) await markPaid(placed.order.id);
  else await confirmPayAtPickup(placed.order.id);
  const card = (await (await getOrder(riverside, placed.order.id)).json()) as { order: { lines: { id: string }[] } };
  const lines = card.order.lines.map((l) => ({ lineId: l.id, status: 'picked' }));
  expect((await pick(riverside, placed.order.id, { lines })).status).toBe(200);
  expect((await ready(riverside, placed.order.id)).status).toBe(200);
  return { id: placed.order.id, code: placed.pickupCode! };
}

// What a refused handover must leave as it was.
async function snapshot(orderId: string) {
  const order = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { status: true, paidAt: true, totalMinor: true, taxMinor: true, pointsRedeemed: true, pointsDiscountMinor: true },
  });
  const pickup = await db.pickup.findUniqueOrThrow({ where: { orderId }, select: { status: true, paymentMinor: true } });
  const entries = await db.loyaltyEntry.count({ where: { account: { userId: memberUserId } } });
  return { order, pickup, entries, balance: await balance() };
}

describe('points at the pickup counter', () => {
  it('shows the member’s points and prices them against what is due, to the order’s store only', async () => {
    const o = await readyOrder();
    const res = await points(riverside, o.id);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      points: {
        member: expect.objectContaining({ balance: 5_000, pending: 0, tier: 'Member' }),
        currency: 'GBP',
        dueMinor: 4_500,
        // Half of the £45.00 jacket, in whole £1 steps.
        maxPoints: 2_200,
        refusal: null,
        quote: null,
      },
    });
    const quoted = await points(riverside, o.id, '?points=500');
    expect(((await quoted.json()) as { points: { quote: unknown } }).points.quote).toEqual({
      points: 500,
      pointsDiscountMinor: 500,
      dueMinor: 4_000,
    });
    // Opening the member's points is audited (the prices asked while typing are not).
    expect(await db.staffAuditEntry.findMany({ where: { orderId: o.id, action: 'loyalty.lookup' } })).toEqual([
      expect.objectContaining({ actorId: staffId, locationId: ids.store }),
    ]);
    expect((await points(riverside, o.id, '?points=150')).status).toBe(400);
    const over = await points(riverside, o.id, '?points=2300');
    expect(over.status).toBe(400);
    expect(await errorOf(over)).toMatchObject({ code: 'points_over_cap', maxPoints: 2_200 });
    expect((await points(outlet, o.id)).status).toBe(404);
    expect((await points(member, o.id)).status).toBe(403);
    expect((await points(device(), o.id)).status).toBe(401);
    // A guest's order, and one paid online: nothing to spend on.
    const guest = await readyOrder({ userId: null });
    const guestView = (await (await points(riverside, guest.id)).json()) as { points: unknown };
    expect(guestView.points).toMatchObject({ member: null, maxPoints: 0, refusal: expect.stringMatching(/^A guest order/) });
    const paid = await readyOrder({ paid: true });
    const paidView = (await (await points(riverside, paid.id)).json()) as { points: { maxPoints: number; dueMinor: number } };
    expect(paidView.points).toMatchObject({ maxPoints: 0, dueMinor: 0 });
    expect((await points(riverside, paid.id, '?points=100')).status).toBe(422);
  });

  it('refuses more points than the member has or the order allows, another store, a wrong code or the wrong amount: nothing written', async () => {
    const o = await readyOrder();
    const before = await snapshot(o.id);
    const body = (redeem: unknown, amountMinor = 4_000) => ({
      code: o.code,
      collectedBy: { kind: 'shopper' },
      payment: { method: 'card', amountMinor },
      redeem,
      idempotencyKey: `refused-${Math.random().toString(36).slice(2)}`,
    });
    const code = await newCode();

    const tooMany = await handover(riverside, o.id, body({ points: 5_100, confirmCode: code }, 0));
    expect(tooMany.status).toBe(409);
    expect(await errorOf(tooMany)).toMatchObject({ code: 'insufficient_points', message: 'The member has 5,000 points to spend.' });
    const overCap = await handover(riverside, o.id, body({ points: 2_300, confirmCode: code }, 2_200));
    expect(overCap.status).toBe(400);
    expect((await errorOf(overCap)).message).toBe('At most 2,200 points can come off this order (half of its items, £22.00).');
    expect((await handover(riverside, o.id, body({ points: 150, confirmCode: code }))).status).toBe(400);
    // Another store's associate never reaches the order (the same 404 as a missing one).
    expect((await handover(outlet, o.id, body({ points: 500, confirmCode: code }))).status).toBe(404);
    // The total before points, with points: the amount due after them is named.
    const mismatch = await handover(riverside, o.id, body({ points: 500, confirmCode: code }, 4_500));
    expect(mismatch.status).toBe(422);
    expect(await errorOf(mismatch)).toMatchObject({ code: 'payment_mismatch', amountMinor: 4_000 });
    expect(await snapshot(o.id)).toEqual(before);

    // None of those used the member's code; a wrong one voids it, and still nothing else is written.
    const wrong = code === '123456' ? '654321' : '123456';
    const refused = await handover(riverside, o.id, body({ points: 500, confirmCode: wrong }));
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe('wrong_confirm_code');
    expect((await handover(riverside, o.id, body({ points: 500, confirmCode: code }))).status).toBe(403);
    expect(await snapshot(o.id)).toEqual(before);
    expect(await db.staffAuditEntry.count({ where: { orderId: o.id, action: 'pickup.code_failed' } })).toBe(0);

    // Points on a guest's order or one already paid: refused by name.
    const guest = await readyOrder({ userId: null });
    const onGuest = await handover(riverside, guest.id, { ...body({ points: 500, confirmCode: await newCode() }), code: guest.code });
    expect(onGuest.status).toBe(422);
    expect(await errorOf(onGuest)).toMatchObject({ code: 'points_not_allowed', message: expect.stringMatching(/^A guest order/) });
    const paid = await readyOrder({ paid: true });
    const onPaid = await handover(riverside, paid.id, {
      ...body({ points: 500, confirmCode: await newCode() }),
      payment: undefined,
      code: paid.code,
    });
    expect(onPaid.status).toBe(422);
    expect((await errorOf(onPaid)).code).toBe('points_not_allowed');
    expect(await db.order.count({ where: { id: { in: [guest.id, paid.id] }, status: 'COMPLETED' } })).toBe(0);
    expect((await checkLedger(db)).differences).toEqual([]);
  });

  it('spends the points with the handover, once, in the store’s name, and the order earns on what was paid', async () => {
    const o = await readyOrder();
    const start = await balance();
    const body = {
      code: o.code,
      collectedBy: { kind: 'shopper' },
      payment: { method: 'cash', amountMinor: 2_500 },
      redeem: { points: 2_000, confirmCode: await newCode() },
      idempotencyKey: 'handover-attempt-0001',
    };
    const res = await handover(riverside, o.id, body);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { order: { status: string } }).order.status).toBe('COLLECTED');
    expect(await db.order.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({
      status: 'COMPLETED',
      pointsRedeemed: 2_000,
      pointsDiscountMinor: 2_000,
      totalMinor: 2_500,
      // VAT included in what was paid: £25.00 × 20/120.
      taxMinor: 417,
      paidAt: expect.any(Date),
    });
    expect(await db.pickup.findUniqueOrThrow({ where: { orderId: o.id } })).toMatchObject({ paymentMinor: 2_500, paymentMethod: 'CASH' });
    const redeem = await db.loyaltyEntry.findFirstOrThrow({ where: { orderId: o.id, kind: 'REDEEM' } });
    expect(redeem).toMatchObject({ points: -2_000, channel: 'IN_STORE', storeId: ids.store, staffUserId: staffId });
    // 25 points on the £25.00 paid, not 45 on the £45.00 the jacket cost: pending for the return window.
    const earn = await db.loyaltyEntry.findFirstOrThrow({ where: { orderId: o.id, kind: 'EARN' } });
    expect(earn).toMatchObject({ points: 25, pendingPoints: 25 });
    expect(await balance()).toBe(start - 2_000);

    // The same request again (its answer lost): done, nothing more spent or earned.
    const again = await handover(riverside, o.id, body);
    expect(again.status).toBe(200);
    expect(await db.loyaltyEntry.count({ where: { orderId: o.id } })).toBe(2);
    expect(await balance()).toBe(start - 2_000);
    // Another attempt at a collected order is told so.
    const other = await handover(riverside, o.id, { ...body, idempotencyKey: 'handover-attempt-0002' });
    expect(other.status).toBe(409);
    expect((await errorOf(other)).code).toBe('already_collected');

    // The member's history: spent in store, at Riverside, on this order.
    const ledger = (await (await member.call(() => ledgerRoute.GET(json('GET', '/api/v1/loyalty/ledger')))).json()) as {
      entries: { kind: string; points: number; channel: string; storeName: string | null; orderId: string | null }[];
    };
    expect(ledger.entries).toContainEqual(
      expect.objectContaining({ kind: 'REDEEM', points: -2_000, channel: 'IN_STORE', storeName: 'Riverside', orderId: o.id }),
    );
    expect((await checkLedger(db)).differences).toEqual([]);
  });

  it('of two handovers with points at once, one spends them', async () => {
    const o = await readyOrder();
    const start = await balance();
    const confirmCode = await newCode();
    const attempt = (key: string) =>
      handover(riverside, o.id, {
        code: o.code,
        collectedBy: { kind: 'shopper' },
        payment: { method: 'card', amountMinor: 4_000 },
        redeem: { points: 500, confirmCode },
        idempotencyKey: key,
      });
    const answers = (await Promise.all([attempt('race-attempt-a'), attempt('race-attempt-b')])).map((r) => r.status).sort();
    expect(answers).toEqual([200, 409]);
    expect(await db.loyaltyEntry.count({ where: { orderId: o.id, kind: 'REDEEM' } })).toBe(1);
    expect(await balance()).toBe(start - 500);
    expect((await checkLedger(db)).differences).toEqual([]);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await openApiRoute.GET(json('GET', '/api/v1/openapi.json'))).json()) as { paths: Record<string, unknown> };
    expect(doc.paths).toHaveProperty(['/api/v1/staff/orders/{id}/points']);
  });
});
