import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { device, insertUser, Jar, json, type Device } from './cart-fixtures';
import { ids, insertCheckoutWorld, pickupInput } from './orders-fixtures';
import { insertStaff, signIn } from './staff-fixtures';

// The loyalty, till and substitution steps each write their event once their change has committed (and nothing when
// it is refused), with the channel and store the step happened in; the dashboard's loyalty, in-store and
// substitution numbers then match what these steps did, worked out by hand below.
vi.mock('next/headers', async () => (await import('./cart-fixtures')).requestMock());

const { createTestDatabase } = await import('../helpers/db');
const { db } = await createTestDatabase();
const { env } = await import('@/lib/env');
const { flushEvents } = await import('@/lib/analytics/record');
const { loadDashboard } = await import('@/lib/analytics/dashboard');
const { toFilter } = await import('@/lib/analytics/filters');
const { placeOrder } = await import('@/lib/checkout/place-order');
const { computeTotals } = await import('@/lib/checkout/totals');
const { markPaid, confirmPayAtPickup } = await import('@/lib/orders/transitions');
const { onOrderConfirmed } = await import('@/lib/orders/after-confirmed');
const { adjustPoints } = await import('@/lib/loyalty/adjust');
const { redeemAtCounter } = await import('@/lib/loyalty/counter');
const { recordInStoreSale } = await import('@/lib/loyalty/sale');
const { memberCardToken, newConfirmCode } = await import('@/lib/loyalty/member-card');
const { expireDuePoints } = await import('@/lib/loyalty/sweep');
const { expiresAtFor } = await import('@/lib/loyalty/programme');
const { sweepSubstitutionTimeouts } = await import('@/lib/pickup/substitution-timeout');
const pickRoute = await import('@/app/api/v1/staff/orders/[id]/pick/route');
const answerRoute = await import('@/app/api/v1/orders/[id]/substitutions/[lineId]/route');

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
const DESKTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
const DAY = 24 * 60 * 60_000;

function browser(jar: Jar, userAgent: string): Device & { ua: Record<string, string> } {
  const ua = { 'user-agent': userAgent };
  Object.assign(jar, { requestHeaders: new Headers(ua) });
  return { ...device(jar), ua };
}

let member: { id: string; email: string };
let accountId: string;
let phone: ReturnType<typeof browser>;
let laptop: ReturnType<typeof browser>;
let till: ReturnType<typeof browser>;
let associate: SessionUser;
let admin: SessionUser;
// Worked out as the steps run, for the dashboard at the end.
const paid: { channel: string; totalMinor: number; member: boolean }[] = [];

beforeAll(async () => {
  Object.assign(env, { STRIPE_SECRET_KEY: undefined, stripeEnabled: false, demoMode: true, SMTP_URL: undefined });
  await insertCheckoutWorld(db);
  await db.stock.updateMany({ data: { onHand: 100 } });
  member = await insertUser(db, 'mina@example.com');
  await adjustPoints({ userId: member.id, points: 1_000, idempotencyKey: 'steps:welcome' });
  accountId = (await db.loyaltyAccount.findUniqueOrThrow({ where: { userId: member.id } })).id;
  phone = browser(await signIn(db, member, 'CUSTOMER'), IPHONE);
  laptop = browser(await signIn(db, member, 'CUSTOMER'), DESKTOP);
  const staff = await insertStaff(db, 'till@example.com', 'STAFF', [ids.store]);
  // The associate's own phone: their steps are still in store.
  till = browser(await signIn(db, staff, 'STAFF', [ids.store]), IPHONE);
  associate = { id: staff.id, email: staff.email, name: null, role: 'STAFF', storeIds: [ids.store] };
  const boss = await insertStaff(db, 'boss@example.com', 'ADMIN', []);
  admin = { id: boss.id, email: boss.email, name: null, role: 'ADMIN', storeIds: [] };
});

async function eventsOf(types: string[]) {
  await flushEvents();
  return db.commerceEvent.findMany({ where: { type: { in: types as never } }, orderBy: { id: 'asc' } });
}

const jacket = [{ variantId: ids.jacket, quantity: 2 }];

describe('loyalty and till steps', () => {
  it('an order paid online records the points it spent and earned, on the channel it was ordered on', async () => {
    // Two jackets (£90) on a phone, 500 points (£5) off: £85 of goods paid earns 85 points.
    const placed = await placeOrder(
      pickupInput(jacket, { userId: member.id, email: member.email, points: 500, paymentProvider: 'DEMO', channel: 'WEB_MOBILE' }),
    );
    await markPaid(placed.order.id);
    await onOrderConfirmed(placed.order.id);
    paid.push({ channel: 'PHONE_WEB', totalMinor: placed.order.totalMinor, member: true });

    const events = await eventsOf(['POINTS_EARNED', 'POINTS_SPENT', 'ORDER_PAID']);
    const common = { orderId: placed.order.id, channel: 'PHONE_WEB', storeId: ids.store, customerId: member.id };
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'ORDER_PAID', ...common, valueMinor: placed.order.totalMinor }),
        expect.objectContaining({ type: 'POINTS_SPENT', ...common, quantity: 500, valueMinor: 500 }),
        expect.objectContaining({ type: 'POINTS_EARNED', ...common, quantity: 85, valueMinor: 85 }),
      ]),
    );
    expect(events).toHaveLength(3);

    // A guest's order, paid: not a member's.
    const guest = await placeOrder(
      pickupInput([{ variantId: ids.boots, quantity: 1 }], { email: 'guest@example.com', paymentProvider: 'DEMO' }),
    );
    await markPaid(guest.order.id);
    await onOrderConfirmed(guest.order.id);
    paid.push({ channel: 'PHONE_WEB', totalMinor: guest.order.totalMinor, member: false });
    expect(await eventsOf(['POINTS_EARNED', 'POINTS_SPENT'])).toHaveLength(2);
  });

  it('points spent at the counter are recorded in store, and a refused spend records nothing', async () => {
    const tooMany = await newConfirmCode(member.id);
    await expect(
      redeemAtCounter(associate, ids.store, accountId, { points: 100_000, confirmCode: tooMany.code, idempotencyKey: 'till-big' }),
    ).rejects.toMatchObject({ code: 'insufficient_points' });
    expect(await eventsOf(['POINTS_SPENT'])).toHaveLength(1);

    const code = await newConfirmCode(member.id);
    await redeemAtCounter(associate, ids.store, accountId, { points: 200, confirmCode: code.code, idempotencyKey: 'till-1' });
    const spent = (await eventsOf(['POINTS_SPENT'])).at(-1);
    expect(spent).toMatchObject({
      channel: 'IN_STORE',
      storeId: ids.store,
      customerId: member.id,
      orderId: null,
      quantity: 200,
      valueMinor: 200,
    });
  });

  it('a sale at the till is recorded in store with the points it earned; a refused sale records nothing', async () => {
    const lines = [{ variantId: ids.lastFive, quantity: 2 }];
    const totalOf = (quantity: number) =>
      computeTotals({
        lines: [{ variantId: ids.lastFive, unitPriceMinor: 2000, quantity }],
        fulfilment: 'PICKUP',
        country: 'GB',
        currency: env.SHOP_CURRENCY,
      }).totalMinor;
    const totalMinor = totalOf(2);
    const sale = await recordInStoreSale(associate, ids.store, {
      lines,
      memberToken: memberCardToken(accountId),
      payment: { method: 'card', amountMinor: totalMinor },
      idempotencyKey: 'sale-1',
    });
    paid.push({ channel: 'IN_STORE', totalMinor, member: true });
    // Paid in full but not on the shelf in that number: the sale's transaction is refused, and nothing recorded.
    await expect(
      recordInStoreSale(associate, ids.store, {
        lines: [{ variantId: ids.lastFive, quantity: 1_000 }],
        memberToken: memberCardToken(accountId),
        payment: { method: 'cash', amountMinor: totalOf(1_000) },
        idempotencyKey: 'sale-2',
      }),
    ).rejects.toMatchObject({ code: 'out_of_stock' });

    const events = await eventsOf(['IN_STORE_SALE', 'POINTS_EARNED']);
    const common = { orderId: sale.orderId, channel: 'IN_STORE', storeId: ids.store, customerId: member.id };
    expect(events.filter((e) => e.type === 'IN_STORE_SALE')).toEqual([expect.objectContaining({ ...common, valueMinor: totalMinor })]);
    // £40 of goods: 40 points, pending like any paid order's.
    expect(events.filter((e) => e.orderId === sale.orderId && e.type === 'POINTS_EARNED')).toEqual([
      expect.objectContaining({ ...common, quantity: 40, valueMinor: 40 }),
    ]);
  });

  it('points that expire are recorded once, however many sweeps run', async () => {
    const saver = await insertUser(db, 'saver@example.com');
    const now = new Date();
    // Granted 14 months ago: they expired at the start of last month.
    const granted = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 14, 15));
    await adjustPoints({ userId: saver.id, points: 300, idempotencyKey: 'steps:saver' }, db, granted);
    const due = new Date(expiresAtFor(granted).getTime() + 60_000);
    await Promise.all([expireDuePoints(due), expireDuePoints(due), expireDuePoints(due)]);
    expect(await eventsOf(['POINTS_EXPIRED'])).toEqual([
      expect.objectContaining({ customerId: saver.id, quantity: 300, valueMinor: 300, channel: 'DESKTOP_WEB', occurredAt: due }),
    ]);
  });
});

describe('substitution steps', () => {
  const orderCtx = (id: string) => ({ params: Promise.resolve({ id }) });
  const pick = (id: string, lines: unknown) =>
    till.call(() => pickRoute.POST(json('POST', `/api/v1/staff/orders/${id}/pick`, { lines }, till.ua), orderCtx(id)));
  const answer = (d: typeof phone, id: string, lineId: string, accept: boolean) =>
    d.call(() =>
      answerRoute.POST(json('POST', `/api/v1/orders/${id}/substitutions/${lineId}`, { accept }, d.ua), {
        params: Promise.resolve({ id, lineId }),
      }),
    );

  // The member's pickup order of a jacket and boots, to pay at the counter.
  async function order() {
    const placed = await placeOrder(
      pickupInput(
        [
          { variantId: ids.jacket, quantity: 1 },
          { variantId: ids.boots, quantity: 1 },
        ],
        { userId: member.id, email: member.email, paymentProvider: 'PAY_AT_PICKUP' },
      ),
    );
    await confirmPayAtPickup(placed.order.id);
    const [jacketLine, bootsLine] = (
      await db.orderLine.findMany({ where: { orderId: placed.order.id }, orderBy: { position: 'asc' }, select: { id: true } })
    ).map((l) => l.id) as [string, string];
    return { id: placed.order.id, jacketLine, bootsLine };
  }

  it('offered in store, accepted or declined on the shopper’s device, left unanswered by the sweeper: one event each', async () => {
    const a = await order();
    // The jacket is not found and a smaller one offered; the boots are not found and nothing offered.
    expect((await pick(a.id, [{ lineId: a.jacketLine, status: 'short', substituteVariantId: ids.lastFive }])).status).toBe(200);
    expect((await pick(a.id, [{ lineId: a.bootsLine, status: 'short' }])).status).toBe(200);
    expect((await answer(phone, a.id, a.jacketLine, true)).status).toBe(200);
    const b = await order();
    expect((await pick(b.id, [{ lineId: b.jacketLine, status: 'short', substituteVariantId: ids.lastFive }])).status).toBe(200);
    expect((await answer(laptop, b.id, b.jacketLine, false)).status).toBe(200);
    // The same answer sent again changes nothing and records nothing.
    expect((await answer(laptop, b.id, b.jacketLine, false)).status).toBe(200);
    // The boots' question runs out (the store's 120 minutes); two sweepers at once drop the line once.
    const late = new Date(Date.now() + 121 * 60_000);
    await Promise.all([sweepSubstitutionTimeouts(late), sweepSubstitutionTimeouts(late)]);

    const events = await eventsOf(['SUBSTITUTION_OFFERED', 'SUBSTITUTION_ACCEPTED', 'SUBSTITUTION_DECLINED', 'SUBSTITUTION_EXPIRED']);
    const seen = events.map((e) => [e.type, e.channel, e.orderId, e.storeId]);
    expect(seen).toEqual(
      expect.arrayContaining([
        ['SUBSTITUTION_OFFERED', 'IN_STORE', a.id, ids.store],
        ['SUBSTITUTION_OFFERED', 'IN_STORE', a.id, ids.store],
        ['SUBSTITUTION_OFFERED', 'IN_STORE', b.id, ids.store],
        ['SUBSTITUTION_ACCEPTED', 'PHONE_WEB', a.id, ids.store],
        ['SUBSTITUTION_DECLINED', 'DESKTOP_WEB', b.id, ids.store],
        ['SUBSTITUTION_EXPIRED', 'IN_STORE', a.id, ids.store],
      ]),
    );
    expect(seen).toHaveLength(6);
  });
});

describe('the dashboard over these steps', () => {
  // From the start of last month (the expiry) to tomorrow (the sweeper's late answer time may be after midnight).
  const now = new Date();
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
  const to = new Date(now.getTime() + DAY).toISOString().slice(0, 10);
  const table = async (id: string) => (await loadDashboard(admin, toFilter({ from, to }))).tables.find((t) => t.id === id)!;

  it('loyalty: points issued and spent, the ledger’s liability, and members’ share of paid orders', async () => {
    // Issued: 85 (online order) + 40 (till). Spent: 500 (checkout) + 200 (counter). Liability: the member's 1,000
    // welcome points − 500 + 85 − 200 + 40, and the saver's 300 granted and 300 expired.
    const members = paid.filter((p) => p.member).length / paid.length;
    expect((await table('loyalty')).rows).toEqual([
      { label: 'Points issued', points: 125, value: 125, share: null },
      { label: 'Points spent', points: 700, value: 700, share: null },
      { label: 'Outstanding (liability)', points: 425, value: 425, share: null },
      { label: 'Paid orders by members', points: null, value: null, share: members },
    ]);
    expect(members).toBeCloseTo(2 / 3);
  });

  it('in store: the till’s sale on the In store row; pickup share is of online orders', async () => {
    const sum = (channel: string) => paid.filter((p) => p.channel === channel).reduce((s, p) => s + p.totalMinor, 0);
    const count = (channel: string) => paid.filter((p) => p.channel === channel).length;
    expect((await table('sales-by-channel')).rows).toEqual([
      { label: 'Phone web', orders: 2, revenue: sum('PHONE_WEB'), aov: Math.round(sum('PHONE_WEB') / 2), pickupShare: 1 },
      { label: 'Desktop web', orders: 0, revenue: 0, aov: null, pickupShare: null },
      { label: 'In store', orders: count('IN_STORE'), revenue: sum('IN_STORE'), aov: sum('IN_STORE'), pickupShare: null },
    ]);
    expect((await table('sales-by-store')).rows).toEqual([
      { label: 'Riverside', orders: 3, revenue: sum('PHONE_WEB') + sum('IN_STORE'), aov: expect.any(Number), pickupShare: 1 },
    ]);
  });

  it('substitutions: 3 offered, 1 accepted, 1 declined, 1 not answered in time', async () => {
    expect((await table('substitutions')).rows).toEqual([
      { label: 'Substitute offered', count: 3, share: 1 },
      { label: 'Accepted', count: 1, share: 1 / 3 },
      { label: 'Declined', count: 1, share: 1 / 3 },
      { label: 'Not answered in time', count: 1, share: 1 / 3 },
    ]);
  });
});
