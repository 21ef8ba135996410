import 'server-only';
import { revalidateTag, unstable_cache } from 'next/cache';
import { db } from '../db';
import type { CategoryFacets, CategorySummary, HomeContent, ListingFilters, ProductDetail, ProductPage, SearchResults } from './types';
import { queryProductPage, queryVocabulary } from './queries';
import {
  queryCategories,
  queryCategory,
  queryCategoryFacets,
  queryHomeContent,
  queryProductDetail,
  queryProductSlugs,
} from './product-queries';
import { correctQuery } from './typo';

// The catalog as pages and the API read it. Reads are cached in Next's data cache under the tag
// "catalog" (and "product:<slug>" for one product); pages built from them are cached with them,
// so invalidateCatalog() refreshes both.

export const CATALOG_TAG = 'catalog';
export const productTag = (slug: string) => `product:${slug}`;
const HOUR = 3600;

// For API responses: public data that shared caches may keep briefly and serve stale while refreshing.
export const CATALOG_CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';

export const listCategories: () => Promise<CategorySummary[]> = unstable_cache(
  () => queryCategories(db),
  ['catalog:categories'],
  { tags: [CATALOG_TAG], revalidate: HOUR },
);

export const getCategoryBySlug: (slug: string) => Promise<CategorySummary | null> = unstable_cache(
  (slug: string) => queryCategory(db, slug),
  ['catalog:category'],
  { tags: [CATALOG_TAG], revalidate: HOUR },
);

export const getCategoryFacets: (slug: string) => Promise<CategoryFacets> = unstable_cache(
  (slug: string) => queryCategoryFacets(db, slug),
  ['catalog:facets'],
  { tags: [CATALOG_TAG], revalidate: HOUR },
);

// Stock changes make listings stale, so they expire sooner than the rest.
export const listProducts: (filters: ListingFilters) => Promise<ProductPage> = unstable_cache(
  (filters: ListingFilters) => queryProductPage(db, filters),
  ['catalog:products'],
  { tags: [CATALOG_TAG], revalidate: 600 },
);

export const getHomeContent: () => Promise<HomeContent> = unstable_cache(() => queryHomeContent(db), ['catalog:home'], {
  tags: [CATALOG_TAG],
  revalidate: 600,
});

export const listProductSlugs: () => Promise<{ slug: string; updatedAt: string }[]> = unstable_cache(
  () => queryProductSlugs(db),
  ['catalog:slugs'],
  { tags: [CATALOG_TAG], revalidate: HOUR },
);

export async function getProductBySlug(slug: string): Promise<ProductDetail | null> {
  return unstable_cache(() => queryProductDetail(db, slug), ['catalog:product', slug], {
    tags: [CATALOG_TAG, productTag(slug)],
    revalidate: 600,
  })();
}

const getVocabulary = unstable_cache(() => queryVocabulary(db), ['catalog:vocabulary'], {
  tags: [CATALOG_TAG],
  revalidate: HOUR,
});

// Full-text search, ranked; when nothing matches, retries with each unknown word spelled like the
// closest catalog word. Results are not cached: free text would fill the cache with one-off keys.
export async function searchProducts(q: string, filters: ListingFilters): Promise<SearchResults> {
  const query = q.trim();
  if (!query) return { items: [], total: 0, page: 1, pageSize: filters.pageSize, totalPages: 1, query, correctedQuery: null };
  const results = await queryProductPage(db, filters, query);
  if (results.total > 0) return { ...results, query, correctedQuery: null };
  const corrected = correctQuery(query, new Map(await getVocabulary()));
  if (!corrected) return { ...results, query, correctedQuery: null };
  const retried = await queryProductPage(db, filters, corrected);
  return retried.total > 0 ? { ...retried, query, correctedQuery: corrected } : { ...results, query, correctedQuery: null };
}

// Call from a route handler or server action after catalog data (or stock) changes, e.g.
// invalidateCatalog([productTag(slug)]) for one product or invalidateCatalog() for everything.
export function invalidateCatalog(tags: string[] = [CATALOG_TAG], { immediate = false } = {}): void {
  for (const tag of tags) revalidateTag(tag, immediate ? { expire: 0 } : 'max');
}
