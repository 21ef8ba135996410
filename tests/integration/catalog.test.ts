import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getOpenApi } from '@/app/api/v1/openapi.json/route';
import { GET as getProductRoute } from '@/app/api/v1/products/[slug]/route';
import { GET as listProductsRoute } from '@/app/api/v1/products/route';
import { getCategoryBySlug, getCategoryFacets, getProductBySlug, listProducts, searchProducts } from '@/lib/catalog/catalog';
import { defaultListingFilters } from '@/lib/catalog/filters';
import { getListingVocabulary } from '@/lib/catalog/listing-vocabulary';
import { queryProductPage } from '@/lib/catalog/queries';
import type { ListingFilters, ProductCard } from '@/lib/catalog/types';
import type { Db } from '@/lib/db/client';
import { seed } from '@/prisma/seed';
import { createTestDatabase } from '../helpers/db';

// Next's data cache only exists inside a Next server; here every read goes straight to this file's database, and
// the keys a read would be cached under are recorded.
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

const filters = (changes: Partial<ListingFilters>): ListingFilters => ({ ...defaultListingFilters(), pageSize: 48, ...changes });
const variantsOf = (items: ProductCard[]) =>
  db.variant.findMany({ where: { product: { slug: { in: items.map((i) => i.slug) } } }, include: { product: true, stock: true } });

describe('product cards', () => {
  it('show the cheapest variant, the first image, each colour once, and whether any variant can be sold', async () => {
    const page = await listProducts(filters({ pageSize: 48 }));
    const products = await db.product.findMany({
      where: { id: { in: page.items.map((i) => i.id) } },
      include: {
        category: true,
        images: { orderBy: { position: 'asc' } },
        variants: { orderBy: { position: 'asc' }, include: { stock: true } },
      },
    });
    expect(products.length).toBe(page.items.length);
    for (const product of products) {
      const card = page.items.find((i) => i.id === product.id)!;
      const cheapest = [...product.variants].sort((a, b) => a.priceMinor - b.priceMinor)[0]!;
      expect(card).toMatchObject({
        slug: product.slug,
        name: product.name,
        categorySlug: product.category.slug,
        priceMinor: cheapest.priceMinor,
      });
      expect(card.priceVaries).toBe(new Set(product.variants.map((v) => v.priceMinor)).size > 1);
      expect(card.image).toEqual(
        product.images[0] ? { url: product.images[0].url, alt: product.images[0].alt, color: product.images[0].color } : null,
      );
      expect(card.colors.map((c) => c.name)).toEqual([...new Set(product.variants.flatMap((v) => (v.color ? [v.color] : [])))]);
      expect(card.inStock).toBe(product.variants.some((v) => v.stock.some((s) => s.onHand > s.reserved)));
    }
  });

  it('show a product as sold out once every unit everywhere is reserved', async () => {
    const [first] = (await listProducts(filters({ inStock: true }))).items;
    const stock = await db.stock.findMany({ where: { variant: { productId: first!.id } } });
    await db.$executeRaw`UPDATE "Stock" s SET "reserved" = s."onHand" FROM "Variant" v WHERE v.id = s."variantId" AND v."productId" = ${first!.id}`;
    try {
      const card = (await searchProducts(first!.name, filters({}))).items.find((i) => i.id === first!.id);
      expect(card?.inStock).toBe(false);
    } finally {
      for (const s of stock)
        await db.stock.update({
          where: { variantId_locationId: { variantId: s.variantId, locationId: s.locationId } },
          data: { reserved: s.reserved },
        });
    }
  });
});

describe('category listings', () => {
  it('lists every product of a category, and nothing else', async () => {
    const category = await db.category.findFirstOrThrow({ include: { _count: { select: { products: true } } } });
    const page = await listProducts(filters({ category: category.slug }));
    expect(page.total).toBe(category._count.products);
    expect(page.items.every((p) => p.categorySlug === category.slug)).toBe(true);
  });

  it('keeps only products with a variant in the chosen size and colour that is in stock', async () => {
    const page = await listProducts(filters({ sizes: ['M'], colors: ['navy'], inStock: true }));
    expect(page.total).toBeGreaterThan(0);
    const variants = await variantsOf(page.items);
    for (const item of page.items) {
      const match = variants.filter((v) => v.product.slug === item.slug && v.size === 'M' && v.color === 'Navy');
      expect(match.some((v) => v.stock.some((s) => s.onHand > s.reserved))).toBe(true);
    }
  });

  it('filters by price range in pounds and sorts by price', async () => {
    const page = await listProducts(filters({ minPrice: 30, maxPrice: 80, sort: 'price-asc' }));
    expect(page.total).toBeGreaterThan(0);
    const variants = await variantsOf(page.items);
    for (const item of page.items) {
      expect(variants.some((v) => v.product.slug === item.slug && v.priceMinor >= 3000 && v.priceMinor <= 8000)).toBe(true);
    }
    const desc = await listProducts(filters({ sort: 'price-desc' }));
    const prices = desc.items.map((i) => i.priceMinor);
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
  });

  it('shows only products in stock at the chosen store', async () => {
    const store = await db.location.findFirstOrThrow({ where: { type: 'STORE' } });
    const page = await listProducts(filters({ availableAt: store.id }));
    const variants = await variantsOf(page.items);
    for (const item of page.items) {
      expect(
        variants.some((v) => v.product.slug === item.slug && v.stock.some((s) => s.locationId === store.id && s.onHand > s.reserved)),
      ).toBe(true);
    }
    const everything = await listProducts(filters({}));
    expect(page.total).toBeLessThanOrEqual(everything.total);
  });

  it('pages through the list without repeats', async () => {
    const first = await listProducts(filters({ pageSize: 10, page: 1, sort: 'newest' }));
    const second = await listProducts(filters({ pageSize: 10, page: 2, sort: 'newest' }));
    expect(first.items).toHaveLength(10);
    expect(first.totalPages).toBe(Math.ceil(first.total / 10));
    const firstSlugs = new Set(first.items.map((i) => i.slug));
    expect(second.items.some((i) => firstSlugs.has(i.slug))).toBe(false);
    const past = await listProducts(filters({ pageSize: 10, page: 999 }));
    expect(past.items).toHaveLength(0);
  });
});

describe('cache keys', () => {
  const keysAdded = async (read: () => Promise<unknown>) => {
    const before = cacheKeys.length;
    await read();
    return cacheKeys.slice(before).filter((key) => !/catalog:(categories|slugs)/.test(key));
  };

  it('give each category the vocabulary its filters are checked against', async () => {
    const category = await db.category.findUniqueOrThrow({
      where: { slug: 'jackets' },
      include: { _count: { select: { products: true } } },
    });
    const facets = await getCategoryFacets('jackets');
    const stores = await db.location.findMany({ where: { type: 'STORE' }, select: { id: true } });
    expect(await getListingVocabulary('jackets')).toEqual({
      sizes: facets.sizes,
      colors: facets.colors.map((c) => c.name),
      priceMinMinor: facets.priceMinMinor,
      priceMaxMinor: facets.priceMaxMinor,
      pages: Math.ceil(category._count.products / 24),
      storeIds: expect.arrayContaining(stores.map((s) => s.id)),
    });
    expect(await getListingVocabulary('no-such-category')).toBeNull();
    expect(await getListingVocabulary('bad\u0000slug')).toBeNull();
  });

  it('are made only from existing slugs and the bounded set of listings with known values', async () => {
    const [colour] = (await getListingVocabulary('jackets'))!.colors;
    const jackets = (changes: Partial<ListingFilters>) => filters({ category: 'jackets', pageSize: 24, ...changes });
    expect(await keysAdded(() => listProducts(jackets({ colors: [colour!] })))).toHaveLength(1);
    expect(await keysAdded(() => listProducts(jackets({ sort: 'newest' })))).toHaveLength(1);

    for (let i = 0; i < 5; i++) {
      expect(await keysAdded(() => listProducts(jackets({ colors: [`zz-${i}`] })))).toEqual([]);
      expect(await keysAdded(() => listProducts(jackets({ minPrice: 50 + i })))).toEqual([]);
      expect(await keysAdded(() => getProductBySlug(`zz-${i}`))).toEqual([]);
      expect(await keysAdded(() => getCategoryBySlug(`zz-${i}`))).toEqual([]);
    }
    expect(await keysAdded(() => listProducts(jackets({ colors: [colour!], inStock: true })))).toEqual([]);
    // The made-up ones still answer, from SQL: nothing matches.
    expect((await listProducts(jackets({ colors: ['zz-0'] }))).total).toBe(0);
    expect(await getProductBySlug('zz-0')).toBeNull();
  });
});

describe('search', () => {
  it('finds products by name, description and category, best matches first', async () => {
    const results = await searchProducts('jumper', filters({ sort: 'relevance' }));
    expect(results.total).toBeGreaterThan(0);
    expect(results.correctedQuery).toBeNull();
    expect(results.items[0]!.name.toLowerCase()).toContain('jumper');
    const byCategory = await searchProducts('knitwear', filters({ sort: 'relevance' }));
    expect(byCategory.items.some((i) => i.categorySlug === 'knitwear')).toBe(true);
  });

  it('corrects typos and says so', async () => {
    const results = await searchProducts('wol jumpr', filters({ sort: 'relevance' }));
    expect(results.correctedQuery).toBe('wool jumper');
    expect(results.total).toBeGreaterThan(0);
  });

  it('returns nothing, without a correction, for words nowhere near the catalog', async () => {
    const results = await searchProducts('xylophone zeppelin', filters({ sort: 'relevance' }));
    expect(results).toMatchObject({ total: 0, items: [], correctedQuery: null });
  });
});

describe('stored search vector', () => {
  // queryProductPage rather than searchProducts: no spelling correction to blur a miss.
  const search = async (q: string) => (await queryProductPage(db, filters({ sort: 'relevance' }), q)).items.map((i) => i.slug);

  it('holds, for every product, the weighted text of its name, category, tags and description', async () => {
    const [row] = await db.$queryRaw<{ stale: bigint }[]>`
      SELECT count(*) AS stale FROM "Product" p JOIN "Category" c ON c.id = p."categoryId"
      WHERE p."searchVector" IS DISTINCT FROM (
        setweight(to_tsvector('english', p.name), 'A') ||
        setweight(to_tsvector('english', c.name || ' ' || array_to_string(p.tags, ' ')), 'B') ||
        setweight(to_tsvector('english', p.description), 'C'))`;
    expect(row?.stale).toBe(0n);
  });

  it('finds a renamed product by its new name and not its old one', async () => {
    const product = await db.product.findFirstOrThrow({ where: { variants: { some: {} } }, orderBy: { slug: 'asc' } });
    try {
      await db.product.update({ where: { id: product.id }, data: { name: 'Quokka Parka' } });
      expect(await search('quokka')).toEqual([product.slug]);
      await db.product.update({ where: { id: product.id }, data: { name: 'Wombat Parka' } });
      expect(await search('wombat')).toEqual([product.slug]);
      expect(await search('quokka')).toEqual([]);
    } finally {
      await db.product.update({ where: { id: product.id }, data: { name: product.name } });
    }
  });

  it('finds the products of a renamed category by its new name and not its old one', async () => {
    const category = await db.category.findUniqueOrThrow({ where: { slug: 'knitwear' } });
    const inCategory = await listProducts(filters({ category: category.slug, pageSize: 100 }));
    const slugs = inCategory.items.map((i) => i.slug).sort();
    try {
      await db.category.update({ where: { id: category.id }, data: { name: 'Quokkawear' } });
      expect((await search('quokkawear')).sort()).toEqual(slugs);
      await db.$executeRaw`UPDATE "Category" SET name = 'Wombatwear' WHERE id = ${category.id}`;
      expect((await search('wombatwear')).sort()).toEqual(slugs);
      expect(await search('quokkawear')).toEqual([]);
    } finally {
      await db.category.update({ where: { id: category.id }, data: { name: category.name } });
    }
    expect((await search('knitwear')).length).toBeGreaterThan(0);
  });

  it('follows a product moved to another category', async () => {
    const [from, to] = await db.category.findMany({ orderBy: { slug: 'asc' }, take: 2 });
    const product = await db.product.findFirstOrThrow({ where: { categoryId: from!.id, variants: { some: {} } } });
    try {
      await db.category.update({ where: { id: to!.id }, data: { name: 'Quokkawear' } });
      expect(await search('quokkawear')).not.toContain(product.slug);
      await db.product.update({ where: { id: product.id }, data: { categoryId: to!.id } });
      expect(await search('quokkawear')).toContain(product.slug);
    } finally {
      await db.product.update({ where: { id: product.id }, data: { categoryId: from!.id } });
      await db.category.update({ where: { id: to!.id }, data: { name: to!.name } });
    }
  });
});

describe('GET /api/v1/products', () => {
  const get = (query: string) => listProductsRoute(new Request(`http://shop.test/api/v1/products?${query}`));

  it.each(['sort=bogus', 'minPrice=abc', 'page=0', 'pageSize=1000', 'minPrice=50&maxPrice=10'])(
    'answers 400 with the error shape for %s',
    async (query) => {
      const response = await get(query);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error).toMatchObject({ code: 'bad_request', message: expect.any(String) });
      expect(body.error.issues.length).toBeGreaterThan(0);
    },
  );

  it('lists, filters and searches with public cache headers', async () => {
    const response = await get('category=knitwear&pageSize=5&sort=price-asc');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('public');
    const body = await response.json();
    expect(body.items.length).toBeLessThanOrEqual(5);
    expect(body.items.every((i: ProductCard) => i.categorySlug === 'knitwear')).toBe(true);
    const search = await (await get('q=jaket')).json();
    expect(search.correctedQuery).toBe('jacket');
  });

  it('returns one product by slug, or 404', async () => {
    const product = await db.product.findFirstOrThrow();
    const ok = await getProductRoute(new Request('http://shop.test'), { params: Promise.resolve({ slug: product.slug }) });
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body).toMatchObject({ slug: product.slug, name: product.name });
    expect(body.variants.length).toBeGreaterThan(0);
    const missing = await getProductRoute(new Request('http://shop.test'), { params: Promise.resolve({ slug: 'does-not-exist' }) });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
  });

  it('is described in /api/v1/openapi.json', async () => {
    const spec = await (await getOpenApi(new Request('http://localhost:3000/api/v1/openapi.json'))).json();
    expect(spec.paths['/api/v1/products'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining([
        'q',
        'category',
        'size',
        'color',
        'minPrice',
        'maxPrice',
        'inStock',
        'availableAt',
        'sort',
        'page',
        'pageSize',
      ]),
    );
    expect(spec.paths['/api/v1/products/{slug}'].get.responses['404']).toBeDefined();
  });
});
