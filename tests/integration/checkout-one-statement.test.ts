import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cookiesMock, device, json, type Device } from './cart-fixtures';
import { ids, insertCheckoutWorld, stockAt } from './orders-fixtures';
import { demoPaymentsOnly } from '../helpers/orders';

vi.mock('next/headers', () => cookiesMock());

// The common checkout is one statement, the database function checkout_place (lib/checkout/place-one.ts): the bag
// locked and looked at, its leftovers cancelled, expired holds on its stock released, the stock held and the order
// written. These are the guarantees that it must keep as the transaction path did: crossing multi-line checkouts
// neither deadlock nor oversell, a leftover's stock comes back, an expired hold gives way, and a short line undoes
// everything, the leftovers' cancellation included.
const { createTestDatabase } = await import('../helpers/db');
const { db } = await createTestDatabase();
const linesRoute = await import('@/app/api/v1/cart/lines/route');
const checkoutRoute = await import('@/app/api/v1/checkout/route');

const onRealServer = Boolean(process.env.TEST_SERVER_URL);
const crowd = onRealServer ? 40 : 10;

beforeAll(async () => {
  await demoPaymentsOnly();
  await insertCheckoutWorld(db);
  await db.variant.createMany({
    data: [
      { id: 'var_a', productId: 'prod_o', sku: 'TJ-A', size: 'A', priceMinor: 1500 },
      { id: 'var_b', productId: 'prod_o', sku: 'TJ-B', size: 'B', priceMinor: 2500 },
      { id: 'var_c', productId: 'prod_o', sku: 'TJ-C', size: 'C', priceMinor: 500 },
      { id: 'var_none', productId: 'prod_o', sku: 'TJ-N', size: 'N', priceMinor: 500 },
      { id: 'var_d', productId: 'prod_o', sku: 'TJ-D', size: 'D', priceMinor: 500 },
    ],
  });
  await db.stock.createMany({
    data: [
      { variantId: 'var_a', locationId: ids.store, onHand: 6 },
      { variantId: 'var_b', locationId: ids.store, onHand: 6 },
      { variantId: 'var_c', locationId: ids.store, onHand: 3 },
      { variantId: 'var_none', locationId: ids.store, onHand: 1 },
      { variantId: 'var_d', locationId: ids.store, onHand: 1 },
    ],
  });
});

type Placed = { order: { id: string; number: string; lines: { variantId: string; quantity: number }[] } };

let emails = 0;
const pickup = () => ({ email: `one-${++emails}@example.com`, fulfilment: 'PICKUP', pickupLocationId: ids.store, payment: 'online' });
async function addToBag(d: Device, variantId: string, quantity: number) {
  const res = await d.call(() => linesRoute.POST(json('POST', '/api/v1/cart/lines', { variantId, quantity })));
  expect(res.status).toBe(201);
}
const checkout = (d: Device, body: unknown = pickup()) => d.call(() => checkoutRoute.POST(json('POST', '/api/v1/checkout', body)));
const status = async (id: string) => (await db.order.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
const holds = (orderId: string) => db.stockHold.findMany({ where: { orderId }, select: { variantId: true, status: true } });

describe('the one-statement checkout', () => {
  it(`gives ${crowd} crossing two-line bags the 6 pairs there are, without deadlock or oversell`, async () => {
    const bags = Array.from({ length: crowd }, () => device());
    for (const [i, bag] of bags.entries()) {
      // Half added the lines the other way round.
      for (const v of i % 2 ? ['var_b', 'var_a'] : ['var_a', 'var_b']) await addToBag(bag, v, 1);
    }
    const answers = await Promise.all(bags.map((bag) => checkout(bag)));
    const codes = await Promise.all(
      answers.map(async (r) => (r.status === 201 ? 'placed' : ((await r.json()) as { error: { code: string } }).error.code)),
    );
    expect(codes.filter((c) => c === 'placed')).toHaveLength(6);
    expect(codes.filter((c) => c !== 'placed' && c !== 'out_of_stock')).toEqual([]);
    expect(await stockAt(db, 'var_a')).toEqual({ onHand: 6, reserved: 6 });
    expect(await stockAt(db, 'var_b')).toEqual({ onHand: 6, reserved: 6 });
    const placed = (await Promise.all(answers.filter((r) => r.status === 201).map((r) => r.json()))) as Placed[];
    for (const { order } of placed) {
      const row = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { lines: true, holds: true } });
      expect(row.number).toBe(order.number);
      expect(row.lines.map((l) => [l.variantId, l.quantity]).sort()).toEqual([
        ['var_a', 1],
        ['var_b', 1],
      ]);
      expect(row.holds.map((h) => [h.variantId, h.quantity, h.status, h.expiresAt.getTime()]).sort()).toEqual([
        ['var_a', 1, 'ACTIVE', row.holdExpiresAt!.getTime()],
        ['var_b', 1, 'ACTIVE', row.holdExpiresAt!.getTime()],
      ]);
    }
  });

  it('placing again from the same bag cancels the pending order in the same statement and gives its stock back', async () => {
    const guest = device();
    await addToBag(guest, 'var_c', 1);
    const first = (await (await checkout(guest)).json()) as Placed;
    expect(await stockAt(db, 'var_c')).toEqual({ onHand: 3, reserved: 1 });
    const again = await checkout(guest);
    expect(again.status).toBe(201);
    const second = (await again.json()) as Placed;
    expect(await status(first.order.id)).toBe('CANCELLED');
    expect(await holds(first.order.id)).toEqual([{ variantId: 'var_c', status: 'RELEASED' }]);
    expect(await holds(second.order.id)).toEqual([{ variantId: 'var_c', status: 'ACTIVE' }]);
    expect(await stockAt(db, 'var_c')).toEqual({ onHand: 3, reserved: 1 });
  });

  it('releases a hold on the same stock that ran out, so the next shopper gets the unit', async () => {
    const first = device();
    const next = device();
    // Both bags take the one unit while it is on the shelf; the first checks out and walks away.
    await addToBag(first, 'var_none', 1);
    await addToBag(next, 'var_none', 1);
    const abandoned = (await (await checkout(first)).json()) as Placed;
    const past = new Date(Date.now() - 60_000);
    await db.order.update({ where: { id: abandoned.order.id }, data: { holdExpiresAt: past } });
    await db.stockHold.updateMany({ where: { orderId: abandoned.order.id }, data: { expiresAt: past } });
    expect((await checkout(next)).status).toBe(201);
    expect(await status(abandoned.order.id)).toBe('CANCELLED');
    expect(await holds(abandoned.order.id)).toEqual([{ variantId: 'var_none', status: 'RELEASED' }]);
    expect(await stockAt(db, 'var_none')).toEqual({ onHand: 1, reserved: 1 });
  });

  it('refuses a short line with nothing written: the bag’s pending order and its hold stay as they were', async () => {
    const guest = device();
    await addToBag(guest, 'var_c', 1);
    const pending = (await (await checkout(guest)).json()) as Placed;
    // The shopper adds another item, whose last unit is then sold in the store.
    await addToBag(guest, 'var_d', 1);
    await db.stock.update({ where: { variantId_locationId: { variantId: 'var_d', locationId: ids.store } }, data: { onHand: 0 } });
    const before = { c: await stockAt(db, 'var_c'), d: await stockAt(db, 'var_d'), orders: await db.order.count() };
    const refused = await checkout(guest);
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('out_of_stock');
    expect(body.error.issues.map((i) => i.path)).toEqual(['var_d']);
    expect(await status(pending.order.id)).toBe('PENDING');
    expect(await holds(pending.order.id)).toEqual([{ variantId: 'var_c', status: 'ACTIVE' }]);
    expect({ c: await stockAt(db, 'var_c'), d: await stockAt(db, 'var_d'), orders: await db.order.count() }).toEqual(before);
  });
});
