import { beforeAll, describe, expect, it, vi } from 'vitest';
import { device, insertUser, Jar, json, type Device } from './cart-fixtures';
import { ids, insertCheckoutWorld } from './orders-fixtures';
import { insertStaff, signIn } from './staff-fixtures';

vi.mock('next/headers', async () => (await import('./cart-fixtures')).requestMock());

const { createTestDatabase } = await import('../helpers/db');
const { db } = await createTestDatabase();
const { env } = await import('@/lib/env');
const { flushEvents } = await import('@/lib/analytics/record');
const { loadDashboard } = await import('@/lib/analytics/dashboard');
const { toFilter } = await import('@/lib/analytics/filters');
const viewsRoute = await import('@/app/api/v1/views/route');
const linesRoute = await import('@/app/api/v1/cart/lines/route');
const checkoutRoute = await import('@/app/api/v1/checkout/route');
const demoRoute = await import('@/app/api/v1/checkout/demo-payment/route');
const eventsRoute = await import('@/app/api/v1/events/route');
const staffOrderRoute = await import('@/app/api/v1/staff/orders/[id]/route');
const pickRoute = await import('@/app/api/v1/staff/orders/[id]/pick/route');
const readyRoute = await import('@/app/api/v1/staff/orders/[id]/ready/route');
const handoverRoute = await import('@/app/api/v1/staff/orders/[id]/handover/route');
const csvRoute = await import('@/app/api/v1/admin/analytics/[table]/route');

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
const DESKTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';

function browser(jar: Jar, userAgent: string, hints: Record<string, string> = {}): Device & { ua: Record<string, string> } {
  const ua = { 'user-agent': userAgent, ...hints };
  Object.assign(jar, { requestHeaders: new Headers(ua) });
  return { ...device(jar), ua };
}

const orderCtx = (id: string) => ({ params: Promise.resolve({ id }) });
const tableCtx = (table: string) => ({ params: Promise.resolve({ table }) });

let shopperId: string;
let phone: ReturnType<typeof browser>;
let laptop: ReturnType<typeof browser>;
let staff: ReturnType<typeof browser>;
let admin: Device;
let customer: Device;
let associate: Device;

beforeAll(async () => {
  Object.assign(env, { STRIPE_SECRET_KEY: undefined, stripeEnabled: false, demoMode: true, SMTP_URL: undefined });
  await insertCheckoutWorld(db);
  const shopper = await insertUser(db, 'sam@example.com');
  shopperId = shopper.id;
  // One shopper on two devices: the bag is started on an iPhone and bought on a desktop (Chromium sends a hint).
  phone = browser(await signIn(db, shopper, 'CUSTOMER'), IPHONE);
  laptop = browser(await signIn(db, shopper, 'CUSTOMER'), DESKTOP, { 'sec-ch-ua-mobile': '?0' });
  phone.jar.set('nw_aid', '11111111-1111-4111-8111-111111111111');
  laptop.jar.set('nw_aid', '22222222-2222-4222-8222-222222222222');
  // The associate uses a phone too: the store's steps are still in store.
  const a = await insertStaff(db, 'staff@example.com', 'STAFF', [ids.store]);
  staff = browser(await signIn(db, a, 'STAFF', [ids.store]), IPHONE);
  associate = staff;
  const boss = await insertStaff(db, 'boss@example.com', 'ADMIN', []);
  admin = device(await signIn(db, boss, 'ADMIN'));
  customer = phone;
});

async function eventsOf(where: Record<string, unknown> = {}) {
  await flushEvents();
  return db.commerceEvent.findMany({ where, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] });
}

describe('events recorded along a shopper journey', () => {
  it('writes each step once with the channel decided by the server, and no personal details', async () => {
    const view = await phone.call(() => viewsRoute.POST(json('POST', '/api/v1/views', { productId: 'prod_o' }, phone.ua)));
    expect(view.status).toBe(204);
    const add = await phone.call(() =>
      linesRoute.POST(json('POST', '/api/v1/cart/lines', { variantId: ids.jacket, quantity: 2 }, phone.ua)),
    );
    expect(add.status).toBe(201);
    const click = await laptop.call(() =>
      eventsRoute.POST(json('POST', '/api/v1/events', { type: 'REC_CLICKED', productId: 'prod_o', shelf: 'similar' }, laptop.ua)),
    );
    expect(click.status).toBe(204);
    const checkout = await laptop.call(() =>
      checkoutRoute.POST(
        json('POST', '/api/v1/checkout', { email: 'sam@example.com', fulfilment: 'PICKUP', pickupLocationId: ids.store }, laptop.ua),
      ),
    );
    expect(checkout.status).toBe(201);
    const { order, pickupCode } = (await checkout.json()) as { order: { id: string; totalMinor: number }; pickupCode: string };
    const paid = await laptop.call(() =>
      demoRoute.POST(json('POST', '/api/v1/checkout/demo-payment', { orderId: order.id, outcome: 'succeed' }, laptop.ua)),
    );
    expect(paid.status).toBe(200);

    const card = (await (
      await staff.call(() => staffOrderRoute.GET(json('GET', `/api/v1/staff/orders/${order.id}`, undefined, staff.ua), orderCtx(order.id)))
    ).json()) as { order: { lines: { id: string }[] } };
    const lines = card.order.lines.map((l) => ({ lineId: l.id, status: 'picked' }));
    const pick = await staff.call(() =>
      pickRoute.POST(json('POST', `/api/v1/staff/orders/${order.id}/pick`, { lines }, staff.ua), orderCtx(order.id)),
    );
    expect(pick.status).toBe(200);
    const ready = await staff.call(() =>
      readyRoute.POST(json('POST', `/api/v1/staff/orders/${order.id}/ready`, undefined, staff.ua), orderCtx(order.id)),
    );
    expect(ready.status).toBe(200);
    const handover = await staff.call(() =>
      handoverRoute.POST(
        json('POST', `/api/v1/staff/orders/${order.id}/handover`, { code: pickupCode, collectedBy: { kind: 'shopper' } }, staff.ua),
        orderCtx(order.id),
      ),
    );
    expect(handover.status).toBe(200);

    const events = await eventsOf();
    // The points the paid order earned are recorded with it (see analytics-steps.test.ts); here, the order's steps.
    const steps = events.filter((e) => !e.type.startsWith('POINTS_')).map((e) => [e.type, e.channel]);
    expect(steps).toEqual([
      ['PRODUCT_VIEWED', 'PHONE_WEB'],
      ['BAG_ADDED', 'PHONE_WEB'],
      ['REC_CLICKED', 'DESKTOP_WEB'],
      ['CHECKOUT_STARTED', 'DESKTOP_WEB'],
      ['ORDER_PLACED', 'DESKTOP_WEB'],
      ['ORDER_PAID', 'DESKTOP_WEB'],
      ['ORDER_READY', 'IN_STORE'],
      ['ORDER_COLLECTED', 'IN_STORE'],
    ]);
    const byType = Object.fromEntries(events.map((e) => [e.type, e]));
    expect(byType.PRODUCT_VIEWED).toMatchObject({
      productId: 'prod_o',
      customerId: shopperId,
      anonymousId: '11111111-1111-4111-8111-111111111111',
    });
    // The bag's value is the server's price (£45 × 2), whatever the browser sent.
    expect(byType.BAG_ADDED).toMatchObject({ productId: 'prod_o', quantity: 2, valueMinor: 9000, customerId: shopperId });
    expect(byType.ORDER_PLACED).toMatchObject({ orderId: order.id, storeId: ids.store, valueMinor: order.totalMinor });
    // Where its bag was started, kept on the order's own row.
    expect(byType.ORDER_PLACED).toMatchObject({ bagChannel: 'PHONE_WEB', bagAnonymousId: '11111111-1111-4111-8111-111111111111' });
    expect(byType.ORDER_PAID).toMatchObject({ orderId: order.id, storeId: ids.store, valueMinor: order.totalMinor, customerId: shopperId });
    expect(byType.ORDER_COLLECTED).toMatchObject({ orderId: order.id, storeId: ids.store });
    // The order earned points for its £90 of goods, on the channel it was bought on.
    expect(byType.POINTS_EARNED).toMatchObject({ orderId: order.id, channel: 'DESKTOP_WEB', customerId: shopperId, quantity: 90 });
    expect(byType.REC_CLICKED).toMatchObject({ shelf: 'similar', productId: 'prod_o' });
    expect(JSON.stringify(events, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain('sam@example.com');

    // The dashboard sees the same journey: bag started on a phone, bought on a desktop, collected in store, and
    // the clicked product's line as revenue from the "similar" shelf.
    const today = new Date().toISOString().slice(0, 10);
    const { tables } = await loadDashboard(await userOf(admin), toFilter({ from: today, to: today }));
    const table = (id: string) => tables.find((t) => t.id === id)!;
    expect(table('cross-device').rows).toEqual([{ label: 'Phone web → Desktop web', orders: 1, otherDevice: 1, share: 1 }]);
    expect(table('collected-in-store').rows).toEqual([{ label: 'Riverside, Desktop web', orders: 1 }]);
    expect(table('recommendations').rows).toEqual([{ label: 'similar', shown: 0, clicks: 1, ctr: null, revenue: 9000 }]);
  });
});

async function userOf(d: Device) {
  const { getSessionUser } = await import('@/lib/auth/session');
  return d.call(() => getSessionUser());
}

// A history written by hand, 10–12 January 2026, with every expected number worked out below.
describe('the dashboard over a seeded history', () => {
  const X = 'user_x';
  const at = (day: number, time: string) => new Date(`2026-01-${String(day).padStart(2, '0')}T${time}:00Z`);
  const range = toFilter({ from: '2026-01-10', to: '2026-01-12' });
  type Ids = Record<'storeId' | 'anonymousId' | 'customerId' | 'cartId' | 'orderId' | 'productId' | 'shelf', string | null>;
  const base: Ids = { storeId: null, anonymousId: null, customerId: null, cartId: null, orderId: null, productId: null, shelf: null };
  type Seed = Partial<Ids> & { type: string; channel: string; occurredAt: Date; quantity?: number; valueMinor?: number };
  const seed = (events: Seed[]) => db.commerceEvent.createMany({ data: events.map((e) => ({ ...base, ...e })) as never });
  const table = async (id: string, filter = range) => (await loadDashboard(await userOf(admin), filter)).tables.find((t) => t.id === id)!;

  beforeAll(async () => {
    const x = await db.user.create({ data: { id: X, email: 'x@example.com' } });
    // o1: X's order, with one Trail Jacket (£45) that X had clicked on the "similar" shelf.
    await db.order.create({
      data: {
        id: 'o1',
        number: 'NW-O1',
        userId: x.id,
        email: x.email,
        channel: 'WEB_DESKTOP',
        fulfilment: 'PICKUP',
        pickupLocationId: ids.store,
        subtotalMinor: 5000,
        totalMinor: 5000,
        lines: {
          create: [{ productId: 'prod_o', variantId: ids.jacket, name: 'Trail Jacket', sku: 'TJ-M', unitPriceMinor: 4500, quantity: 1 }],
        },
      },
    });
    const paid = (orderId: string, channel: string, storeId: string | null, valueMinor: number, day: number, extra: Partial<Ids> = {}) => ({
      type: 'ORDER_PAID',
      channel,
      storeId,
      orderId,
      valueMinor,
      occurredAt: at(day, '13:00'),
      ...extra,
    });
    const repeat = (n: number, e: Seed) => Array.from({ length: n }, () => e);
    // The points ledger behind the loyalty events (the liability is read from it): X's and Y's entries, and one the
    // day after the range, which the range's liability leaves out.
    const y = await db.user.create({ data: { id: 'user_y', email: 'y@example.com' } });
    const [ax, ay] = await Promise.all([x, y].map((u) => db.loyaltyAccount.create({ data: { userId: u.id } })));
    const entry = (accountId: string, kind: string, points: number, day: number, key: string) => ({
      id: `le_${key}`,
      accountId,
      kind,
      points,
      channel: 'ONLINE',
      idempotencyKey: key,
      createdAt: at(day, '12:00'),
    });
    await db.loyaltyEntry.createMany({
      data: [
        entry(ax!.id, 'EARN', 100, 9, 'x1'),
        entry(ax!.id, 'EARN', 200, 10, 'x2'),
        entry(ax!.id, 'REDEEM', -50, 11, 'x3'),
        entry(ay!.id, 'ADJUST', 30, 1, 'y1'),
        entry(ay!.id, 'EXPIRE', -10, 11, 'y2'),
        entry(ay!.id, 'ADJUST', 1000, 13, 'y3'),
      ] as never,
    });
    await seed([
      paid('o1', 'PHONE_WEB', ids.store, 5000, 10, { customerId: X, cartId: 'cart1' }),
      paid('o2', 'PHONE_WEB', null, 3000, 10),
      paid('o3', 'DESKTOP_WEB', ids.store, 10000, 10, { cartId: 'cart3' }),
      paid('o4', 'DESKTOP_WEB', ids.noPickup, 2000, 12, { cartId: 'cart4' }),
      paid('o5', 'DESKTOP_WEB', ids.store, 9999, 13), // the day after the range
      ...repeat(6, { type: 'PRODUCT_VIEWED', channel: 'PHONE_WEB', occurredAt: at(10, '08:00') }),
      ...repeat(4, { type: 'PRODUCT_VIEWED', channel: 'DESKTOP_WEB', occurredAt: at(11, '08:00') }),
      ...repeat(5, { type: 'CHECKOUT_STARTED', channel: 'DESKTOP_WEB', occurredAt: at(11, '08:00') }),
      // Bags: o1's started on a phone (browser A) and placed on a desktop (B); o3's on one desktop; o4's on two.
      { type: 'BAG_ADDED', channel: 'PHONE_WEB', cartId: 'cart1', anonymousId: 'A', occurredAt: at(10, '08:00') },
      { type: 'BAG_ADDED', channel: 'PHONE_WEB', cartId: 'cart1', anonymousId: 'A', occurredAt: at(10, '08:05') },
      { type: 'BAG_ADDED', channel: 'DESKTOP_WEB', cartId: 'cart3', anonymousId: 'C', occurredAt: at(10, '10:50') },
      { type: 'BAG_ADDED', channel: 'DESKTOP_WEB', cartId: 'cart4', anonymousId: 'D', occurredAt: at(11, '20:00') },
      {
        type: 'ORDER_PLACED',
        channel: 'DESKTOP_WEB',
        orderId: 'o1',
        cartId: 'cart1',
        storeId: ids.store,
        customerId: X,
        anonymousId: 'B',
        occurredAt: at(10, '10:00'),
      },
      {
        type: 'ORDER_PLACED',
        channel: 'DESKTOP_WEB',
        orderId: 'o3',
        cartId: 'cart3',
        storeId: ids.store,
        anonymousId: 'C',
        occurredAt: at(10, '11:00'),
      },
      {
        type: 'ORDER_PLACED',
        channel: 'DESKTOP_WEB',
        orderId: 'o4',
        cartId: 'cart4',
        storeId: ids.noPickup,
        anonymousId: 'E',
        occurredAt: at(12, '09:00'),
      },
      // Pickup: o1 ready after 30 min, collected 120 min later; o3 ready after 90 min, never collected; o4 10 and 30.
      { type: 'ORDER_READY', channel: 'IN_STORE', orderId: 'o1', storeId: ids.store, occurredAt: at(10, '10:30') },
      { type: 'ORDER_COLLECTED', channel: 'IN_STORE', orderId: 'o1', storeId: ids.store, occurredAt: at(10, '12:30') },
      { type: 'ORDER_READY', channel: 'IN_STORE', orderId: 'o3', storeId: ids.store, occurredAt: at(10, '12:30') },
      { type: 'ORDER_NOT_COLLECTED', channel: 'IN_STORE', orderId: 'o3', storeId: ids.store, occurredAt: at(20, '12:30') },
      { type: 'ORDER_READY', channel: 'IN_STORE', orderId: 'o4', storeId: ids.noPickup, occurredAt: at(12, '09:10') },
      { type: 'ORDER_COLLECTED', channel: 'IN_STORE', orderId: 'o4', storeId: ids.noPickup, occurredAt: at(12, '09:40') },
      // Recommendations: "similar" shown 4 times, clicked once by X before o1; "trending" shown twice.
      ...repeat(4, { type: 'REC_SHOWN', channel: 'DESKTOP_WEB', shelf: 'similar', occurredAt: at(10, '08:30') }),
      ...repeat(2, { type: 'REC_SHOWN', channel: 'DESKTOP_WEB', shelf: 'trending', occurredAt: at(10, '08:30') }),
      { type: 'REC_CLICKED', channel: 'DESKTOP_WEB', shelf: 'similar', productId: 'prod_o', customerId: X, occurredAt: at(10, '09:00') },
      // Loyalty: X earned 100 (phone, before the range) and 200 (desktop), spent 50 in store; Y earned 30, 10 expired.
      { type: 'POINTS_EARNED', channel: 'PHONE_WEB', customerId: X, quantity: 100, valueMinor: 100, occurredAt: at(9, '12:00') },
      { type: 'POINTS_EARNED', channel: 'DESKTOP_WEB', customerId: X, quantity: 200, valueMinor: 200, occurredAt: at(10, '12:00') },
      {
        type: 'POINTS_SPENT',
        channel: 'IN_STORE',
        customerId: X,
        storeId: ids.store,
        quantity: 50,
        valueMinor: 50,
        occurredAt: at(11, '12:00'),
      },
      { type: 'POINTS_EARNED', channel: 'PHONE_WEB', customerId: 'user_y', quantity: 30, valueMinor: 30, occurredAt: at(1, '12:00') },
      { type: 'POINTS_EXPIRED', channel: 'DESKTOP_WEB', customerId: 'user_y', quantity: 10, valueMinor: 10, occurredAt: at(11, '12:00') },
      // Reminders: bag 4 reminded by e-mail and text, opened and bought; bag 9 reminded only.
      { type: 'REMINDER_SENT', channel: 'DESKTOP_WEB', cartId: 'cart4', occurredAt: at(11, '08:00') },
      { type: 'REMINDER_SENT', channel: 'DESKTOP_WEB', cartId: 'cart4', occurredAt: at(11, '08:01') },
      { type: 'REMINDER_SENT', channel: 'DESKTOP_WEB', cartId: 'cart9', occurredAt: at(11, '08:00') },
      { type: 'REMINDER_OPENED', channel: 'PHONE_WEB', cartId: 'cart4', occurredAt: at(11, '09:00') },
      ...repeat(4, { type: 'SUBSTITUTION_OFFERED', channel: 'IN_STORE', storeId: ids.store, occurredAt: at(10, '10:10') }),
      ...repeat(2, { type: 'SUBSTITUTION_ACCEPTED', channel: 'PHONE_WEB', storeId: ids.store, occurredAt: at(10, '10:20') }),
      { type: 'SUBSTITUTION_DECLINED', channel: 'PHONE_WEB', storeId: ids.store, occurredAt: at(10, '10:20') },
      { type: 'SUBSTITUTION_EXPIRED', channel: 'IN_STORE', storeId: ids.store, occurredAt: at(10, '12:10') },
    ]);
  });

  it('orders, revenue, average order and pickup share by channel and by store, with the filters', async () => {
    expect((await table('sales-by-channel')).rows).toEqual([
      { label: 'Phone web', orders: 2, revenue: 8000, aov: 4000, pickupShare: 0.5 },
      { label: 'Desktop web', orders: 2, revenue: 12000, aov: 6000, pickupShare: 1 },
      { label: 'In store', orders: 0, revenue: 0, aov: null, pickupShare: null },
    ]);
    expect((await table('sales-by-channel', { ...range, channel: 'PHONE_WEB' })).rows).toEqual([
      { label: 'Phone web', orders: 2, revenue: 8000, aov: 4000, pickupShare: 0.5 },
    ]);
    expect((await table('sales-by-channel', { ...range, storeId: ids.store })).rows.map((r) => r.revenue)).toEqual([5000, 10000, 0]);
    expect((await table('sales-by-store')).rows).toEqual([
      { label: 'Riverside', orders: 2, revenue: 15000, aov: 7500, pickupShare: 1 },
      { label: 'Delivery', orders: 1, revenue: 3000, aov: 3000, pickupShare: 0 },
      { label: 'Outlet', orders: 1, revenue: 2000, aov: 2000, pickupShare: 1 },
    ]);
  });

  it('the funnel, pickup times, substitutions and not-collected rate', async () => {
    expect((await table('funnel')).rows).toEqual([
      { label: 'Product viewed', count: 10, fromPrevious: null, fromViews: 1 },
      { label: 'Added to bag', count: 4, fromPrevious: 0.4, fromViews: 0.4 },
      { label: 'Checkout started', count: 5, fromPrevious: 1.25, fromViews: 0.5 },
      { label: 'Paid', count: 4, fromPrevious: 0.8, fromViews: 0.4 },
    ]);
    expect((await table('funnel', { ...range, channel: 'PHONE_WEB' })).rows.map((r) => r.count)).toEqual([6, 2, 0, 2]);
    const service = (await table('pickup-service')).rows;
    expect(service).toEqual(
      [
        { label: 'Outlet', orders: 1, readyMedian: 10, readyP90: 10, collectMedian: 30, collectP90: 30, notCollectedRate: 0 },
        { label: 'Riverside', orders: 2, readyMedian: 60, readyP90: 84, collectMedian: 120, collectP90: 120, notCollectedRate: 0.5 },
        // Ready: 10, 30, 90 minutes (p90 = 30 + 0.8 × 60); collected: 30, 120 (p90 = 30 + 0.9 × 90).
        { label: 'All stores', orders: 3, readyMedian: 30, readyP90: 78, collectMedian: 75, collectP90: 111, notCollectedRate: 1 / 3 },
      ].map((r) =>
        expect.objectContaining(
          Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? expect.closeTo(v, 6) : v])),
        ),
      ),
    );
    expect((await table('substitutions')).rows).toEqual([
      { label: 'Substitute offered', count: 4, share: 1 },
      { label: 'Accepted', count: 2, share: 0.5 },
      { label: 'Declined', count: 1, share: 0.25 },
      { label: 'Not answered in time', count: 1, share: 0.25 },
    ]);
  });

  it('recommendations, loyalty, reminders and the cross-channel tables', async () => {
    expect((await table('recommendations')).rows).toEqual([
      { label: 'similar', shown: 4, clicks: 1, ctr: 0.25, revenue: 4500 },
      { label: 'trending', shown: 2, clicks: 0, ctr: 0, revenue: 0 },
    ]);
    expect((await table('loyalty')).rows).toEqual([
      { label: 'Points issued', points: 200, value: 200, share: null },
      { label: 'Points spent', points: 50, value: 50, share: null },
      { label: 'Outstanding (liability)', points: 270, value: 270, share: null },
      { label: 'Paid orders by members', points: null, value: null, share: 0.25 },
    ]);
    expect((await table('reminders')).rows).toEqual([
      { label: 'Bags reminded', count: 2, share: null },
      { label: 'Opened the bag', count: 1, share: 0.5 },
      { label: 'Bought', count: 1, share: 0.5 },
    ]);
    expect((await table('cross-device')).rows).toEqual([
      { label: 'Phone web → Desktop web', orders: 1, otherDevice: 1, share: 1 },
      { label: 'Desktop web → Desktop web', orders: 2, otherDevice: 1, share: 0.5 },
    ]);
    expect((await table('collected-in-store')).rows).toEqual([
      { label: 'Outlet, Desktop web', orders: 1 },
      { label: 'Riverside, Desktop web', orders: 1 },
    ]);
    expect((await table('cross-channel-points')).rows).toEqual([
      { label: 'Phone web → In store', customers: 1, points: 50 },
      { label: 'Desktop web → In store', customers: 1, points: 50 },
    ]);
  });

  it('is for admins only: the CSV export answers 401 signed out, 403 to a customer or an associate, the table to an admin', async () => {
    const url = '/api/v1/admin/analytics/sales-by-channel?from=2026-01-10&to=2026-01-12';
    const csv = (d: Device) => d.call(() => csvRoute.GET(json('GET', url), tableCtx('sales-by-channel')));
    expect((await csv(device())).status).toBe(401);
    expect((await csv(customer)).status).toBe(403);
    expect((await csv(associate)).status).toBe(403);
    const res = await csv(admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="sales-by-channel_2026-01-10_2026-01-12.csv"');
    expect(await res.text()).toBe(
      'Channel,Orders,Revenue (GBP),Average order (GBP),Pickup share\r\nPhone web,2,80.00,40.00,0.5000\r\nDesktop web,2,120.00,60.00,1.0000\r\nIn store,0,0.00,,\r\n',
    );
    const unknown = await admin.call(() => csvRoute.GET(json('GET', '/api/v1/admin/analytics/secrets'), tableCtx('secrets')));
    expect(unknown.status).toBe(404);
    await expect(loadDashboard(await userOf(customer), range)).rejects.toMatchObject({ status: 403 });
    await expect(loadDashboard(await userOf(associate), range)).rejects.toMatchObject({ status: 403 });
  });
});
