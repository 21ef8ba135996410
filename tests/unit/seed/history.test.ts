import { describe, expect, it } from 'vitest';
import { buildCatalog } from '@/prisma/seed/catalog';
import { buildLocations } from '@/prisma/seed/locations';
import { buildOrderHistory } from '@/prisma/seed/orders';
import { countCoPurchases, MAX_COPURCHASE_BASKET } from '@/lib/recommendations/co-purchases';
import { buildCustomers, buildDemoUsers } from '@/prisma/seed/people';

const now = new Date('2026-06-01T12:00:00Z');
const catalog = buildCatalog({ now });
const locations = buildLocations();
const customers = buildCustomers();
const demo = buildDemoUsers(locations, now);
const shopper = demo.find((u) => u.email === 'shopper@example.com');
const history = buildOrderHistory({ catalog, locations, customers, shopper, now });

describe('demo accounts', () => {
  it('has a shopper, an associate for each store and an admin', () => {
    expect(shopper).toMatchObject({ role: 'CUSTOMER', password: 'shopper-demo-1' });
    expect(shopper?.preferredStoreId).toBeTruthy();
    const staff = demo.filter((u) => u.role === 'STAFF');
    expect(staff.map((u) => u.email).sort()).toEqual(
      locations
        .filter((l) => l.type === 'STORE')
        .map((l) => `staff.${l.slug}@example.com`)
        .sort(),
    );
    expect(staff.every((u) => u.staffLocationIds.length === 1 && u.password === 'staff-demo-1')).toBe(true);
    expect(demo.find((u) => u.role === 'ADMIN')).toMatchObject({ email: 'admin@example.com', password: 'admin-demo-1' });
  });

  it('has 60 password-less customers with unique references', () => {
    expect(customers).toHaveLength(60);
    expect(customers.every((c) => c.password === null && /^demo-c-\d{3}$/.test(c.externalRef ?? ''))).toBe(true);
    expect(new Set(customers.map((c) => c.email)).size).toBe(60);
  });
});

describe('demo purchase history', () => {
  it('has about 600 completed orders over the past six months, numbered in order', () => {
    expect(history.orders.length).toBeGreaterThanOrEqual(600);
    const sixMonths = now.getTime() - 185 * 86_400_000;
    expect(history.orders.every((o) => o.status === 'COMPLETED' && o.placedAt.getTime() > sixMonths && o.placedAt <= now)).toBe(true);
    expect(history.orders[0]?.number).toBe('NW-100001');
    const times = history.orders.map((o) => o.placedAt.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(history.orders.filter((o) => o.userId === shopper?.id)).toHaveLength(5);
  });

  it('has totals that add up from 1 to 5 lines', () => {
    for (const order of history.orders) {
      const lines = history.lines.filter((l) => l.orderId === order.id);
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(lines.length).toBeLessThanOrEqual(5);
      expect(order.subtotalMinor).toBe(lines.reduce((n, l) => n + l.unitPriceMinor * l.quantity, 0));
      expect(order.totalMinor).toBe(order.subtotalMinor + order.shippingMinor + order.taxMinor - order.discountMinor);
      if (order.fulfilment === 'PICKUP') expect(order.pickupLocationId).toBeTruthy();
    }
  });

  it('never sells a product before it was launched', () => {
    const launched = new Map(catalog.products.map((p) => [p.id, p.createdAt.getTime()]));
    const placed = new Map(history.orders.map((o) => [o.id, o.placedAt.getTime()]));
    for (const line of history.lines) expect(launched.get(line.productId)).toBeLessThanOrEqual(placed.get(line.orderId) ?? 0);
  });

  it('counts co-purchases once per unordered pair, consistently with the orders', () => {
    expect(history.coPurchases.every((c) => c.productAId < c.productBId && c.count > 0)).toBe(true);
    const keys = history.coPurchases.map((c) => `${c.productAId}|${c.productBId}`);
    expect(new Set(keys).size).toBe(keys.length);
    const pairs = history.coPurchases.reduce((n, c) => n + c.count, 0);
    const expected = history.orders.reduce((n, o) => {
      const k = new Set(history.lines.filter((l) => l.orderId === o.id).map((l) => l.productId)).size;
      return n + (k * (k - 1)) / 2;
    }, 0);
    expect(pairs).toBe(expected);
  });

  it('makes jackets go with hats, gloves or scarves more than chance', () => {
    const kindOf = new Map(catalog.meta.map((m) => [m.productId, m.kind]));
    const winter = new Set(['beanie', 'gloves', 'scarf']);
    const withJacket = history.coPurchases
      .filter((c) => kindOf.get(c.productAId) === 'jacket' || kindOf.get(c.productBId) === 'jacket')
      .reduce((n, c) => n + c.count, 0);
    const jacketWithWinter = history.coPurchases
      .filter(
        (c) =>
          (kindOf.get(c.productAId) === 'jacket' && winter.has(kindOf.get(c.productBId) ?? '')) ||
          (kindOf.get(c.productBId) === 'jacket' && winter.has(kindOf.get(c.productAId) ?? '')),
      )
      .reduce((n, c) => n + c.count, 0);
    expect(jacketWithWinter / withJacket).toBeGreaterThan(0.3);
  });

  it('counts pairs from baskets with the rule the importer and the live path use', () => {
    const wholesale = Array.from({ length: MAX_COPURCHASE_BASKET + 1 }, (_, i) => `w${i}`).concat('a', 'b');
    const counts = countCoPurchases([['b', 'a', 'a'], ['a', 'b', 'c'], wholesale]);
    expect(counts).toEqual([
      { productAId: 'a', productBId: 'b', count: 2 },
      { productAId: 'a', productBId: 'c', count: 1 },
      { productAId: 'b', productBId: 'c', count: 1 },
    ]);
  });

  it('counts every pair of distinct products of every order once', () => {
    const perOrder = new Map<string, Set<string>>();
    for (const line of history.lines) perOrder.set(line.orderId, (perOrder.get(line.orderId) ?? new Set()).add(line.productId));
    const pairs = [...perOrder.values()].reduce((n, products) => n + (products.size * (products.size - 1)) / 2, 0);
    expect(history.coPurchases.reduce((n, c) => n + c.count, 0)).toBe(pairs);
    expect(history.coPurchases.every((c) => c.productAId < c.productBId)).toBe(true);
  });
});
