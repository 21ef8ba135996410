import 'server-only';
import { unstable_cache } from 'next/cache';
import { Prisma } from '../generated/prisma/client';
import { db } from '../db';
import type { Db } from '../db/client';
import { encodeListingView, isCachedListing, knownListingFilters } from './filters';
import { getListingVocabulary } from './listing-vocabulary';
import type { ListingFilters } from './types';

const { sql, empty } = Prisma;

/**
 * How many of a category's products each filter value would give, under the other filters as they are (ticking a
 * size keeps the chosen colours, price and stock; the sizes' own choice is left out of the sizes' counts). Keys are
 * lower case; a value no product would give is absent. Matches the listing's rule: one variant meets every filter.
 */
export type FacetCounts = { sizes: Record<string, number>; colors: Record<string, number>; inStock: number };

type Row = { size: string | null; color: string | null; bySize: bigint; byColor: bigint; inStock: bigint; grouping: number };

export async function queryFacetCounts(client: Db, filters: ListingFilters): Promise<FacetCounts> {
  const lower = (values: string[]) => values.map((v) => v.toLowerCase());
  const size = filters.sizes.length ? sql`lower(v.size) = ANY(${lower(filters.sizes)})` : sql`true`;
  const color = filters.colors.length ? sql`lower(v.color) = ANY(${lower(filters.colors)})` : sql`true`;
  const low = filters.minPrice !== undefined ? sql`v."priceMinor" >= ${Math.round(filters.minPrice * 100)}` : sql`true`;
  const high = filters.maxPrice !== undefined ? sql`v."priceMinor" <= ${Math.round(filters.maxPrice * 100)}` : sql`true`;
  const at = filters.availableAt ? sql`AND s."locationId" = ${filters.availableAt}` : empty;
  const stocked = sql`EXISTS (SELECT 1 FROM "Stock" s WHERE s."variantId" = v.id AND s."onHand" > s.reserved ${at})`;
  const stock = filters.inStock || filters.availableAt ? stocked : sql`true`;
  // Each variant's answer to every filter once, then one pass counts products per size, per colour, and in stock.
  const rows = await client.$queryRaw<Row[]>(sql`
    WITH m AS (
      SELECT v."productId" AS pid, lower(v.size) AS size, lower(v.color) AS color,
        ${size} AS ms, ${color} AS mc, (${low} AND ${high}) AS mp, ${stock} AS mst, ${stocked} AS instock
      FROM "Variant" v JOIN "Product" p ON p.id = v."productId" JOIN "Category" c ON c.id = p."categoryId"
      WHERE c.slug = ${filters.category ?? ''}
    )
    SELECT size, color, GROUPING(size, color)::int AS grouping,
      COUNT(DISTINCT pid) FILTER (WHERE mc AND mp AND mst) AS "bySize",
      COUNT(DISTINCT pid) FILTER (WHERE ms AND mp AND mst) AS "byColor",
      COUNT(DISTINCT pid) FILTER (WHERE ms AND mc AND mp AND instock) AS "inStock"
    FROM m GROUP BY GROUPING SETS ((size), (color), ())`);
  const counts: FacetCounts = { sizes: {}, colors: {}, inStock: 0 };
  for (const row of rows) {
    // GROUPING: 1 = grouped by size (colour rolled up), 2 = by colour, 3 = the whole category.
    if (row.grouping === 1 && row.size !== null && row.bySize > 0) counts.sizes[row.size] = Number(row.bySize);
    else if (row.grouping === 2 && row.color !== null && row.byColor > 0) counts.colors[row.color] = Number(row.byColor);
    else if (row.grouping === 3) counts.inStock = Number(row.inStock);
  }
  return counts;
}

// Counts do not depend on the sort or the page, so one entry serves every sort and page of a listing. Kept only for
// the listings that are themselves cached (isCachedListing, with values the category offers), as listProducts does.
const cachedFacetCounts = unstable_cache((filters: ListingFilters) => queryFacetCounts(db, filters), ['catalog:facet-counts'], {
  revalidate: 600,
});

export async function getFacetCounts(filters: ListingFilters): Promise<FacetCounts> {
  const key: ListingFilters = { ...filters, page: 1, sort: 'featured' };
  if (!filters.category || !isCachedListing(key)) return queryFacetCounts(db, key);
  const vocabulary = await getListingVocabulary(filters.category);
  const known = vocabulary !== null && encodeListingView(knownListingFilters(key, vocabulary)) === encodeListingView(key);
  return known ? cachedFacetCounts(key) : queryFacetCounts(db, key);
}
