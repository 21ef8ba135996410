import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cookiesMock, device, json, type Device } from './cart-fixtures';
import { ids, insertCheckoutWorld } from './orders-fixtures';
import { insertStaff, signIn } from './staff-fixtures';

// The store's queue read a page at a time (GET /api/v1/staff/stores/{storeId}/pickups?status=&cursor=&limit=), as
// the /staff page and a handheld read it: every order of a tab exactly once across its pages, in the tab's order,
// each tab's count, and the same scoping as before.
vi.mock('next/headers', () => cookiesMock());

const { createTestDatabase } = await import('../helpers/db');
const { db } = await createTestDatabase();
const queueRoute = await import('@/app/api/v1/staff/stores/[storeId]/pickups/route');

const TABS = ['to_pick', 'picking', 'ready', 'waiting', 'collected', 'problems'] as const;
type Tab = (typeof TABS)[number];
type Card = { id: string; status: string; readyBy: string | null; collectedAt: string | null; tabs: Tab[] };
type Page = { counts: Record<Tab, number>; orders: Card[]; nextCursor: string | null; tab: Tab | null };

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
let riverside: Device;
let outlet: Device;

const storeCtx = (storeId: string) => ({ params: Promise.resolve({ storeId }) });
const read = (d: Device, query: string, storeId = ids.store) =>
  d.call(() => queueRoute.GET(json('GET', `/api/v1/staff/stores/${storeId}/pickups?${query}`), storeCtx(storeId)));

async function page(query: string, d = riverside, storeId = ids.store): Promise<Page> {
  const res = await read(d, query, storeId);
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
}

// Every page of a tab, following nextCursor; the pages' sizes too.
async function walk(tab: Tab | null, limit: number, d = riverside, storeId = ids.store) {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams({ limit: String(limit) });
    if (tab) q.set('status', tab);
    if (cursor) q.set('cursor', cursor);
    const p = await page(q.toString(), d, storeId);
    pages.push(p);
    cursor = p.nextCursor;
    expect(pages.length).toBeLessThan(100);
  } while (cursor);
  return { pages, cards: pages.flatMap((p) => p.orders) };
}

let seq = 0;
type Seed = {
  state: 'TO_PICK' | 'PICKING' | 'READY' | 'WAITING' | 'COLLECTED';
  paidAt: Date | null;
  placedAt?: Date;
  store?: string;
  short?: boolean;
  lockedUntil?: Date;
  readyAt?: Date;
  collectedAt?: Date;
  orderStatus?: 'PENDING' | 'CANCELLED';
};

// An order at the store as the checkout and the staff actions leave it (Order, its line, and the store's Pickup row).
async function insertOrder(seed: Seed): Promise<string> {
  const n = seq++;
  const id = `ord_${String(n).padStart(4, '0')}`;
  const placedAt = seed.placedAt ?? seed.paidAt ?? new Date();
  const status =
    seed.orderStatus ??
    (seed.state === 'COLLECTED'
      ? 'COMPLETED'
      : seed.state === 'READY' || seed.state === 'WAITING'
        ? 'READY_FOR_PICKUP'
        : seed.paidAt
          ? 'PAID'
          : 'CONFIRMED');
  await db.order.create({
    data: {
      id,
      number: `NW-9${String(n).padStart(5, '0')}`,
      email: `shopper${n}@example.com`,
      status,
      channel: 'WEB_MOBILE',
      fulfilment: 'PICKUP',
      pickupLocationId: seed.store ?? ids.store,
      subtotalMinor: 4500,
      totalMinor: 4500,
      placedAt,
      paidAt: seed.paidAt,
      paymentProvider: seed.paidAt ? 'DEMO' : 'PAY_AT_PICKUP',
      lines: {
        create: [
          {
            id: `${id}_l1`,
            productId: 'prod_o',
            variantId: ids.jacket,
            name: 'Trail Jacket',
            sku: 'TJ-M',
            unitPriceMinor: 4500,
            quantity: 1,
          },
        ],
      },
    },
  });
  if (seed.state !== 'TO_PICK' || seed.short) {
    await db.pickup.create({
      data: {
        orderId: id,
        locationId: seed.store ?? ids.store,
        status: seed.state === 'TO_PICK' ? 'PICKING' : seed.state,
        readyAt: seed.readyAt ?? (['READY', 'WAITING', 'COLLECTED'].includes(seed.state) ? new Date(Date.now() - 30 * MIN) : null),
        arrivedAt: seed.state === 'WAITING' ? new Date(Date.now() - 5 * MIN) : null,
        collectedAt: seed.collectedAt ?? null,
        collectedByKind: seed.state === 'COLLECTED' ? 'SHOPPER' : null,
        lockedUntil: seed.lockedUntil ?? null,
        lines: seed.short ? { create: [{ orderLineId: `${id}_l1`, status: 'SHORT', byId: 'staff' }] } : undefined,
      },
    });
  }
  return id;
}

beforeAll(async () => {
  await insertCheckoutWorld(db);
  const a = await insertStaff(db, 'staff.riverside@example.com', 'STAFF', [ids.store]);
  const b = await insertStaff(db, 'staff.outlet@example.com', 'STAFF', [ids.noPickup]);
  riverside = device(await signIn(db, a, 'STAFF', [ids.store]));
  outlet = device(await signIn(db, b, 'STAFF', [ids.noPickup]));

  const now = Date.now();
  // To pick: paid over the last 40 hours (some long overdue, some on time, whatever the time of day), several at the
  // very same moment (the id decides between them), and some to pay at the counter (placed, never paid).
  const tie = new Date(now - 3 * 60 * MIN);
  for (let i = 0; i < 24; i++) await insertOrder({ state: 'TO_PICK', paidAt: new Date(now - i * 101 * MIN) });
  for (let i = 0; i < 5; i++) await insertOrder({ state: 'TO_PICK', paidAt: tie });
  for (let i = 0; i < 4; i++) await insertOrder({ state: 'TO_PICK', paidAt: null, placedAt: new Date(now - i * 37 * MIN) });
  for (let i = 0; i < 6; i++) await insertOrder({ state: 'PICKING', paidAt: new Date(now - i * 41 * MIN), short: i === 2 });
  for (let i = 0; i < 5; i++) {
    await insertOrder({ state: 'READY', paidAt: new Date(now - DAY), readyAt: i === 0 ? new Date(now - 3 * DAY) : undefined });
  }
  for (let i = 0; i < 3; i++) {
    await insertOrder({ state: 'WAITING', paidAt: new Date(now - DAY), lockedUntil: i === 1 ? new Date(now + 10 * MIN) : undefined });
  }
  // A lock that has run out is no problem.
  await insertOrder({ state: 'WAITING', paidAt: new Date(now - DAY), lockedUntil: new Date(now - MIN) });
  for (let i = 0; i < 4; i++)
    await insertOrder({ state: 'COLLECTED', paidAt: new Date(now - DAY), collectedAt: new Date(now - (i + 1) * 1000) });

  // Not on the queue: collected days ago, awaiting online payment, cancelled, and another store's orders.
  await insertOrder({ state: 'COLLECTED', paidAt: new Date(now - 3 * DAY), collectedAt: new Date(now - 2 * DAY) });
  await insertOrder({ state: 'TO_PICK', paidAt: null, orderStatus: 'PENDING' });
  await insertOrder({ state: 'TO_PICK', paidAt: new Date(now - MIN), orderStatus: 'CANCELLED' });
  for (let i = 0; i < 3; i++) await insertOrder({ state: 'TO_PICK', paidAt: new Date(now - i * MIN), store: ids.noPickup });
});

const byReadyBy = (cards: Card[]) => cards.map((c) => Date.parse(c.readyBy!));
const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1]! <= x);

describe('paging the queue', () => {
  it('walks every tab a page at a time: each order once, in the tab’s order, and as many as the tab’s count', async () => {
    const all = await walk(null, 100);
    expect(all.pages).toHaveLength(1);
    const counts = all.pages[0]!.counts;
    // Counted as the cards themselves say where they belong.
    for (const tab of TABS) expect(counts[tab], tab).toBe(all.cards.filter((c) => c.tabs.includes(tab)).length);
    expect(counts).toMatchObject({ to_pick: 33, picking: 6, ready: 5, waiting: 4, collected: 4 });
    // The queue holds 52 orders: nothing of the other store's, nothing pending, cancelled or collected before today.
    expect(all.cards).toHaveLength(52);

    for (const tab of TABS) {
      const { pages, cards } = await walk(tab, 7);
      const ids = cards.map((c) => c.id);
      expect(new Set(ids).size, `${tab}: no order twice`).toBe(ids.length);
      expect(ids.length, `${tab}: every order`).toBe(counts[tab]);
      expect(cards.every((c) => c.tabs.includes(tab))).toBe(true);
      expect(pages.slice(0, -1).every((p) => p.orders.length === 7)).toBe(true);
      expect(pages.at(-1)!.nextCursor).toBeNull();
      for (const p of pages) expect(p.counts).toEqual(counts);
      if (tab === 'collected') {
        const times = cards.map((c) => -Date.parse(c.collectedAt!));
        expect(ascending(times), 'latest collected first').toBe(true);
      } else {
        expect(ascending(byReadyBy(cards)), `${tab}: most urgent first`).toBe(true);
      }
    }
  });

  it('lists the orders paid at the same moment once each, split across pages', async () => {
    const { pages, cards } = await walk('to_pick', 2);
    expect(pages.length).toBe(17);
    expect(new Set(cards.map((c) => c.id)).size).toBe(33);
  });

  it('Problems lists the overdue, the short, the locked and the long-uncollected, each with its reason on the card', async () => {
    const { cards } = await walk('problems', 5);
    const all = (await walk(null, 100)).cards;
    expect(cards.map((c) => c.id).sort()).toEqual(
      all
        .filter((c) => c.tabs.includes('problems'))
        .map((c) => c.id)
        .sort(),
    );
    const full = cards as unknown as {
      overdue: boolean;
      uncollected: boolean;
      lockedUntil: string | null;
      lines: { picked: string | null }[];
    }[];
    for (const c of full)
      expect(c.overdue || c.uncollected || c.lockedUntil !== null || c.lines.some((l) => l.picked === 'SHORT')).toBe(true);
    // At least the orders paid over a day ago, the short line, the lock and the 3-day-old ready order.
    expect(full.filter((c) => c.uncollected)).toHaveLength(1);
    expect(full.filter((c) => c.lockedUntil)).toHaveLength(1);
    expect(full.filter((c) => c.lines.some((l) => l.picked === 'SHORT'))).toHaveLength(1);
    expect(full.filter((c) => c.overdue).length).toBeGreaterThanOrEqual(10);
  });

  it('a page after a cursor starts right after its order, however the queue changed in between', async () => {
    const first = await page('status=to_pick&limit=5');
    const rest = (await walk('to_pick', 100)).cards.slice(5);
    // Two orders of the first page are picked up (they leave To pick) and a new order comes in.
    for (const card of first.orders.slice(0, 2)) {
      await db.pickup.create({ data: { orderId: card.id, locationId: ids.store, status: 'PICKING', pickingAt: new Date() } });
    }
    const fresh = await insertOrder({ state: 'TO_PICK', paidAt: new Date() });
    try {
      const next = await page(`status=to_pick&limit=100&cursor=${encodeURIComponent(first.nextCursor!)}`);
      expect(next.orders.map((c) => c.id)).toEqual([...rest.map((c) => c.id), fresh]);
      expect(next.counts.to_pick).toBe(33 - 2 + 1);
      expect(next.counts.picking).toBe(6 + 2);
    } finally {
      await db.pickup.deleteMany({ where: { orderId: { in: first.orders.slice(0, 2).map((c) => c.id) } } });
      await db.order.delete({ where: { id: fresh } });
    }
  });

  it('pages Collected today from the latest handover back', async () => {
    const { cards } = await walk('collected', 3);
    expect(cards).toHaveLength(4);
    expect(cards.map((c) => c.status)).toEqual(['COLLECTED', 'COLLECTED', 'COLLECTED', 'COLLECTED']);
  });
});

describe('what the paging accepts', () => {
  it('answers a bad limit or cursor with a 400 in the error shape', async () => {
    for (const query of [
      'limit=0',
      'limit=101',
      'limit=ten',
      'limit=2.5',
      'cursor=nope',
      'cursor=12.',
      'cursor=.ord_1',
      'cursor=1.a%20b',
      'status=soon',
    ]) {
      const res = await read(riverside, query);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    }
  });

  it('defaults to the first 10 of the tab', async () => {
    const p = await page('status=to_pick');
    expect(p.orders).toHaveLength(10);
    expect(p.nextCursor).not.toBeNull();
    expect(p.tab).toBe('to_pick');
  });

  it('keeps each store’s queue to its own associates, whatever the cursor', async () => {
    const first = await page('status=to_pick&limit=5');
    const cursor = encodeURIComponent(first.nextCursor!);
    expect((await read(outlet, `status=to_pick&cursor=${cursor}`)).status).toBe(403);
    expect((await read(device(), `status=to_pick&cursor=${cursor}`)).status).toBe(401);
    // The other store's associate reads their own queue: their three orders and nothing of Riverside's.
    const theirs = await walk(null, 2, outlet, ids.noPickup);
    expect(theirs.pages[0]!.counts).toEqual({ to_pick: 3, picking: 0, ready: 0, waiting: 0, collected: 0, problems: 0 });
    expect(theirs.cards).toHaveLength(3);
    const riversideIds = new Set((await walk(null, 100)).cards.map((c) => c.id));
    expect(theirs.cards.some((c) => riversideIds.has(c.id))).toBe(false);
  });
});
