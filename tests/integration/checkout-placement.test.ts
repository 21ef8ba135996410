import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/db';
import { ids, insertCheckoutWorld, pickupInput, stockAt } from './orders-fixtures';

// Placement holds every line with one statement and writes the order, its lines and holds with another (issue 21).
// These are the guarantees that change could break: crossing multi-line checkouts neither deadlock nor oversell, a
// short line leaves nothing held, and the rows written are the ones the order names.
const { db } = await createTestDatabase();
const { placeOrder } = await import('@/lib/checkout/place-order');
const { OutOfStockError } = await import('@/lib/inventory/errors');

const onRealServer = Boolean(process.env.TEST_SERVER_URL);
const crowd = onRealServer ? 40 : 10;

beforeAll(async () => {
  await insertCheckoutWorld(db);
  await db.variant.createMany({
    data: [
      { id: 'var_a', productId: 'prod_o', sku: 'TJ-A', size: 'A', priceMinor: 1500 },
      { id: 'var_b', productId: 'prod_o', sku: 'TJ-B', size: 'B', priceMinor: 2500 },
    ],
  });
  await db.stock.createMany({
    data: [
      { variantId: 'var_a', locationId: ids.store, onHand: 6 },
      { variantId: 'var_b', locationId: ids.store, onHand: 6 },
    ],
  });
});

describe('placing multi-line orders at once', () => {
  it(`gives ${crowd} crossing two-line checkouts the 6 pairs there are, without deadlock or oversell`, async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: crowd }, (_, i) => {
        const lines = [
          { variantId: 'var_a', quantity: 1 },
          { variantId: 'var_b', quantity: 1 },
        ];
        // Half name the lines the other way round, as two bags would.
        return placeOrder(pickupInput(i % 2 ? lines.reverse() : lines, { email: `pair${i}@example.com` }));
      }),
    );
    const placed = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    const otherErrors = attempts.flatMap((a) =>
      a.status === 'rejected' && !(a.reason instanceof OutOfStockError) ? [String(a.reason)] : [],
    );
    expect(otherErrors).toEqual([]);
    expect(placed).toHaveLength(6);
    expect(await stockAt(db, 'var_a')).toEqual({ onHand: 6, reserved: 6 });
    expect(await stockAt(db, 'var_b')).toEqual({ onHand: 6, reserved: 6 });
    // Each placed order has both lines and both holds, as written; the refused ones left no row behind.
    const orders = await db.order.findMany({
      where: { email: { startsWith: 'pair' } },
      include: { lines: { orderBy: { position: 'asc' } }, holds: true },
    });
    expect(orders.map((o) => o.id).sort()).toEqual(placed.map((p) => p.order.id).sort());
    for (const o of orders) {
      const summary = placed.find((p) => p.order.id === o.id)!.order;
      expect(o.number).toBe(summary.number);
      expect(o.lines.map((l) => [l.variantId, l.quantity, l.unitPriceMinor])).toEqual(
        summary.lines.map((l) => [l.variantId, l.quantity, l.unitPriceMinor]),
      );
      expect(o.holds.map((h) => [h.variantId, h.quantity, h.status, h.locationId]).sort()).toEqual([
        ['var_a', 1, 'ACTIVE', ids.store],
        ['var_b', 1, 'ACTIVE', ids.store],
      ]);
      expect(o.holds.every((h) => h.expiresAt.getTime() === o.holdExpiresAt!.getTime())).toBe(true);
    }
  });

  it('holds nothing when one line of several is short', async () => {
    const before = await stockAt(db, ids.jacket);
    const attempt = placeOrder(
      pickupInput([
        { variantId: ids.jacket, quantity: 1 },
        { variantId: 'var_a', quantity: 1 }, // all 6 are held by now
      ]),
    );
    await expect(attempt).rejects.toBeInstanceOf(OutOfStockError);
    const error = (await attempt.catch((e: unknown) => e)) as InstanceType<typeof OutOfStockError>;
    expect(error.lines).toEqual([{ variantId: 'var_a', sku: 'TJ-A', name: 'Trail Jacket – A', requested: 1, available: 0 }]);
    expect(await stockAt(db, ids.jacket)).toEqual(before);
  });
});
