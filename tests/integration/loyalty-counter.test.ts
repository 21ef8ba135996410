import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cookiesMock, device, json, type Device } from './cart-fixtures';
import { ids, insertCheckoutWorld, pickupInput, stockAt } from './orders-fixtures';
import { insertStaff, signIn } from './staff-fixtures';

// Points at the counter and the member's own API, through the route handlers: a member's card looked up, points
// spent only with the member's one-time code, an in-store sale that earns points, and nobody reaching another
// member's points or another store's counter.
vi.mock('next/headers', () => cookiesMock());

const { createTestDatabase } = await import('../helpers/db');
const { db } = await createTestDatabase();
const { env } = await import('@/lib/env');
const { placeOrder } = await import('@/lib/checkout/place-order');
const { confirmPayAtPickup } = await import('@/lib/orders/transitions');
const { adjustPoints } = await import('@/lib/loyalty/adjust');
const { memberCardToken } = await import('@/lib/loyalty/member-card');
const { checkLedger } = await import('@/lib/loyalty/check');
const summaryRoute = await import('@/app/api/v1/loyalty/route');
const ledgerRoute = await import('@/app/api/v1/loyalty/ledger/route');
const codeRoute = await import('@/app/api/v1/loyalty/confirm-code/route');
const lookupRoute = await import('@/app/api/v1/staff/members/lookup/route');
const redeemRoute = await import('@/app/api/v1/staff/members/[memberId]/redeem/route');
const saleRoute = await import('@/app/api/v1/staff/stores/[storeId]/sales/route');
const openApiRoute = await import('@/app/api/v1/openapi.json/route');

let riverside: Device;
let outlet: Device;
let member: Device;
let other: Device;
let memberId: string;
let memberUserId: string;
let otherUserId: string;

beforeAll(async () => {
  Object.assign(env, { STRIPE_SECRET_KEY: undefined, stripeEnabled: false, demoMode: true, SMTP_URL: undefined });
  await insertCheckoutWorld(db);
  await db.stock.updateMany({ data: { onHand: 100 } });
  const a = await insertStaff(db, 'counter.riverside@example.com', 'STAFF', [ids.store]);
  const b = await insertStaff(db, 'counter.outlet@example.com', 'STAFF', [ids.noPickup]);
  const shopper = await db.user.create({ data: { email: 'member@example.com', name: 'Mina' }, select: { id: true, email: true } });
  const stranger = await db.user.create({ data: { email: 'other@example.com', name: 'Otto' }, select: { id: true, email: true } });
  memberUserId = shopper.id;
  otherUserId = stranger.id;
  riverside = device(await signIn(db, a, 'STAFF', [ids.store]));
  outlet = device(await signIn(db, b, 'STAFF', [ids.noPickup]));
  member = device(await signIn(db, shopper, 'CUSTOMER'));
  other = device(await signIn(db, stranger, 'CUSTOMER'));
  await adjustPoints({ userId: shopper.id, points: 1_000, idempotencyKey: 'counter:welcome', note: 'Welcome points' });
  await adjustPoints({ userId: stranger.id, points: 700, idempotencyKey: 'counter:other' });
  memberId = (await db.loyaltyAccount.findUniqueOrThrow({ where: { userId: shopper.id } })).id;
});

const lookup = (d: Device, body: unknown) => d.call(() => lookupRoute.POST(json('POST', '/api/v1/staff/members/lookup', body)));
const redeem = (d: Device, id: string, body: unknown) =>
  d.call(() => redeemRoute.POST(json('POST', `/api/v1/staff/members/${id}/redeem`, body), { params: Promise.resolve({ memberId: id }) }));
const sale = (d: Device, storeId: string, body: unknown) =>
  d.call(() => saleRoute.POST(json('POST', `/api/v1/staff/stores/${storeId}/sales`, body), { params: Promise.resolve({ storeId }) }));
const newCode = async (d: Device) =>
  ((await (await d.call(() => codeRoute.POST(json('POST', '/api/v1/loyalty/confirm-code')))).json()) as { code: string }).code;
const balanceOf = async (userId: string) => (await db.loyaltyAccount.findUniqueOrThrow({ where: { userId } })).balance;

describe('the member’s own API', () => {
  it('answers only the signed-in member, with their own points and ledger', async () => {
    expect((await device().call(() => summaryRoute.GET(json('GET', '/api/v1/loyalty')))).status).toBe(401);
    const res = await member.call(() => summaryRoute.GET(json('GET', '/api/v1/loyalty')));
    expect(await res.json()).toMatchObject({ memberId, balance: 1_000, pending: 0, tier: { id: 'MEMBER' } });
    const theirSummary = await other.call(() => summaryRoute.GET(json('GET', '/api/v1/loyalty')));
    expect(await theirSummary.json()).toMatchObject({ balance: 700 });
    const ledger = (await (await member.call(() => ledgerRoute.GET(json('GET', '/api/v1/loyalty/ledger')))).json()) as {
      entries: { kind: string; points: number }[];
    };
    expect(ledger.entries).toEqual([expect.objectContaining({ kind: 'ADJUST', points: 1_000, channel: 'ONLINE' })]);
    // Another member's entry as a cursor gives nothing of theirs.
    const theirs = await db.loyaltyEntry.findFirstOrThrow({ where: { account: { userId: otherUserId } } });
    const probe = await member.call(() => ledgerRoute.GET(json('GET', `/api/v1/loyalty/ledger?cursor=${theirs.id}`)));
    expect(await probe.json()).toEqual({ entries: [], nextCursor: null });
    expect((await member.call(() => ledgerRoute.GET(json('GET', '/api/v1/loyalty/ledger?cursor=bad%20id')))).status).toBe(400);
  });
});

describe('the counter', () => {
  it('looks a member up from their card, for the store’s associates only', async () => {
    const token = memberCardToken(memberId);
    const found = await lookup(riverside, { storeId: ids.store, token });
    expect(found.status).toBe(200);
    expect(await found.json()).toEqual({
      member: expect.objectContaining({ memberId, name: 'Mina', balance: 1_000, tier: expect.objectContaining({ name: 'Member' }) }),
    });
    expect((await lookup(outlet, { storeId: ids.store, token })).status).toBe(403);
    expect((await lookup(member, { storeId: ids.store, token })).status).toBe(403);
    expect((await lookup(riverside, { storeId: ids.store, token: `${token.slice(0, -3)}abc` })).status).toBe(400);
    const stale = memberCardToken(memberId, new Date(Date.now() - 2 * 24 * 60 * 60_000));
    expect((await lookup(riverside, { storeId: ids.store, token: stale })).status).toBe(400);
    expect(await db.staffAuditEntry.count({ where: { action: 'loyalty.lookup', locationId: ids.store } })).toBe(1);
  });

  it('spends points only with the member’s own code, once, recorded with store and associate', async () => {
    const body = { storeId: ids.store, points: 300, confirmCode: '000000', idempotencyKey: 'till-0001' };
    // No code shown yet, a wrong code, another store's associate: refused, nothing spent.
    expect((await redeem(riverside, memberId, body)).status).toBe(403);
    const code = await newCode(member);
    expect((await redeem(outlet, memberId, { ...body, confirmCode: code })).status).toBe(403);
    const wrong = code === '123456' ? '654321' : '123456';
    expect((await redeem(riverside, memberId, { ...body, confirmCode: wrong })).status).toBe(403);
    // The wrong try voided the code: even the right one is refused now.
    expect((await redeem(riverside, memberId, { ...body, confirmCode: code })).status).toBe(403);
    expect((await redeem(riverside, memberId, { ...body, points: 150, confirmCode: code })).status).toBe(400);
    expect(await balanceOf(memberUserId)).toBe(1_000);

    const fresh = await newCode(member);
    const spent = await redeem(riverside, memberId, { ...body, confirmCode: fresh });
    expect(spent.status).toBe(201);
    expect(await spent.json()).toEqual({ redemption: { balance: 700, pointsDiscountMinor: 300, orderTotalMinor: null, repeated: false } });
    // The same request again (a lost answer retried): nothing more spent.
    const again = await redeem(riverside, memberId, { ...body, confirmCode: fresh });
    expect(again.status).toBe(200);
    expect(await balanceOf(memberUserId)).toBe(700);
    const entry = await db.loyaltyEntry.findFirstOrThrow({ where: { kind: 'REDEEM', account: { userId: memberUserId } } });
    expect(entry).toMatchObject({ channel: 'IN_STORE', storeId: ids.store, points: -300 });
    expect(entry.staffUserId).not.toBeNull();
    // A used code cannot be used twice.
    expect((await redeem(riverside, memberId, { ...body, idempotencyKey: 'till-0002', confirmCode: fresh })).status).toBe(403);
  });

  it('takes points off what is due on a pay-at-pickup order, within half the goods, and not on another member’s order', async () => {
    const placed = await placeOrder(
      pickupInput([{ variantId: ids.jacket, quantity: 1 }], { userId: memberUserId, paymentProvider: 'PAY_AT_PICKUP' }),
    );
    await confirmPayAtPickup(placed.order.id);
    const theirs = await placeOrder(
      pickupInput([{ variantId: ids.jacket, quantity: 1 }], { userId: otherUserId, paymentProvider: 'PAY_AT_PICKUP' }),
    );
    const body = { storeId: ids.store, points: 500, confirmCode: await newCode(member), idempotencyKey: 'till-0003' };
    expect((await redeem(riverside, memberId, { ...body, orderId: theirs.order.id })).status).toBe(404);
    expect(
      (await redeem(riverside, memberId, { ...body, orderId: placed.order.id, points: 2_300, confirmCode: await newCode(member) })).status,
    ).toBe(400);
    const res = await redeem(riverside, memberId, { ...body, orderId: placed.order.id, confirmCode: await newCode(member) });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ redemption: { balance: 200, pointsDiscountMinor: 500, orderTotalMinor: 4_000 } });
    expect(await db.order.findUniqueOrThrow({ where: { id: placed.order.id } })).toMatchObject({ pointsRedeemed: 500, totalMinor: 4_000 });
  });

  it('records an in-store sale for the member: stock from the store, points earned pending, once per key', async () => {
    const before = await stockAt(db, ids.boots);
    const body = {
      lines: [{ variantId: ids.boots, quantity: 1 }],
      memberToken: memberCardToken(memberId),
      payment: { method: 'card', amountMinor: 8_000 },
      idempotencyKey: 'sale-0001',
    };
    expect((await sale(outlet, ids.store, body)).status).toBe(403);
    expect((await sale(riverside, ids.store, { ...body, payment: { method: 'card', amountMinor: 7_999 } })).status).toBe(400);
    const res = await sale(riverside, ids.store, body);
    expect(res.status).toBe(201);
    const { sale: made } = (await res.json()) as { sale: { orderId: string; pointsEarned: number } };
    expect(made.pointsEarned).toBe(80);
    expect((await sale(riverside, ids.store, body)).status).toBe(200);
    expect((await stockAt(db, ids.boots)).onHand).toBe(before.onHand - 1);
    expect(await db.order.findUniqueOrThrow({ where: { id: made.orderId } })).toMatchObject({
      channel: 'IN_STORE',
      status: 'COMPLETED',
      userId: memberUserId,
      pickupLocationId: ids.store,
    });
    const earn = await db.loyaltyEntry.findFirstOrThrow({ where: { orderId: made.orderId, kind: 'EARN' } });
    expect(earn).toMatchObject({ channel: 'IN_STORE', storeId: ids.store, points: 80, pendingPoints: 80 });
    expect((await checkLedger(db)).differences).toEqual([]);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await openApiRoute.GET(json('GET', '/api/v1/openapi.json'))).json()) as { paths: Record<string, unknown> };
    for (const path of [
      '/api/v1/loyalty',
      '/api/v1/loyalty/ledger',
      '/api/v1/staff/members/lookup',
      '/api/v1/staff/members/{memberId}/redeem',
      '/api/v1/staff/stores/{storeId}/sales',
    ])
      expect(doc.paths).toHaveProperty([path]);
  });
});
