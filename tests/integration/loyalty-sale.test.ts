import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cookiesMock, device, json, type Device } from './cart-fixtures';
import { ids, insertCheckoutWorld, stockAt } from './orders-fixtures';
import { insertStaff, signIn } from './staff-fixtures';

// An in-store sale with points spent on it in the same request, through the route handlers on a real PostgreSQL:
// the points come off the sale's total within the programme's cap, only with the member's one-time code; a refused
// sale writes nothing; a repeat records nothing twice; and only the store's own associates reach its till.
vi.mock('next/headers', () => cookiesMock());

const { createTestDatabase } = await import('../helpers/db');
const { db } = await createTestDatabase();
const { env } = await import('@/lib/env');
const { adjustPoints } = await import('@/lib/loyalty/adjust');
const { memberCard, memberCardToken, readMemberCard } = await import('@/lib/loyalty/member-card');
const { checkLedger } = await import('@/lib/loyalty/check');
const { listOrdersForUser } = await import('@/lib/orders/history');
const { describeOrder } = await import('@/lib/orders/detail');
const { getOrderSummaryOrThrow } = await import('@/lib/orders/view');
const codeRoute = await import('@/app/api/v1/loyalty/confirm-code/route');
const lookupRoute = await import('@/app/api/v1/staff/members/lookup/route');
const saleRoute = await import('@/app/api/v1/staff/stores/[storeId]/sales/route');
const quoteRoute = await import('@/app/api/v1/staff/stores/[storeId]/sales/quote/route');
const itemsRoute = await import('@/app/api/v1/staff/stores/[storeId]/items/route');
const openApiRoute = await import('@/app/api/v1/openapi.json/route');

let riverside: Device;
let outlet: Device;
let member: Device;
let memberId: string;
let memberUserId: string;

beforeAll(async () => {
  Object.assign(env, { STRIPE_SECRET_KEY: undefined, stripeEnabled: false, demoMode: true, SMTP_URL: undefined });
  await insertCheckoutWorld(db);
  const a = await insertStaff(db, 'till.riverside@example.com', 'STAFF', [ids.store]);
  const b = await insertStaff(db, 'till.outlet@example.com', 'STAFF', [ids.noPickup]);
  const shopper = await db.user.create({ data: { email: 'mina@example.com', name: 'Mina' }, select: { id: true, email: true } });
  memberUserId = shopper.id;
  riverside = device(await signIn(db, a, 'STAFF', [ids.store]));
  outlet = device(await signIn(db, b, 'STAFF', [ids.noPickup]));
  member = device(await signIn(db, shopper, 'CUSTOMER'));
  await adjustPoints({ userId: shopper.id, points: 6_000, idempotencyKey: 'sale-test:welcome', note: 'Welcome points' });
  memberId = (await db.loyaltyAccount.findUniqueOrThrow({ where: { userId: shopper.id } })).id;
});

beforeEach(async () => {
  await db.stock.updateMany({ where: { locationId: ids.store }, data: { onHand: 20, reserved: 0 } });
});

const sale = (d: Device, storeId: string, body: unknown) =>
  d.call(() => saleRoute.POST(json('POST', `/api/v1/staff/stores/${storeId}/sales`, body), { params: Promise.resolve({ storeId }) }));
const quote = (d: Device, storeId: string, body: unknown) =>
  d.call(() =>
    quoteRoute.POST(json('POST', `/api/v1/staff/stores/${storeId}/sales/quote`, body), { params: Promise.resolve({ storeId }) }),
  );
const newCode = async () =>
  ((await (await member.call(() => codeRoute.POST(json('POST', '/api/v1/loyalty/confirm-code')))).json()) as { code: string }).code;
const balance = async () => (await db.loyaltyAccount.findUniqueOrThrow({ where: { id: memberId } })).balance;
// Everything a refused sale must leave as it was.
const snapshot = async () => ({
  balance: await balance(),
  entries: await db.loyaltyEntry.count(),
  orders: await db.order.count(),
  boots: (await stockAt(db, ids.boots)).onHand,
  jacket: (await stockAt(db, ids.jacket)).onHand,
});
let keys = 0;
const saleBody = (over: Record<string, unknown> = {}) => ({
  lines: [{ variantId: ids.boots, quantity: 1 }],
  memberToken: memberCardToken(memberId),
  payment: { method: 'card', amountMinor: 8_000 },
  idempotencyKey: `till-sale-${++keys}`,
  ...over,
});

describe('the member card’s short code', () => {
  const DAY = 24 * 60 * 60_000;
  const lookup = (token: string) =>
    riverside.call(() => lookupRoute.POST(json('POST', '/api/v1/staff/members/lookup', { storeId: ids.store, token })));

  it('finds the member when typed (any case, dashes or not); the same code all day, a new one the next', async () => {
    const first = await memberCard(memberUserId);
    expect(first.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // Shown again (another device, a reload): the same code, still good.
    expect((await memberCard(memberUserId)).code).toBe(first.code);
    const found = await lookup(first.code.toLowerCase().replaceAll('-', ' '));
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ member: { memberId, name: 'Mina' } });
    const last = first.code.at(-1) === 'A' ? 'B' : 'A';
    expect((await lookup(`${first.code.slice(0, -1)}${last}`)).status).toBe(400);

    // The next day's card replaces it; that one lasts until the end of the day after.
    const tomorrow = await memberCard(memberUserId, new Date(Date.now() + DAY));
    expect(tomorrow.code).not.toBe(first.code);
    expect((await lookup(first.code)).status).toBe(400);
    expect((await lookup(tomorrow.code)).status).toBe(200);
    await expect(readMemberCard(tomorrow.code, new Date(Date.now() + 3 * DAY))).rejects.toMatchObject({ code: 'invalid_token' });
  });
});

describe('a sale with points', () => {
  it('prices the sale on the server, with the most points it may take', async () => {
    const res = await quote(riverside, ids.store, {
      lines: [{ variantId: ids.boots, quantity: 1 }],
      memberToken: memberCardToken(memberId),
      points: 1_000,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      quote: {
        lines: [{ variantId: ids.boots, sku: 'TJ-L', unitPriceMinor: 8_000, quantity: 1, lineTotalMinor: 8_000, onShelf: 20 }],
        subtotalMinor: 8_000,
        pointsDiscountMinor: 1_000,
        totalMinor: 7_000,
        member: { balance: 6_000, maxPoints: 4_000 },
      },
    });
    expect((await quote(outlet, ids.store, { lines: [{ variantId: ids.boots, quantity: 1 }] })).status).toBe(403);
    const items = await riverside.call(() =>
      itemsRoute.GET(json('GET', `/api/v1/staff/stores/${ids.store}/items?q=tj-l`), { params: Promise.resolve({ storeId: ids.store }) }),
    );
    expect(await items.json()).toEqual({ items: [expect.objectContaining({ variantId: ids.boots, priceMinor: 8_000, onShelf: 20 })] });
  });

  it('takes the points off the total in the same transaction, with the member’s code, and shows in their history', async () => {
    const before = await snapshot();
    const code = await newCode();
    // The payment must be the total after points: refused, nothing written, the code still good.
    expect((await sale(riverside, ids.store, saleBody({ redeem: { points: 1_500, confirmCode: code } }))).status).toBe(400);
    expect(await snapshot()).toEqual(before);
    const body = saleBody({ redeem: { points: 1_500, confirmCode: code }, payment: { method: 'cash', amountMinor: 6_500 } });
    const res = await sale(riverside, ids.store, body);
    expect(res.status).toBe(201);
    const made = ((await res.json()) as { sale: { orderId: string } }).sale;
    expect(made).toMatchObject({ totalMinor: 6_500, pointsRedeemed: 1_500, pointsDiscountMinor: 1_500, pointsEarned: 65 });
    expect(await balance()).toBe(before.balance - 1_500);
    expect((await stockAt(db, ids.boots)).onHand).toBe(before.boots - 1);
    const redeem = await db.loyaltyEntry.findFirstOrThrow({ where: { orderId: made.orderId, kind: 'REDEEM' } });
    expect(redeem).toMatchObject({ points: -1_500, channel: 'IN_STORE', storeId: ids.store });
    expect(redeem.staffUserId).not.toBeNull();
    expect(await db.order.findUniqueOrThrow({ where: { id: made.orderId } })).toMatchObject({
      channel: 'IN_STORE',
      userId: memberUserId,
      pointsRedeemed: 1_500,
      totalMinor: 6_500,
    });
    const history = await listOrdersForUser({ id: memberUserId } as Parameters<typeof listOrdersForUser>[0], 1);
    expect(history.items[0]).toMatchObject({ id: made.orderId, inStore: true, storeName: 'Riverside', statusLabel: 'Bought in store' });
    expect(await describeOrder(await getOrderSummaryOrThrow(made.orderId))).toMatchObject({
      statusLabel: 'Bought in store',
      fulfilmentView: { kind: 'PICKUP', inStore: true, store: { name: 'Riverside' } },
    });

    // The same request again (a lost answer retried): the same sale, nothing spent or taken twice.
    const again = await sale(riverside, ids.store, body);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ sale: { orderId: made.orderId, pointsRedeemed: 1_500, repeated: true } });
    expect(await balance()).toBe(before.balance - 1_500);
    expect(await db.loyaltyEntry.count({ where: { orderId: made.orderId, kind: 'REDEEM' } })).toBe(1);
    expect((await stockAt(db, ids.boots)).onHand).toBe(before.boots - 1);
    expect((await checkLedger(db)).differences).toEqual([]);
  });

  it('sent twice at once records one sale and spends the points once', async () => {
    const before = await snapshot();
    const body = saleBody({ redeem: { points: 500, confirmCode: await newCode() }, payment: { method: 'card', amountMinor: 7_500 } });
    const [a, b] = await Promise.all([sale(riverside, ids.store, body), sale(riverside, ids.store, body)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const [sa, sb] = (await Promise.all([a.json(), b.json()])) as { sale: { orderId: string } }[];
    expect(sa!.sale.orderId).toBe(sb!.sale.orderId);
    expect(await balance()).toBe(before.balance - 500);
    expect(await db.order.count()).toBe(before.orders + 1);
  });

  it('refuses points over half the goods, or not in steps of 100, writing nothing', async () => {
    const before = await snapshot();
    const code = await newCode();
    const over = await sale(
      riverside,
      ids.store,
      saleBody({ redeem: { points: 4_100, confirmCode: code }, payment: { method: 'card', amountMinor: 3_900 } }),
    );
    expect(over.status).toBe(400);
    expect(await over.json()).toMatchObject({ error: { code: 'points_over_cap', maxPoints: 4_000 } });
    const odd = await sale(
      riverside,
      ids.store,
      saleBody({ redeem: { points: 150, confirmCode: code }, payment: { method: 'card', amountMinor: 7_850 } }),
    );
    expect(odd.status).toBe(400);
    expect(await snapshot()).toEqual(before);
    // Exactly half is allowed, and the code was not used up by the refusals.
    const half = await sale(
      riverside,
      ids.store,
      saleBody({ redeem: { points: 4_000, confirmCode: code }, payment: { method: 'card', amountMinor: 4_000 } }),
    );
    expect(half.status).toBe(201);
    expect(await balance()).toBe(before.balance - 4_000);
  });

  it('refuses a wrong code, writing nothing, and voids the code so it cannot be guessed', async () => {
    await adjustPoints({ userId: memberUserId, points: 5_000, idempotencyKey: 'sale-test:top-up' });
    const before = await snapshot();
    const code = await newCode();
    const wrong = code === '123456' ? '654321' : '123456';
    const body = (confirmCode: string) =>
      saleBody({ redeem: { points: 1_000, confirmCode }, payment: { method: 'card', amountMinor: 7_000 } });
    const res = await sale(riverside, ids.store, body(wrong));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'wrong_confirm_code' } });
    expect(await snapshot()).toEqual(before);
    expect((await sale(riverside, ids.store, body(code))).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a sale the shelf or the balance cannot cover, writing nothing and keeping the code', async () => {
    const code = await newCode();
    await db.stock.update({ where: { variantId_locationId: { variantId: ids.boots, locationId: ids.store } }, data: { onHand: 1 } });
    const before = await snapshot();
    const empty = await sale(
      riverside,
      ids.store,
      saleBody({
        lines: [
          { variantId: ids.jacket, quantity: 1 },
          { variantId: ids.boots, quantity: 2 },
        ],
        redeem: { points: 1_000, confirmCode: code },
        payment: { method: 'card', amountMinor: 19_500 },
      }),
    );
    expect(empty.status).toBe(409);
    expect(await empty.json()).toMatchObject({
      error: { code: 'out_of_stock', message: expect.stringContaining('Only 1 of Trail Jacket – L (TJ-L)'), available: 1 },
    });
    expect(await snapshot()).toEqual(before);
    // One step more than the member has, on enough jackets that the cap is not what refuses it.
    const points = Math.floor((await balance()) / 100) * 100 + 100;
    const jackets = Math.ceil((points * 2) / 4_500) + 1;
    const broke = await sale(
      riverside,
      ids.store,
      saleBody({
        lines: [{ variantId: ids.jacket, quantity: jackets }],
        redeem: { points, confirmCode: code },
        payment: { method: 'card', amountMinor: 4_500 * jackets - points },
      }),
    );
    expect(await broke.clone().json()).toMatchObject({ error: { code: 'insufficient_points' } });
    expect(broke.status).toBe(409);
    expect(await snapshot()).toEqual(before);
    // Both refusals rolled the code's use back: it still spends.
    const ok = await sale(
      riverside,
      ids.store,
      saleBody({ redeem: { points: 100, confirmCode: code }, payment: { method: 'card', amountMinor: 7_900 } }),
    );
    expect(ok.status).toBe(201);
  });

  it('is for the store’s own associates, with a member card', async () => {
    const before = await snapshot();
    const code = await newCode();
    const body = saleBody({ redeem: { points: 100, confirmCode: code }, payment: { method: 'card', amountMinor: 7_900 } });
    expect((await sale(outlet, ids.store, body)).status).toBe(403);
    expect((await sale(member, ids.store, body)).status).toBe(403);
    expect((await sale(device(), ids.store, body)).status).toBe(401);
    const anonymous = await sale(riverside, ids.store, { ...body, memberToken: null });
    expect(anonymous.status).toBe(400);
    expect(await snapshot()).toEqual(before);
    expect((await sale(riverside, ids.store, body)).status).toBe(201);
  });

  it('is in the OpenAPI document, with the redeem field', async () => {
    const doc = (await (await openApiRoute.GET(json('GET', '/api/v1/openapi.json'))).json()) as { paths: Record<string, unknown> };
    expect(doc.paths).toHaveProperty(['/api/v1/staff/stores/{storeId}/sales/quote']);
    expect(doc.paths).toHaveProperty(['/api/v1/staff/stores/{storeId}/items']);
    expect(JSON.stringify(doc.paths['/api/v1/staff/stores/{storeId}/sales'])).toContain('confirmCode');
  });
});
