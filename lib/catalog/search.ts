import 'server-only';
import { unstable_cache } from 'next/cache';
import { db } from '../db';
import { getListingVocabulary } from './listing-vocabulary';
import { queryProductPage } from './queries';
import { DEFAULT_PAGE_SIZE } from './schemas';
import { CATALOG_TAG, getSearchVocabulary } from './search-vocabulary';
import { planSearch, planTsQuery, type SearchPlan, type SearchVocabulary } from './search-words';
import type { ListingFilters, ProductPage, SearchResults } from './types';

// Search: the query is read as catalog words, colours and sizes (search-words.ts); colours and sizes join the
// filters, so results are the variants in them and cards show that colour. A query made only of catalog words is
// one of a bounded set, and its page is kept in Next's data cache for a short time under the catalog tag, as listings
// are: popular searches are served like pages. Anything else (an unknown word, a price range) is answered from SQL.

// Results show stock, so they are kept only briefly.
const SEARCH_TTL_SECONDS = 120;
// Bounds on what becomes a cache key, on top of every word being a catalog word.
const MAX_CACHED_TERMS = 3;
const MAX_CACHED_PAGE = 5;
// New keys admitted per process per hour: whatever the vocabulary allows, the cache cannot grow faster than this.
const MAX_NEW_KEYS_PER_HOUR = 2_000;

// Everything a page of results depends on, in a stable form: the cache key.
type NormalisedSearch = { terms: string[][]; filters: ListingFilters };

// Products that have the words in their name, category or tags; only when none has are descriptions searched too, so
// "navy jumper" lists the navy jumpers and not the coats cut "with room for a jumper underneath".
async function searchPage({ terms, filters }: NormalisedSearch): Promise<ProductPage> {
  const titles = await queryProductPage(db, filters, { tsquery: planTsQuery({ terms }, { titles: true }) });
  if (titles.total > 0 || terms.length === 0) return titles;
  return queryProductPage(db, filters, { tsquery: planTsQuery({ terms }) });
}

const cachedSearchPage = unstable_cache(searchPage, ['catalog:search'], { revalidate: SEARCH_TTL_SECONDS, tags: [CATALOG_TAG] });

let admitted = { until: 0, keys: new Set<string>() };

function admit(key: string): boolean {
  const now = Date.now();
  if (admitted.until <= now) admitted = { until: now + 3_600_000, keys: new Set() };
  if (admitted.keys.has(key)) return true;
  if (admitted.keys.size >= MAX_NEW_KEYS_PER_HOUR) return false;
  admitted.keys.add(key);
  return true;
}

// The filters with the plan's colours and sizes added, spelt as the catalog spells them and in a stable order.
function withPlan(filters: ListingFilters, plan: SearchPlan, vocabulary: SearchVocabulary): ListingFilters {
  const spell = (values: string[], known: ReadonlyMap<string, string>) =>
    [...new Set(values.map((v) => known.get(v.toLowerCase()) ?? v))].sort();
  return {
    ...filters,
    colors: spell([...filters.colors, ...plan.colors], vocabulary.colors),
    sizes: spell([...filters.sizes, ...plan.sizes], vocabulary.sizes),
  };
}

// Whether a normalised search may become a cache key: catalog words only, a few of them, the first pages at the
// default size, no price range, and only filter values the catalog offers (a store only within a category).
async function isCacheable(plan: SearchPlan, filters: ListingFilters, vocabulary: SearchVocabulary): Promise<boolean> {
  if (!plan.known || plan.terms.length > MAX_CACHED_TERMS) return false;
  if (filters.pageSize !== DEFAULT_PAGE_SIZE || filters.page > MAX_CACHED_PAGE) return false;
  if (filters.minPrice !== undefined || filters.maxPrice !== undefined) return false;
  if (filters.colors.some((c) => !vocabulary.colors.has(c.toLowerCase()))) return false;
  if (filters.sizes.some((s) => !vocabulary.sizes.has(s.toLowerCase()))) return false;
  if (!filters.category) return !filters.availableAt;
  const listing = await getListingVocabulary(filters.category);
  return listing !== null && (!filters.availableAt || listing.storeIds.includes(filters.availableAt));
}

async function runPlan(plan: SearchPlan, given: ListingFilters, vocabulary: SearchVocabulary): Promise<ProductPage> {
  const key: NormalisedSearch = { terms: plan.terms, filters: withPlan(given, plan, vocabulary) };
  if ((await isCacheable(plan, key.filters, vocabulary)) && admit(JSON.stringify(key))) return cachedSearchPage(key);
  return searchPage(key);
}

// Ranked full-text search; when nothing matches the words as typed, each unknown word is replaced by the closest
// catalog word (from a spelling index prepared once, not per request) and the search runs again.
export async function searchProducts(q: string, filters: ListingFilters): Promise<SearchResults> {
  const query = q.trim();
  const none = { items: [], total: 0, page: 1, pageSize: filters.pageSize, totalPages: 1, query, correctedQuery: null };
  if (!query) return none;
  const vocabulary = await getSearchVocabulary();
  const plan = planSearch(query, vocabulary);
  if (plan.terms.length + plan.colors.length + plan.sizes.length === 0) return none;
  const results = await runPlan(plan, filters, vocabulary);
  if (results.total > 0 || plan.known) return { ...results, query, correctedQuery: null };
  const corrected = planSearch(query, vocabulary, { correct: true });
  if (!corrected.corrected) return { ...results, query, correctedQuery: null };
  const retried = await runPlan(corrected, filters, vocabulary);
  return retried.total > 0 ? { ...retried, query, correctedQuery: corrected.corrected } : { ...results, query, correctedQuery: null };
}
