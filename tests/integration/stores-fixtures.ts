import type { Db } from '@/lib/db/client';

// A small, explicit world for the stores and inventory integration tests.
const weekdays = (open: string, close: string, days = [1, 2, 3, 4, 5, 6]) => days.map((day) => ({ day, open, close }));

export const places = {
  londonEye: { latitude: 51.5033, longitude: -0.1196 },
  camdenMarket: { latitude: 51.5413, longitude: -0.1463 },
};

export const ids = {
  riverside: 'loc_riverside',
  camden: 'loc_camden',
  greenwich: 'loc_greenwich',
  brooklyn: 'loc_brooklyn',
  warehouse: 'loc_warehouse',
  v1: 'var_1',
  v2: 'var_2',
  v3: 'var_3',
};

const base = { country: 'GB', phone: null, addressLine2: null, type: 'STORE' as const };

export async function insertStoresWorld(db: Db) {
  await db.category.create({ data: { id: 'cat_1', slug: 'jackets', name: 'Jackets', description: 'Warm things' } });
  await db.product.create({ data: { id: 'prod_1', slug: 'rain-jacket', name: 'Rain jacket', description: 'Dry', categoryId: 'cat_1' } });
  await db.variant.createMany({
    data: [ids.v1, ids.v2, ids.v3].map((id, i) => ({
      id,
      productId: 'prod_1',
      sku: `RJ-${i}`,
      size: ['S', 'M', 'L'][i],
      priceMinor: 8900,
    })),
  });
  await db.location.createMany({
    data: [
      {
        ...base,
        id: ids.riverside,
        code: 'RVS',
        slug: 'riverside',
        name: 'Riverside',
        addressLine1: "Gabriel's Wharf",
        city: 'London',
        postcode: 'SE1 9PP',
        latitude: 51.5078,
        longitude: -0.1097,
        pickupLeadMinutes: 120,
        openingHours: [
          { day: 0, open: '11:00', close: '17:00' },
          ...weekdays('09:30', '19:30', [1, 2, 3, 4, 5]),
          { day: 6, open: '10:00', close: '20:00' },
        ],
      },
      {
        ...base,
        id: ids.camden,
        code: 'CMD',
        slug: 'camden',
        name: 'Camden',
        addressLine1: '201 Camden High Street',
        city: 'London',
        postcode: 'NW1 7BT',
        latitude: 51.5405,
        longitude: -0.1441,
        pickupLeadMinutes: 180,
        openingHours: weekdays('10:00', '19:00'),
      },
      {
        ...base,
        id: ids.greenwich,
        code: 'GRN',
        slug: 'greenwich',
        name: 'Greenwich',
        addressLine1: '14 Nelson Road',
        city: 'London',
        postcode: 'SE10 9JB',
        latitude: 51.4817,
        longitude: -0.0091,
        pickupEnabled: false,
        openingHours: weekdays('10:00', '18:00'),
      },
      {
        ...base,
        id: ids.brooklyn,
        code: 'BRK',
        slug: 'brooklyn',
        name: 'Brooklyn',
        addressLine1: '1 Atlantic Avenue',
        city: 'Brooklyn',
        postcode: '11201',
        country: 'US',
        timeZone: 'America/New_York',
        latitude: 40.6904,
        longitude: -73.9965,
        pickupLeadMinutes: 60,
        openingHours: weekdays('10:00', '20:00', [0, 1, 2, 3, 4, 5, 6]),
      },
      {
        ...base,
        id: ids.warehouse,
        code: 'PRW',
        slug: 'park-royal',
        type: 'WAREHOUSE',
        name: 'Park Royal Warehouse',
        addressLine1: 'Unit 7',
        city: 'London',
        postcode: 'NW10 7PQ',
        latitude: 51.5312,
        longitude: -0.2689,
        pickupEnabled: false,
        openingHours: [],
      },
    ],
  });
  // v1: 4 free at Riverside (1 held), none free at Camden (all held); v2: 1 and 3; v3: none, and no row at Camden.
  await db.stock.createMany({
    data: [
      { variantId: ids.v1, locationId: ids.riverside, onHand: 5, reserved: 1 },
      { variantId: ids.v1, locationId: ids.camden, onHand: 2, reserved: 2 },
      { variantId: ids.v1, locationId: ids.warehouse, onHand: 50, reserved: 0 },
      { variantId: ids.v2, locationId: ids.riverside, onHand: 1, reserved: 0 },
      { variantId: ids.v2, locationId: ids.camden, onHand: 3, reserved: 0 },
      { variantId: ids.v3, locationId: ids.riverside, onHand: 0, reserved: 0 },
    ],
  });
}
