import type { ListingFilters, ListingVocabulary } from './types';
import { DEFAULT_PAGE_SIZE, parseListingQuery, toListingFilters } from './schemas';

// Filtered category listings: the proxy rewrites /c/<slug>?<filters> to /c/<slug>/<view> (cached), where <view> is
// the canonical query in base64url, or to /c/<slug>/filtered (rendered per request); see isCachedListing.

export const ALL_VIEW = 'all';

export function defaultListingFilters(category?: string): ListingFilters {
  return toListingFilters({ category }, { sort: 'featured', pageSize: DEFAULT_PAGE_SIZE });
}

// The query string a listing's filters are shown with: stable order, defaults left out.
export function canonicalListingQuery(filters: ListingFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const size of filters.sizes) params.append('size', size);
  for (const color of filters.colors) params.append('color', color);
  if (filters.minPrice !== undefined) params.set('minPrice', String(filters.minPrice));
  if (filters.maxPrice !== undefined) params.set('maxPrice', String(filters.maxPrice));
  if (filters.inStock) params.set('inStock', '1');
  if (filters.availableAt) params.set('availableAt', filters.availableAt);
  if (filters.sort !== 'featured') params.set('sort', filters.sort);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

function toBase64Url(text: string): string {
  return btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    return atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    return null;
  }
}

export function listingFiltersFromSearchParams(params: URLSearchParams, category?: string): ListingFilters {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    raw[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  const query = parseListingQuery(raw);
  // A listing page is sorted by relevance only when searching.
  const sort = query.sort === 'relevance' ? undefined : query.sort;
  return toListingFilters({ ...query, sort, q: undefined, category, pageSize: undefined }, { sort: 'featured' });
}

// Keeps only what the category offers, spelled as it spells it (size=m → M); drops a price bound that filters out
// nothing or everything, an unknown store and a page past the category's last. Made-up values must not reach a cache.
export function knownListingFilters(filters: ListingFilters, vocabulary: ListingVocabulary): ListingFilters {
  const pick = (given: string[], known: string[]) => {
    const byLowerCase = new Map(known.map((k) => [k.toLowerCase(), k]));
    return [...new Set(given.flatMap((v) => byLowerCase.get(v.toLowerCase()) ?? []))].sort();
  };
  const { priceMinMinor: low, priceMaxMinor: high } = vocabulary;
  const minor = (pounds: number) => Math.round(pounds * 100);
  const { minPrice, maxPrice, availableAt } = filters;
  return {
    ...filters,
    sizes: pick(filters.sizes, vocabulary.sizes),
    colors: pick(filters.colors, vocabulary.colors),
    minPrice: minPrice !== undefined && minor(minPrice) > low && minor(minPrice) <= high ? minPrice : undefined,
    maxPrice: maxPrice !== undefined && minor(maxPrice) < high && minor(maxPrice) >= low ? maxPrice : undefined,
    availableAt: availableAt && vocabulary.storeIds.includes(availableAt) ? availableAt : undefined,
    page: filters.page <= vocabulary.pages ? filters.page : 1,
  };
}

// The listings kept in the page and data caches: no filter or a single filter value, with any sort and page. For a
// category with S sizes, C colours and P pages in a shop with T stores, that is at most (1 + S + C + 1 + T) × 4
// sorts × P listings, since values are first checked by knownListingFilters. Other combinations (several values, a
// price range) are rendered per request from SQL, as search results are.
export function isCachedListing(filters: ListingFilters): boolean {
  const values = filters.sizes.length + filters.colors.length + (filters.inStock ? 1 : 0) + (filters.availableAt ? 1 : 0);
  return values <= 1 && filters.minPrice === undefined && filters.maxPrice === undefined;
}

export function encodeListingView(filters: ListingFilters): string {
  const query = canonicalListingQuery(filters).toString();
  return query ? toBase64Url(query) : ALL_VIEW;
}

// Returns null for a view that is not the canonical encoding of some filters.
export function decodeListingView(view: string, category: string): ListingFilters | null {
  if (view === ALL_VIEW) return defaultListingFilters(category);
  const query = fromBase64Url(view);
  if (query === null) return null;
  const filters = listingFiltersFromSearchParams(new URLSearchParams(query), category);
  return encodeListingView(filters) === view ? filters : null;
}

export function listingHref(categorySlug: string, filters: ListingFilters, changes: Partial<ListingFilters> = {}): string {
  const query = canonicalListingQuery({ ...filters, ...changes }).toString();
  return `/c/${categorySlug}${query ? `?${query}` : ''}`;
}

export function hasActiveFilters(filters: ListingFilters): boolean {
  return (
    filters.sizes.length > 0 ||
    filters.colors.length > 0 ||
    filters.minPrice !== undefined ||
    filters.maxPrice !== undefined ||
    filters.inStock ||
    filters.availableAt !== undefined
  );
}

const SIZE_ORDER = ['xxs', 'xs', 's', 'm', 'l', 'xl', 'xxl', 'xxxl'];

// Clothing sizes in the order shoppers expect: XS < S < M < L, then numbers, then anything else.
export function compareSizes(a: string, b: string): number {
  const rank = (s: string) => {
    const i = SIZE_ORDER.indexOf(s.toLowerCase());
    if (i >= 0) return [0, i] as const;
    const n = Number.parseFloat(s.replace(/^[^\d]+/, ''));
    return Number.isFinite(n) ? ([1, n] as const) : ([2, 0] as const);
  };
  const [ga, va] = rank(a);
  const [gb, vb] = rank(b);
  return ga - gb || va - vb || a.localeCompare(b);
}
