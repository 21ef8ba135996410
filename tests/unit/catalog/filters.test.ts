import { describe, expect, it } from 'vitest';
import {
  ALL_VIEW,
  canonicalListingQuery,
  compareSizes,
  decodeListingView,
  encodeListingView,
  listingFiltersFromSearchParams,
  listingHref,
} from '@/lib/catalog/filters';

const filtersOf = (query: string) => listingFiltersFromSearchParams(new URLSearchParams(query), 'jackets');

describe('listing filters in the URL', () => {
  it('gives the same canonical query whatever the order, duplicates or blank form fields', () => {
    const a = filtersOf('sort=price-asc&size=M&size=L&color=Navy&minPrice=&maxPrice=80&size=M');
    const b = filtersOf('maxPrice=80&color=Navy&size=L&size=M&sort=price-asc');
    expect(canonicalListingQuery(a).toString()).toBe('size=L&size=M&color=Navy&maxPrice=80&sort=price-asc');
    expect(encodeListingView(a)).toBe(encodeListingView(b));
  });

  it('drops invalid values instead of failing the page', () => {
    const f = filtersOf('sort=bogus&minPrice=abc&page=0&inStock=maybe&size=M');
    expect(f).toMatchObject({ sort: 'featured', minPrice: undefined, page: 1, inStock: false, sizes: ['M'] });
  });

  it('swaps a minimum price above the maximum', () => {
    expect(filtersOf('minPrice=90&maxPrice=30')).toMatchObject({ minPrice: 30, maxPrice: 90 });
  });

  it('uses "all" for the unfiltered listing and leaves defaults out of links', () => {
    const plain = filtersOf('sort=featured&page=1');
    expect(encodeListingView(plain)).toBe(ALL_VIEW);
    expect(listingHref('jackets', plain)).toBe('/c/jackets');
    expect(listingHref('jackets', plain, { page: 3 })).toBe('/c/jackets?page=3');
  });

  it('round-trips a view through its path segment', () => {
    const f = filtersOf('color=Forest Green&inStock=1&availableAt=loc_123&page=2');
    const view = encodeListingView(f);
    expect(view).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeListingView(view, 'jackets')).toEqual(f);
  });

  it('refuses a view that is not a canonical encoding', () => {
    const reordered = btoa('sort=newest&size=M').replace(/=+$/, '');
    expect(decodeListingView(reordered, 'jackets')).toBeNull();
    expect(decodeListingView('not base64!', 'jackets')).toBeNull();
  });
});

describe('size order', () => {
  it('sorts letter sizes by size, then numbers, then the rest', () => {
    expect(['XL', 'One size', '10', 'S', 'M', '8', 'XS', 'L'].sort(compareSizes)).toEqual(['XS', 'S', 'M', 'L', 'XL', '8', '10', 'One size']);
  });
});
