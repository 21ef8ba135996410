import { describe, expect, it } from 'vitest';
import { londonPlaces, postcodeDistrictOf, resolvePlace } from '@/lib/stores/places';
import { stockLabel, summariseCartAvailability } from '@/lib/stores/stock-labels';

describe('stock labels', () => {
  it('says in stock, only n left, or out of stock', () => {
    expect(stockLabel(12)).toBe('In stock');
    expect(stockLabel(4)).toBe('In stock');
    expect(stockLabel(3)).toBe('Only 3 left');
    expect(stockLabel(1)).toBe('Only 1 left');
    expect(stockLabel(0)).toBe('Out of stock');
    expect(stockLabel(-2)).toBe('Out of stock');
  });

  it('summarises a cart by the lines a store can cover in full', () => {
    const lines = [
      { variantId: 'a', quantity: 1 },
      { variantId: 'b', quantity: 2 },
      { variantId: 'c', quantity: 1 },
    ];
    expect(
      summariseCartAvailability(
        lines,
        new Map([
          ['a', 5],
          ['b', 2],
          ['c', 1],
        ]),
      ).label,
    ).toBe('All 3 items available');
    const partial = summariseCartAvailability(
      lines,
      new Map([
        ['a', 5],
        ['b', 1],
        ['c', 1],
      ]),
    );
    expect(partial).toMatchObject({ label: '2 of 3 available', availableLines: 2, allAvailable: false });
    expect(summariseCartAvailability(lines, new Map()).label).toBe('None of 3 items available');
    expect(summariseCartAvailability([{ variantId: 'a', quantity: 1 }], new Map([['a', 1]])).label).toBe('Item available');
  });
});

describe('offline place lookup', () => {
  it('reads the district of full and partial postcodes', () => {
    expect(postcodeDistrictOf('SE1 7PB')).toBe('SE1');
    expect(postcodeDistrictOf('se17pb')).toBe('SE1');
    expect(postcodeDistrictOf('SE17')).toBe('SE17');
    expect(postcodeDistrictOf('SE17 1AA')).toBe('SE17');
    expect(postcodeDistrictOf('Camden')).toBeNull();
  });

  it('resolves a full postcode by its district', () => {
    const place = resolvePlace('SE1 7PB', londonPlaces);
    expect(place?.label).toMatch(/^SE1 /);
    expect(place?.latitude).toBeCloseTo(51.5, 1);
  });

  it('resolves a central sub-district through its district', () => {
    const place = resolvePlace('EC1A 1BB', [{ name: 'Clerkenwell', postcodeDistrict: 'EC1', latitude: 51.52, longitude: -0.1 }]);
    expect(place?.label).toBe('EC1 (Clerkenwell)');
  });

  it('resolves a town by name, ignoring case and spacing', () => {
    expect(resolvePlace('  camden TOWN ', londonPlaces)?.label).toBe('Camden Town');
    expect(resolvePlace('Camden', londonPlaces)?.label).toMatch(/^Camden/);
  });

  it('finds nothing for unknown input', () => {
    expect(resolvePlace('Atlantis', londonPlaces)).toBeNull();
    expect(resolvePlace('ZZ9 9ZZ', londonPlaces)).toBeNull();
    expect(resolvePlace('', londonPlaces)).toBeNull();
  });
});
