import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultListingFilters } from '@/lib/catalog/filters';
import { queryCategoryFacets } from '@/lib/catalog/product-queries';
import { queryProductPage } from '@/lib/catalog/queries';
import type { ListingFilters } from '@/lib/catalog/types';
import type { Db } from '@/lib/db/client';
import { seed } from '@/prisma/seed';
import { createTestDatabase } from '../helpers/db';

// Issue 19 item 14: each filter value says how many products it would give. The promise a shopper relies on: ticking
// a value (with the other filters as they are) lists exactly that many products.
let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let queryFacetCounts: typeof import('@/lib/catalog/facet-counts').queryFacetCounts;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
  await seed(db, { demoAccounts: false });
  ({ queryFacetCounts } = await import('@/lib/catalog/facet-counts'));
});
afterAll(async () => {
  await testDb?.drop();
});

const total = async (filters: ListingFilters) => (await queryProductPage(db, filters)).total;

async function expectCountsMatchListings(filters: ListingFilters) {
  const facets = await queryCategoryFacets(db, filters.category!);
  const counts = await queryFacetCounts(db, filters);
  for (const size of facets.sizes)
    expect(counts.sizes[size.toLowerCase()] ?? 0, `size ${size}`).toBe(await total({ ...filters, sizes: [size] }));
  for (const { name } of facets.colors)
    expect(counts.colors[name.toLowerCase()] ?? 0, `colour ${name}`).toBe(await total({ ...filters, colors: [name] }));
  expect(counts.inStock, 'in stock').toBe(await total({ ...filters, inStock: true }));
  return counts;
}

describe('facet counts', () => {
  it('are what each size, colour and "in stock" would list, with no filter and under the other filters', async () => {
    const jackets = defaultListingFilters('jackets');
    const facets = await queryCategoryFacets(db, 'jackets');
    const [first, second] = facets.colors.map((c) => c.name);
    const plain = await expectCountsMatchListings(jackets);
    expect(Object.keys(plain.sizes).length).toBeGreaterThan(1);

    // A colour chosen narrows the sizes' counts, not the colours' own (choosing another colour adds to the list).
    const navy = await expectCountsMatchListings({ ...jackets, colors: [first!] });
    expect(navy.colors).toEqual(plain.colors);
    expect(Object.values(navy.sizes).reduce((a, b) => a + b, 0)).toBeLessThan(Object.values(plain.sizes).reduce((a, b) => a + b, 0));

    await expectCountsMatchListings({ ...jackets, sizes: ['M'], colors: [first!, second!] });
    await expectCountsMatchListings({ ...jackets, inStock: true, maxPrice: Math.ceil(facets.priceMaxMinor / 200) });
  });

  it('counts nothing for a category with no products', async () => {
    expect(await queryFacetCounts(db, defaultListingFilters('no-such-category'))).toEqual({ sizes: {}, colors: {}, inStock: 0 });
  });
});
