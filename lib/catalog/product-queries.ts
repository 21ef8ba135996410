import type { Db } from '../db/client';
import type { CategoryFacets, CategorySummary, HomeContent, ListingVocabulary, ProductDetail } from './types';
import { compareSizes, defaultListingFilters } from './filters';
import { DEFAULT_PAGE_SIZE } from './schemas';
import { queryProductPage } from './queries';

// Uncached reads for product pages, categories and the home page (see catalog.ts for the cached API).

const sellable = (stock: { onHand: number; reserved: number }[]) => stock.some((s) => s.onHand > s.reserved);

export async function queryProductDetail(db: Db, slug: string): Promise<ProductDetail | null> {
  const row = await db.product.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      tags: true,
      updatedAt: true,
      category: { select: { slug: true, name: true } },
      images: { orderBy: { position: 'asc' }, select: { url: true, alt: true, color: true } },
      variants: {
        orderBy: { position: 'asc' },
        select: {
          id: true,
          sku: true,
          size: true,
          color: true,
          colorHex: true,
          priceMinor: true,
          compareAtMinor: true,
          currency: true,
          stock: { select: { onHand: true, reserved: true } },
        },
      },
    },
  });
  if (!row) return null;
  const variants = row.variants.map(({ stock, compareAtMinor, ...v }) => ({
    ...v,
    compareAtMinor: compareAtMinor && compareAtMinor > v.priceMinor ? compareAtMinor : null,
    inStock: sellable(stock),
  }));
  const prices = variants.map((v) => v.priceMinor);
  const colors = new Map<string, string | null>();
  for (const v of variants) if (v.color && !colors.has(v.color)) colors.set(v.color, v.colorHex);
  const sizes = [...new Set(variants.flatMap((v) => (v.size ? [v.size] : [])))].sort(compareSizes);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    category: row.category,
    tags: row.tags,
    images: row.images,
    variants,
    sizes,
    colors: [...colors].map(([name, hex]) => ({ name, hex })),
    priceMinMinor: prices.length ? Math.min(...prices) : 0,
    priceMaxMinor: prices.length ? Math.max(...prices) : 0,
    currency: variants[0]?.currency ?? 'GBP',
    inStock: variants.some((v) => v.inStock),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const categorySelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  _count: { select: { products: true } },
  products: {
    take: 1,
    orderBy: [{ featured: 'desc' as const }, { createdAt: 'desc' as const }],
    select: { images: { take: 1, orderBy: { position: 'asc' as const }, select: { url: true, alt: true, color: true } } },
  },
};

type CategoryRow = {
  id: string;
  slug: string;
  name: string;
  description: string;
  _count: { products: number };
  products: { images: { url: string; alt: string; color: string | null }[] }[];
};

function toCategorySummary(row: CategoryRow): CategorySummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    productCount: row._count.products,
    image: row.products[0]?.images[0] ?? null,
  };
}

export async function queryCategories(db: Db): Promise<CategorySummary[]> {
  const rows = await db.category.findMany({ orderBy: [{ position: 'asc' }, { name: 'asc' }], select: categorySelect });
  return rows.map(toCategorySummary);
}

export async function queryCategory(db: Db, slug: string): Promise<CategorySummary | null> {
  const row = await db.category.findUnique({ where: { slug }, select: categorySelect });
  return row ? toCategorySummary(row) : null;
}

// The sizes, colours and price range a category's filters offer.
export async function queryCategoryFacets(db: Db, slug: string): Promise<CategoryFacets> {
  const variants = await db.variant.findMany({
    where: { product: { category: { slug } } },
    select: { size: true, color: true, colorHex: true, priceMinor: true, currency: true },
  });
  const colors = new Map<string, string | null>();
  for (const v of variants) if (v.color && !colors.has(v.color)) colors.set(v.color, v.colorHex);
  const prices = variants.map((v) => v.priceMinor);
  return {
    sizes: [...new Set(variants.flatMap((v) => (v.size ? [v.size] : [])))].sort(compareSizes),
    colors: [...colors].map(([name, hex]) => ({ name, hex })).sort((a, b) => a.name.localeCompare(b.name)),
    priceMinMinor: prices.length ? Math.min(...prices) : 0,
    priceMaxMinor: prices.length ? Math.max(...prices) : 0,
    currency: variants[0]?.currency ?? 'GBP',
  };
}

export async function queryHomeContent(db: Db): Promise<HomeContent> {
  const base = { ...defaultListingFilters(), pageSize: 8 };
  const [featured, newIn, categories] = await Promise.all([
    queryProductPage(db, { ...base, sort: 'featured' }),
    queryProductPage(db, { ...base, sort: 'newest' }),
    queryCategories(db),
  ]);
  return { featured: featured.items, newIn: newIn.items, categories };
}

export async function queryProductSlugs(db: Db): Promise<{ slug: string; updatedAt: string }[]> {
  const rows = await db.product.findMany({ orderBy: { slug: 'asc' }, select: { slug: true, updatedAt: true } });
  return rows.map((r) => ({ slug: r.slug, updatedAt: r.updatedAt.toISOString() }));
}

// The values a category's filters can take (see knownListingFilters), or null for no such category.
export async function queryListingVocabulary(db: Db, slug: string): Promise<ListingVocabulary | null> {
  const [category, facets, stores] = await Promise.all([
    db.category.findUnique({ where: { slug }, select: { _count: { select: { products: true } } } }),
    queryCategoryFacets(db, slug),
    db.location.findMany({ where: { type: 'STORE' }, select: { id: true }, orderBy: { id: 'asc' } }),
  ]);
  if (!category) return null;
  return {
    sizes: facets.sizes,
    colors: facets.colors.map((c) => c.name),
    priceMinMinor: facets.priceMinMinor,
    priceMaxMinor: facets.priceMaxMinor,
    pages: Math.max(1, Math.ceil(category._count.products / DEFAULT_PAGE_SIZE)),
    storeIds: stores.map((s) => s.id),
  };
}
