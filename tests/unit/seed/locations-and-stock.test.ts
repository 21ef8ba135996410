import { describe, expect, it } from 'vitest';
import { buildCatalog } from '@/prisma/seed/catalog';
import { buildLocations, londonPlaces } from '@/prisma/seed/locations';
import { buildStock, soldOutProductIndexes } from '@/prisma/seed/stock';

const catalog = buildCatalog({ now: new Date('2026-06-01T12:00:00Z') });
const locations = buildLocations();
const stock = buildStock(catalog, locations);
const stores = locations.filter((l) => l.type === 'STORE');

describe('demo locations', () => {
  it('has one warehouse and five London stores with hours, lead times and one without pickup', () => {
    expect(locations.filter((l) => l.type === 'WAREHOUSE')).toHaveLength(1);
    expect(stores).toHaveLength(5);
    for (const s of stores) {
      expect(s.latitude).toBeGreaterThan(51.3);
      expect(s.latitude).toBeLessThan(51.7);
      expect(s.longitude).toBeGreaterThan(-0.5);
      expect(s.longitude).toBeLessThan(0.3);
      expect(s.timeZone).toBe('Europe/London');
      expect(s.postcode).toMatch(/^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/);
      expect(s.pickupLeadMinutes).toBeGreaterThanOrEqual(60);
      expect(s.pickupLeadMinutes).toBeLessThanOrEqual(240);
      for (const h of s.openingHours) {
        expect(h.day).toBeGreaterThanOrEqual(0);
        expect(h.day).toBeLessThanOrEqual(6);
        expect(h.open < h.close).toBe(true);
      }
    }
    expect(stores.filter((s) => !s.pickupEnabled)).toHaveLength(1);
    expect(stores.some((s) => !s.openingHours.some((h) => h.day === 0))).toBe(true);
  });

  it('scales to 50 stores with unique codes and slugs', () => {
    const many = buildLocations({ stores: 50 });
    expect(many.filter((l) => l.type === 'STORE')).toHaveLength(50);
    expect(new Set(many.map((l) => l.slug)).size).toBe(51);
    expect(new Set(many.map((l) => l.code)).size).toBe(51);
  });

  it('covers the London postcode districts and common area names', () => {
    const districts = new Set(londonPlaces.map((p) => p.postcodeDistrict).filter(Boolean));
    const expected = [
      ...Array.from({ length: 18 }, (_, i) => `E${i + 1}`),
      'E20',
      'EC1',
      'EC4',
      ...Array.from({ length: 22 }, (_, i) => `N${i + 1}`),
      ...Array.from({ length: 11 }, (_, i) => `NW${i + 1}`),
      ...Array.from({ length: 28 }, (_, i) => `SE${i + 1}`),
      ...Array.from({ length: 20 }, (_, i) => `SW${i + 1}`),
      ...Array.from({ length: 14 }, (_, i) => `W${i + 1}`),
      'WC1',
      'WC2',
    ];
    for (const d of expected) expect(districts.has(d), d).toBe(true);
    for (const name of ['Shoreditch', 'Camden Town', 'Brixton', 'Hackney', 'Islington', 'Stratford', 'Wimbledon', 'Croydon']) {
      expect(
        londonPlaces.some((p) => p.name === name),
        name,
      ).toBe(true);
    }
    expect(new Set(londonPlaces.map((p) => p.name.toLowerCase())).size).toBe(londonPlaces.length);
  });
});

describe('demo stock', () => {
  const byLocation = (id: string) => stock.filter((s) => s.locationId === id);

  it('has a row for every variant at every location, never negative, nothing reserved', () => {
    expect(stock).toHaveLength(catalog.variants.length * locations.length);
    expect(stock.every((s) => Number.isInteger(s.onHand) && s.onHand >= 0 && s.reserved === 0)).toBe(true);
  });

  it('differs between stores, with some items out of stock and some nearly gone', () => {
    const totals = stores.map((s) => byLocation(s.id).reduce((n, r) => n + r.onHand, 0));
    expect(new Set(totals).size).toBe(stores.length);
    for (const s of stores) {
      const rows = byLocation(s.id);
      const zeros = rows.filter((r) => r.onHand === 0).length / rows.length;
      expect(zeros, s.name).toBeGreaterThan(0.05);
      expect(zeros, s.name).toBeLessThan(0.6);
      expect(
        rows.some((r) => r.onHand > 0 && r.onHand <= 2),
        s.name,
      ).toBe(true);
    }
  });

  it('keeps the warehouse well stocked apart from a few sell-outs', () => {
    const warehouse = locations.find((l) => l.type === 'WAREHOUSE');
    const rows = byLocation(warehouse?.id ?? '');
    expect(rows.filter((r) => r.onHand >= 8).length / rows.length).toBeGreaterThan(0.8);
  });

  it('sells a few products out everywhere', () => {
    for (const index of soldOutProductIndexes) {
      const productId = catalog.products[index]?.id;
      const variantIds = new Set(catalog.variants.filter((v) => v.productId === productId).map((v) => v.id));
      expect(variantIds.size).toBeGreaterThan(0);
      expect(stock.filter((s) => variantIds.has(s.variantId)).every((s) => s.onHand === 0)).toBe(true);
    }
  });
});
