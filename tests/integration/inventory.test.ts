import { beforeAll, describe, expect, it } from 'vitest';
import { readAvailability } from '@/lib/inventory/read-availability';
import { createTestDatabase } from '../helpers/db';
import { ids, insertStoresWorld } from './stores-fixtures';

// The file's own database (dropped when the file ends, tests/helpers/integration-setup.ts).
const { db } = await createTestDatabase();

beforeAll(() => insertStoresWorld(db));

const at = (result: Awaited<ReturnType<typeof readAvailability>>, variantId: string, locationId: string) =>
  result.variants.find((v) => v.variantId === variantId)?.locations.find((l) => l.locationId === locationId)?.available;

describe('availability (onHand − reserved)', () => {
  it('subtracts held units, per variant and store, across every store', async () => {
    const result = await readAvailability(db, { variantIds: [ids.v1, ids.v2, ids.v3] });
    expect(result.unknownVariantIds).toEqual([]);
    expect(at(result, ids.v1, ids.riverside)).toBe(4);
    expect(at(result, ids.v1, ids.camden)).toBe(0);
    expect(at(result, ids.v2, ids.camden)).toBe(3);
    // No stock row at all reads as none available, and every store is listed.
    expect(at(result, ids.v3, ids.camden)).toBe(0);
    expect(
      result.variants
        .find((v) => v.variantId === ids.v1)
        ?.locations.map((l) => l.locationId)
        .sort(),
    ).toEqual([ids.brooklyn, ids.camden, ids.greenwich, ids.riverside].sort());
    expect(result.variants.find((v) => v.variantId === ids.v1)?.total).toBe(4);
  });

  it('leaves the warehouse out unless asked, since its stock is not on a shop floor', async () => {
    const stores = await readAvailability(db, { variantIds: [ids.v1] });
    expect(at(stores, ids.v1, ids.warehouse)).toBeUndefined();
    const all = await readAvailability(db, { variantIds: [ids.v1], includeWarehouses: true });
    expect(at(all, ids.v1, ids.warehouse)).toBe(50);
  });

  it('follows a new hold at once', async () => {
    await db.stock.update({ where: { variantId_locationId: { variantId: ids.v2, locationId: ids.camden } }, data: { reserved: 2 } });
    const result = await readAvailability(db, { variantIds: [ids.v2], locationId: ids.camden });
    expect(result.variants).toEqual([{ variantId: ids.v2, total: 1, locations: [{ locationId: ids.camden, available: 1 }] }]);
    await db.stock.update({ where: { variantId_locationId: { variantId: ids.v2, locationId: ids.camden } }, data: { reserved: 0 } });
  });

  it('names unknown variants and reports an unknown store', async () => {
    const result = await readAvailability(db, { variantIds: [ids.v1, 'nope'] });
    expect(result.unknownVariantIds).toEqual(['nope']);
    const noStore = await readAvailability(db, { variantIds: [ids.v1], locationId: 'no_such_store' });
    expect(noStore.locationFound).toBe(false);
    const warehouseAsStore = await readAvailability(db, { variantIds: [ids.v1], locationId: ids.warehouse });
    expect(warehouseAsStore.locationFound).toBe(false);
  });

  it('reads a 20-line cart across every store in one database round trip', async () => {
    await db.variant.createMany({
      data: Array.from({ length: 17 }, (_, i) => ({ id: `bulk_${i}`, productId: 'prod_1', sku: `BULK-${i}`, priceMinor: 1000 })),
    });
    const variantIds = [ids.v1, ids.v2, ids.v3, ...Array.from({ length: 17 }, (_, i) => `bulk_${i}`)];
    let calls = 0;
    const counting = new Proxy(db, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof prop === 'string' && (prop.startsWith('$query') || prop.startsWith('$execute') || prop in target)) {
          if (typeof value === 'function' || (typeof value === 'object' && value !== null)) calls++;
        }
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const result = await readAvailability(counting, { variantIds });
    expect(calls).toBe(1);
    expect(result.variants).toHaveLength(20);
    expect(result.variants.every((v) => v.locations.length === 4)).toBe(true);
  });
});
