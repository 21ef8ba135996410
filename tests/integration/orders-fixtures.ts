import type { Db } from '@/lib/db/client';
import type { PlaceOrderInput } from '@/lib/checkout/place-order';
import { buildDiscountCodes } from '../../prisma/seed/discount-codes';

// A small world for the checkout tests: one pickup store, one store without pickup, a warehouse.
export const ids = {
  store: 'loc_store',
  noPickup: 'loc_nopickup',
  warehouse: 'loc_wh',
  jacket: 'var_jacket', // £45.00, 5 at the store
  boots: 'var_boots', // £80.00, 1 at the store
  lastFive: 'var_last5', // £20.00, 5 at the store: the concurrency test's stock
  scarce: 'var_scarce', // £10.00, 1 at the store: the expiry test's stock
};

const weekdays = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '10:00', close: '19:00' }));
const place = { country: 'GB', city: 'London', latitude: 51.5, longitude: -0.1, addressLine1: '1 High St', postcode: 'SE1 1AA' };

// `jacketsAtStore`: for files that place more orders than the store's 5 jackets allow.
export async function insertCheckoutWorld(db: Db, { jacketsAtStore = 5 }: { jacketsAtStore?: number } = {}) {
  await db.category.create({ data: { id: 'cat_o', slug: 'outerwear', name: 'Outerwear', description: 'Coats' } });
  await db.product.create({ data: { id: 'prod_o', slug: 'trail-jacket', name: 'Trail Jacket', description: 'Dry', categoryId: 'cat_o' } });
  await db.variant.createMany({
    data: [
      { id: ids.jacket, productId: 'prod_o', sku: 'TJ-M', size: 'M', color: 'Olive', priceMinor: 4500 },
      { id: ids.boots, productId: 'prod_o', sku: 'TJ-L', size: 'L', priceMinor: 8000 },
      { id: ids.lastFive, productId: 'prod_o', sku: 'TJ-S', size: 'S', priceMinor: 2000 },
      { id: ids.scarce, productId: 'prod_o', sku: 'TJ-XS', size: 'XS', priceMinor: 1000 },
    ],
  });
  await db.location.createMany({
    data: [
      { ...place, id: ids.store, code: 'STR', slug: 'store', type: 'STORE', name: 'Riverside', openingHours: weekdays },
      {
        ...place,
        id: ids.noPickup,
        code: 'NOP',
        slug: 'no-pickup',
        type: 'STORE',
        name: 'Outlet',
        openingHours: weekdays,
        pickupEnabled: false,
      },
      {
        ...place,
        id: ids.warehouse,
        code: 'WH1',
        slug: 'warehouse',
        type: 'WAREHOUSE',
        name: 'Warehouse',
        openingHours: [],
        pickupEnabled: false,
      },
    ],
  });
  await db.stock.createMany({
    data: [
      { variantId: ids.jacket, locationId: ids.store, onHand: jacketsAtStore },
      { variantId: ids.boots, locationId: ids.store, onHand: 1 },
      { variantId: ids.lastFive, locationId: ids.store, onHand: 5 },
      { variantId: ids.scarce, locationId: ids.store, onHand: 1 },
      { variantId: ids.jacket, locationId: ids.warehouse, onHand: 50 },
      { variantId: ids.boots, locationId: ids.warehouse, onHand: 50 },
    ],
  });
  // The demo codes, as the seed writes them.
  await db.discountCode.createMany({ data: buildDiscountCodes(new Date()).map((c) => ({ ...c, kind: c.kind as 'PERCENT' | 'AMOUNT' })) });
  // An imported order, as the seed writes them.
  await db.order.create({
    data: {
      number: 'NW-100605',
      email: 'old@example.com',
      status: 'COMPLETED',
      channel: 'IMPORT',
      fulfilment: 'DELIVERY',
      subtotalMinor: 1000,
      totalMinor: 1000,
    },
  });
}

export function pickupInput(lines: PlaceOrderInput['lines'], over: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  return {
    lines,
    email: 'Shopper@Example.com',
    userId: null,
    channel: 'WEB_MOBILE',
    paymentProvider: 'DEMO',
    fulfilment: 'PICKUP',
    pickupLocationId: ids.store,
    ...over,
  } as PlaceOrderInput;
}

// The usual test order: one jacket, picked up at the store.
export const oneJacket = (over: Partial<PlaceOrderInput> = {}) => pickupInput([{ variantId: ids.jacket, quantity: 1 }], over);

export function deliveryInput(lines: PlaceOrderInput['lines']): PlaceOrderInput {
  return {
    lines,
    email: 'shopper@example.com',
    userId: null,
    channel: 'WEB_DESKTOP',
    paymentProvider: 'DEMO',
    fulfilment: 'DELIVERY',
    shippingAddress: { name: 'Sam Shopper', line1: '2 Low Rd', city: 'London', postcode: 'E1 6AN', country: 'GB' },
  };
}

export async function stockAt(db: Db, variantId: string, locationId: string = ids.store) {
  return db.stock.findUniqueOrThrow({
    where: { variantId_locationId: { variantId, locationId } },
    select: { onHand: true, reserved: true },
  });
}
