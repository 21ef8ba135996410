import { describe, expect, it } from 'vitest';
import { distanceKm, formatMiles, isValidLatLng } from '@/lib/stores/geo';
import { orderStores, toStoreView, type StoreRecord } from '@/lib/stores/view';

const londonEye = { latitude: 51.5033, longitude: -0.1196 };
const towerBridge = { latitude: 51.5055, longitude: -0.0754 };

function store(name: string, latitude: number, longitude: number): StoreRecord {
  return {
    id: name.toLowerCase(),
    slug: name.toLowerCase(),
    name,
    addressLine1: '1 High St',
    addressLine2: null,
    city: 'London',
    postcode: 'SE1 9PP',
    phone: null,
    latitude,
    longitude,
    timeZone: 'Europe/London',
    openingHours: [],
    pickupEnabled: true,
    pickupLeadMinutes: 60,
    pickupCutoffMinutes: 30,
  };
}

describe('distance', () => {
  it('measures London Eye to Tower Bridge as about 3.1 km (1.9 mi)', () => {
    const km = distanceKm(londonEye, towerBridge);
    expect(km).toBeGreaterThan(3.0);
    expect(km).toBeLessThan(3.2);
    expect(formatMiles(km)).toBe('1.9 mi');
  });

  it('measures London to Edinburgh as about 534 km', () => {
    expect(distanceKm({ latitude: 51.5074, longitude: -0.1278 }, { latitude: 55.9533, longitude: -3.1883 })).toBeCloseTo(534, -1);
  });

  it('is zero for the same point and says so in words', () => {
    expect(distanceKm(londonEye, londonEye)).toBe(0);
    expect(formatMiles(0)).toBe('< 0.1 mi');
  });

  it('rejects coordinates off the globe', () => {
    expect(isValidLatLng({ latitude: 91, longitude: 0 })).toBe(false);
    expect(isValidLatLng({ latitude: 0, longitude: -181 })).toBe(false);
    expect(isValidLatLng({ latitude: Number.NaN, longitude: 0 })).toBe(false);
    expect(isValidLatLng({ latitude: -90, longitude: 180 })).toBe(true);
  });
});

describe('store order', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const stores = [store('Camden', 51.5405, -0.1441), store('Riverside', 51.5078, -0.1097), store('Shoreditch', 51.5246, -0.0777)];

  it('lists the nearest store first when the shopper is located', () => {
    const views = orderStores(stores.map((s) => toStoreView(s, { now, origin: londonEye })));
    expect(views.map((v) => v.name)).toEqual(['Riverside', 'Shoreditch', 'Camden']);
    expect(views[0]?.distance?.label).toBe('0.5 mi');
  });

  it('lists stores alphabetically with no distance when the shopper is not located', () => {
    const views = orderStores([...stores].reverse().map((s) => toStoreView(s, { now })));
    expect(views.map((v) => v.name)).toEqual(['Camden', 'Riverside', 'Shoreditch']);
    expect(views[0]?.distance).toBeNull();
  });
});
