import 'server-only';
import { unstable_cache } from 'next/cache';
import { db } from '../db';
import type { CategoryFacets, CategorySummary, HomeContent, ListingFilters, ProductDetail, ProductPage } from './types';
import { queryProductPage } from './queries';
import {
  queryCategories,
  queryCategory,
  queryCategoryFacets,
  queryHomeContent,
  queryProductDetail,
  queryProductSlugs,
} from './product-queries';
import { encodeListingView, isCachedListing, knownListingFilters } from './filters';
import { getListingVocabulary } from './listing-vocabulary';
import { DEFAULT_PAGE_SIZE } from './schemas';

// The catalog as pages and the API read it, cached in Next's data cache; pages built from these reads are cached
// with them. Nothing in the running app writes the catalog (the seed and the order import run as separate
// commands, where Next's cache cannot be reached), so entries simply expire: an hour for categories and facets, ten
// minutes for anything that shows stock. Only existing slugs and known filter values become cache keys.

const HOUR = 3600;

// For API responses: public data that shared caches may keep briefly and serve stale while refreshing.
export const CATALOG_CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';

export const listCategories: () => Promise<CategorySummary[]> = unstable_cache(() => queryCategories(db), ['catalog:categories'], {
  revalidate: HOUR,
});

export const listProductSlugs: () => Promise<{ slug: string; updatedAt: string }[]> = unstable_cache(
  () => queryProductSlugs(db),
  ['catalog:slugs'],
  { revalidate: HOUR },
);

const categoryExists = async (slug: string) => (await listCategories()).some((c) => c.slug === slug);

const cachedCategory = unstable_cache((slug: string) => queryCategory(db, slug), ['catalog:category'], { revalidate: HOUR });

// A slug not (yet) in the cached list is read straight from the database, so a made-up one never becomes a key.
export async function getCategoryBySlug(slug: string): Promise<CategorySummary | null> {
  return (await categoryExists(slug)) ? cachedCategory(slug) : queryCategory(db, slug);
}

const cachedFacets = unstable_cache((slug: string) => queryCategoryFacets(db, slug), ['catalog:facets'], { revalidate: HOUR });

export async function getCategoryFacets(slug: string): Promise<CategoryFacets> {
  return (await categoryExists(slug)) ? cachedFacets(slug) : queryCategoryFacets(db, slug);
}

// Stock changes make listings stale, so they expire sooner than the rest.
const cachedProductPage = unstable_cache((filters: ListingFilters) => queryProductPage(db, filters), ['catalog:products'], {
  revalidate: 600,
});

// The first pages of the whole catalog, unfiltered (GET /api/v1/products without a category).
const CACHED_CATALOG_PAGES = 10;

// Cached only for the bounded set of listings the pages cache (isCachedListing, with values the category offers);
// any other query is answered from SQL, as search is.
async function isCacheable(filters: ListingFilters): Promise<boolean> {
  if (!isCachedListing(filters) || filters.pageSize !== DEFAULT_PAGE_SIZE) return false;
  if (!filters.category)
    return filters.sizes.length + filters.colors.length === 0 && !filters.availableAt && filters.page <= CACHED_CATALOG_PAGES;
  const vocabulary = await getListingVocabulary(filters.category);
  return vocabulary !== null && encodeListingView(knownListingFilters(filters, vocabulary)) === encodeListingView(filters);
}

export async function listProducts(filters: ListingFilters): Promise<ProductPage> {
  return (await isCacheable(filters)) ? cachedProductPage(filters) : queryProductPage(db, filters);
}

export const getHomeContent: () => Promise<HomeContent> = unstable_cache(() => queryHomeContent(db), ['catalog:home'], {
  revalidate: 600,
});

export async function getProductBySlug(slug: string): Promise<ProductDetail | null> {
  if (!(await listProductSlugs()).some((p) => p.slug === slug)) return queryProductDetail(db, slug);
  return unstable_cache(() => queryProductDetail(db, slug), ['catalog:product', slug], { revalidate: 600 })();
}

// Search lives in search.ts (its own cache rules); re-exported for the callers that read the catalog from here.
export { searchProducts } from './search';
