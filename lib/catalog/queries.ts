import { Prisma } from '../generated/prisma/client';
import type { Db } from '../db/client';
import type { ListingFilters, ProductCard, ProductPage } from './types';

// Uncached catalog reads: the listing and search SQL, and card shaping.
// They take the client as an argument so integration tests can run them on their own database.

const { sql, join, empty } = Prisma;

// The searchable text of a product, weighted: name, then category and tags, then description.
// Stored and GIN-indexed; triggers keep it current (prisma/migrations/*_search_vector).
const documentVector = sql`p."searchVector"`;

function variantConditions(filters: ListingFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filters.sizes.length) parts.push(sql`lower(v.size) = ANY(${filters.sizes.map((s) => s.toLowerCase())})`);
  if (filters.colors.length) parts.push(sql`lower(v.color) = ANY(${filters.colors.map((s) => s.toLowerCase())})`);
  if (filters.minPrice !== undefined) parts.push(sql`v."priceMinor" >= ${Math.round(filters.minPrice * 100)}`);
  if (filters.maxPrice !== undefined) parts.push(sql`v."priceMinor" <= ${Math.round(filters.maxPrice * 100)}`);
  if (filters.inStock || filters.availableAt) {
    const at = filters.availableAt ? sql`AND s."locationId" = ${filters.availableAt}` : empty;
    parts.push(sql`EXISTS (SELECT 1 FROM "Stock" s WHERE s."variantId" = v.id AND s."onHand" > s.reserved ${at})`);
  }
  return parts.length ? sql`AND ${join(parts, ' AND ')}` : empty;
}

// What to search for: free text in websearch syntax (as typed), or a to_tsquery expression built from catalog words
// (search-words.ts), which may name synonyms as alternatives.
export type TextSearch = string | { tsquery: string | null };

function textQuery(search: TextSearch | null): Prisma.Sql | null {
  if (search === null) return null;
  if (typeof search === 'string') return sql`websearch_to_tsquery('english', ${search})`;
  return search.tsquery === null ? null : sql`to_tsquery('english', ${search.tsquery})`;
}

function whereClause(filters: ListingFilters, text: Prisma.Sql | null): Prisma.Sql {
  const category = filters.category ? sql`AND c.slug = ${filters.category}` : empty;
  // The stored vector against the query: the GIN index on "searchVector" finds the matches (EXPLAIN: Bitmap Index Scan).
  const match = text ? sql`AND ${documentVector} @@ ${text}` : empty;
  return sql`WHERE EXISTS (SELECT 1 FROM "Variant" v WHERE v."productId" = p.id ${variantConditions(filters)})
    ${category} ${match}`;
}

const minPrice = sql`(SELECT MIN(v."priceMinor") FROM "Variant" v WHERE v."productId" = p.id)`;

function orderClause(filters: ListingFilters, text: Prisma.Sql | null): Prisma.Sql {
  switch (filters.sort) {
    case 'newest':
      return sql`ORDER BY p."createdAt" DESC, p.name, p.id`;
    case 'price-asc':
      return sql`ORDER BY ${minPrice} ASC, p.name, p.id`;
    case 'price-desc':
      return sql`ORDER BY ${minPrice} DESC, p.name, p.id`;
    case 'relevance':
      if (text) return sql`ORDER BY ts_rank(${documentVector}, ${text}) DESC, p.featured DESC, p.name, p.id`;
      return sql`ORDER BY p.featured DESC, p."createdAt" DESC, p.name, p.id`;
    case 'featured':
      return sql`ORDER BY p.featured DESC, p."createdAt" DESC, p.name, p.id`;
  }
}

// One page of products matching the filters (and, when given, a full-text search). The page's ids and the number of
// matches come from one statement; a page past the last counts on its own.
export async function queryProductPage(db: Db, filters: ListingFilters, search: TextSearch | null = null): Promise<ProductPage> {
  const text = textQuery(search);
  const from = sql`FROM "Product" p JOIN "Category" c ON c.id = p."categoryId" ${whereClause(filters, text)}`;
  const offset = (filters.page - 1) * filters.pageSize;
  const idRows = await db.$queryRaw<{ id: string; total: bigint }[]>(
    sql`SELECT p.id, COUNT(*) OVER () AS total ${from} ${orderClause(filters, text)} LIMIT ${filters.pageSize} OFFSET ${offset}`,
  );
  const total = idRows[0]
    ? Number(idRows[0].total)
    : offset === 0
      ? 0
      : Number((await db.$queryRaw<{ total: bigint }[]>(sql`SELECT COUNT(*) AS total ${from}`))[0]?.total ?? 0);
  return {
    items: await queryCards(
      db,
      idRows.map((r) => r.id),
      filters.colors,
    ),
    total,
    page: filters.page,
    pageSize: filters.pageSize,
    totalPages: Math.max(1, Math.ceil(total / filters.pageSize)),
  };
}

// What a product card needs, read in one statement (the nested Prisma select it replaces made several round trips and
// read every stock row of every variant; search results, which are not cached, spent most of their time there).
type CardRow = {
  id: string;
  slug: string;
  name: string;
  categoryName: string;
  categorySlug: string;
  image: { url: string; alt: string; color: string | null } | null;
  variants: {
    priceMinor: number;
    compareAtMinor: number | null;
    currency: string;
    color: string | null;
    colorHex: string | null;
    inStock: boolean;
  }[];
};

function toProductCard(row: CardRow): ProductCard {
  const cheapest = row.variants.reduce<CardRow['variants'][number] | undefined>(
    (best, v) => (!best || v.priceMinor < best.priceMinor ? v : best),
    undefined,
  );
  const colors = new Map<string, string | null>();
  for (const v of row.variants) if (v.color && !colors.has(v.color)) colors.set(v.color, v.colorHex);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    categoryName: row.categoryName,
    categorySlug: row.categorySlug,
    priceMinor: cheapest?.priceMinor ?? 0,
    compareAtMinor: cheapest?.compareAtMinor && cheapest.compareAtMinor > cheapest.priceMinor ? cheapest.compareAtMinor : null,
    priceVaries: new Set(row.variants.map((v) => v.priceMinor)).size > 1,
    currency: cheapest?.currency ?? 'GBP',
    image: row.image,
    colors: [...colors].map(([name, hex]) => ({ name, hex })),
    inStock: row.variants.some((v) => v.inStock),
  };
}

// Cards for the given ids, in the order given. With colours (a colour filter, or colours named in a search), each card
// shows its picture in the first of them it comes in.
async function queryCards(db: Db, ids: string[], colors: string[] = []): Promise<ProductCard[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<CardRow[]>(sql`
    SELECT p.id, p.slug, p.name, c.name AS "categoryName", c.slug AS "categorySlug",
      (SELECT json_build_object('url', i.url, 'alt', i.alt, 'color', i.color) FROM "ProductImage" i
        WHERE i."productId" = p.id ORDER BY lower(i.color) = ANY(${colors.map((c) => c.toLowerCase())}::text[]) DESC, i.position
        LIMIT 1) AS image,
      COALESCE((SELECT json_agg(json_build_object(
          'priceMinor', v."priceMinor", 'compareAtMinor', v."compareAtMinor", 'currency', v.currency,
          'color', v.color, 'colorHex', v."colorHex",
          'inStock', EXISTS (SELECT 1 FROM "Stock" s WHERE s."variantId" = v.id AND s."onHand" > s.reserved)
        ) ORDER BY v.position) FROM "Variant" v WHERE v."productId" = p.id), '[]') AS variants
    FROM "Product" p JOIN "Category" c ON c.id = p."categoryId"
    WHERE p.id = ANY(${ids}::text[])`);
  const byId = new Map(rows.map((r) => [r.id, toProductCard(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

// Every word of the searchable text with its number of occurrences, for spelling correction.
export async function queryVocabulary(db: Db): Promise<[string, number][]> {
  const rows = await db.$queryRaw<{ word: string; nentry: number }[]>(sql`
    SELECT word, nentry FROM ts_stat($$
      SELECT to_tsvector('simple', p.name || ' ' || c.name || ' ' || array_to_string(p.tags, ' ') || ' ' || p.description)
      FROM "Product" p JOIN "Category" c ON c.id = p."categoryId"$$)
    WHERE length(word) >= 3 AND word ~ '^[[:alpha:]]+$'`);
  return rows.map((r) => [r.word, Number(r.nentry)]);
}

// Every colour and size any variant comes in, as the catalog spells them: the words a search reads as filters.
export async function querySearchFacets(db: Db): Promise<{ colors: string[]; sizes: string[] }> {
  const rows = await db.$queryRaw<{ kind: 'color' | 'size'; value: string }[]>(sql`
    SELECT DISTINCT 'color' AS kind, color AS value FROM "Variant" WHERE color IS NOT NULL
    UNION SELECT DISTINCT 'size', size FROM "Variant" WHERE size IS NOT NULL`);
  const of = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.value);
  return { colors: of('color'), sizes: of('size') };
}
