import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as listProductsRoute } from '@/app/api/v1/products/route';
import { defaultListingFilters } from '@/lib/catalog/filters';
import { searchProducts } from '@/lib/catalog/search';
import type { ListingFilters, ProductCard } from '@/lib/catalog/types';
import type { Db } from '@/lib/db/client';
import { seed } from '@/prisma/seed';
import { createTestDatabase } from '../helpers/db';

// Search reads colours, sizes and synonyms, and caches normalised queries. Next's data cache only exists inside a
// Next server: here each read goes to this file's database and the key it would be cached under is recorded.
const cacheKeys = vi.hoisted(() => [] as string[]);
vi.mock('next/cache', () => ({
  unstable_cache:
    (fn: (...args: unknown[]) => unknown, keyParts: string[] = []) =>
    (...args: unknown[]) => {
      cacheKeys.push(JSON.stringify([...keyParts, ...args]));
      return fn(...args);
    },
}));

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
  await seed(db, { demoAccounts: false });
});
afterAll(async () => {
  await testDb?.drop();
});
beforeEach(() => {
  cacheKeys.length = 0;
});

const filters = (changes: Partial<ListingFilters> = {}): ListingFilters => ({ ...defaultListingFilters(), sort: 'relevance', ...changes });
const searchKeys = () => cacheKeys.filter((k) => k.startsWith('["catalog:search"'));
const variantsOf = (items: ProductCard[]) => db.variant.findMany({ where: { productId: { in: items.map((i) => i.id) } } });

describe('search reads colours, sizes and synonyms', () => {
  it('"navy jumper" finds the jumpers that come in navy, each shown in navy', async () => {
    const results = await searchProducts('navy jumper', filters());
    expect(results.total).toBeGreaterThan(1);
    const variants = await variantsOf(results.items);
    for (const item of results.items) {
      expect(variants.some((v) => v.productId === item.id && v.color === 'Navy')).toBe(true);
      expect(item.image?.color).toBe('Navy');
    }
    // Every product with "jumper" in its name and a navy variant is found.
    const expected = await db.product.findMany({
      where: { name: { contains: 'Jumper' }, variants: { some: { color: 'Navy' } } },
      select: { id: true },
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(results.items.map((i) => i.id)).toEqual(expect.arrayContaining(expected.map((p) => p.id)));
    // Names come first: a coat whose description mentions a jumper is not a jumper.
    expect(results.items.every((i) => /jumper/i.test(i.name))).toBe(true);
    // Without the colour, jumpers in other colours only are found too.
    const all = await searchProducts('jumper', filters({ pageSize: 48 }));
    expect(all.total).toBeGreaterThan(results.total);
  });

  it('a size word narrows to products with that size', async () => {
    const results = await searchProducts('trousers waist 32', filters({ pageSize: 48 }));
    expect(results.total).toBeGreaterThan(0);
    const variants = await variantsOf(results.items);
    for (const item of results.items) expect(variants.some((v) => v.productId === item.id && v.size === '32')).toBe(true);
    const shoes = await searchProducts('boots size 12', filters());
    expect(shoes.total).toBe(0); // no boot comes in a 12
  });

  it.each([
    ['sweater', 'jumper'],
    ['sneakers', 'trainers'],
    ['pants', 'trousers'],
  ])('"%s" finds what "%s" finds', async (synonym, word) => {
    const a = await searchProducts(synonym, filters({ pageSize: 48 }));
    const b = await searchProducts(word, filters({ pageSize: 48 }));
    expect(a.total).toBeGreaterThan(0);
    expect(a.items.map((i) => i.id).sort()).toEqual(b.items.map((i) => i.id).sort());
  });

  it('a typo still finds results, and says how the query was read', async () => {
    const results = await searchProducts('navy jumpr', filters());
    expect(results.correctedQuery).toBe('navy jumper');
    expect(results.items.map((i) => i.id)).toEqual((await searchProducts('navy jumper', filters())).items.map((i) => i.id));
  });

  it('combines the query with filters', async () => {
    const results = await searchProducts('navy', filters({ category: 'jackets', sizes: ['M'], pageSize: 48 }));
    expect(results.total).toBeGreaterThan(0);
    expect(results.items.every((i) => i.categorySlug === 'jackets')).toBe(true);
    const variants = await variantsOf(results.items);
    for (const item of results.items)
      expect(variants.some((v) => v.productId === item.id && v.color === 'Navy' && v.size === 'M')).toBe(true);
  });
});

describe('search cache keys', () => {
  it('are the normalised query: case, word order, spacing, plurals and colour spelling do not matter', async () => {
    await searchProducts('Navy Jumper', filters());
    await searchProducts('  jumpers   NAVY ', filters());
    await searchProducts('jumper', filters({ colors: ['navy'] }));
    const keys = searchKeys();
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    await searchProducts('wool jumper', filters());
    await searchProducts('Jumper, WOOL', filters());
    expect(new Set(searchKeys()).size).toBe(2);
  });

  it('are only made for catalog words, the first pages and no price range', async () => {
    await searchProducts('zeppelin quokka', filters());
    await searchProducts('jumper', filters({ page: 9 }));
    await searchProducts('jumper', filters({ minPrice: 10 }));
    await searchProducts('jumper', filters({ category: 'no-such-category' }));
    await searchProducts('jumper', filters({ colors: ['Plaid'] }));
    expect(searchKeys()).toEqual([]);
    // A typo is answered from SQL first; its correction, made of catalog words, is cached.
    await searchProducts('jumpr', filters());
    expect(searchKeys()).toHaveLength(1);
  });
});

describe('GET /api/v1/products?q=', () => {
  it('answers with the colour narrowing and public cache headers', async () => {
    const response = await listProductsRoute(new Request('http://shop.test/api/v1/products?q=navy+jumper&pageSize=48'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('public');
    const body = (await response.json()) as { items: ProductCard[]; total: number; correctedQuery: string | null };
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((i) => i.image?.color === 'Navy')).toBe(true);
  });
});
