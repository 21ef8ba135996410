import { describe, expect, it } from 'vitest';
import {
  ALL_VIEW,
  canonicalListingQuery,
  compareSizes,
  decodeListingView,
  encodeListingView,
  isCachedListing,
  knownListingFilters,
  listingFiltersFromSearchParams,
  listingHref,
} from '@/lib/catalog/filters';
import type { ListingVocabulary } from '@/lib/catalog/types';

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

describe('filters checked against what the category offers', () => {
  const jackets: ListingVocabulary = {
    sizes: ['S', 'M', 'L'],
    colors: ['Forest green', 'Navy'],
    priceMinMinor: 4500,
    priceMaxMinor: 22000,
    pages: 2,
    storeIds: ['loc_riverside', 'loc_soho'],
  };
  const known = (query: string) => canonicalListingQuery(knownListingFilters(filtersOf(query), jackets)).toString();

  it('drops colours, sizes and stores the category does not have, and spells the rest as it does', () => {
    expect(known('color=zz-1&color=navy&size=m&size=XXL&availableAt=loc_nowhere')).toBe('size=M&color=Navy');
    expect(known('color=%00&size=%00')).toBe('');
    expect(known('availableAt=loc_soho&color=FOREST+GREEN')).toBe('color=Forest+green&availableAt=loc_soho');
  });

  it('keeps a price bound only when it leaves some products in and some out', () => {
    expect(known('minPrice=45&maxPrice=220')).toBe('');
    expect(known('minPrice=221')).toBe('');
    expect(known('maxPrice=44.99')).toBe('');
    expect(known('minPrice=45.01&maxPrice=219.99')).toBe('minPrice=45.01&maxPrice=219.99');
    expect(known('minPrice=220')).toBe('minPrice=220');
  });

  it('drops a page past the category’s last', () => {
    expect(known('page=2')).toBe('page=2');
    expect(known('page=3')).toBe('');
  });

  it('caches the plain listing and single-value filters with any sort and page, and nothing else', () => {
    for (const query of ['', 'sort=newest&page=2', 'size=M', 'color=Navy&sort=price-asc', 'inStock=1', 'availableAt=loc_soho']) {
      expect(isCachedListing(filtersOf(query)), query).toBe(true);
    }
    for (const query of ['size=M&size=L', 'size=M&color=Navy', 'size=M&inStock=1', 'minPrice=50', 'maxPrice=100']) {
      expect(isCachedListing(filtersOf(query)), query).toBe(false);
    }
  });

  it('bounds the cached views of a category by its sizes, colours, stores, sorts and pages', () => {
    // Every query a shopper could send that is made of values the category offers: here 3 sizes, 2 colours, 2
    // stores, 4 sorts, 2 pages. Made-up values count for nothing (they are dropped first).
    const values = [
      '',
      'size=S',
      'size=M',
      'size=L',
      'color=Navy',
      'color=Forest+green',
      'inStock=1',
      'availableAt=loc_riverside',
      'availableAt=loc_soho',
      'color=zz-1',
      'size=zz',
    ];
    const views = new Set<string>();
    for (const first of values) {
      for (const second of values) {
        for (const sort of ['', 'sort=newest', 'sort=price-asc', 'sort=price-desc', 'sort=featured']) {
          for (const page of ['', 'page=2', 'page=9']) {
            const filters = knownListingFilters(filtersOf([first, second, sort, page].filter(Boolean).join('&')), jackets);
            if (isCachedListing(filters)) views.add(encodeListingView(filters));
          }
        }
      }
    }
    expect(views.size).toBe((1 + 3 + 2 + 1 + 2) * 4 * 2);
  });
});

describe('size order', () => {
  it('sorts letter sizes by size, then numbers, then the rest', () => {
    expect(['XL', 'One size', '10', 'S', 'M', '8', 'XS', 'L'].sort(compareSizes)).toEqual([
      'XS',
      'S',
      'M',
      'L',
      'XL',
      '8',
      '10',
      'One size',
    ]);
  });
});
