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

function whereClause(filters: ListingFilters, search: string | null): Prisma.Sql {
  const category = filters.category ? sql`AND c.slug = ${filters.category}` : empty;
  const text = search ? sql`AND ${documentVector} @@ websearch_to_tsquery('english', ${search})` : empty;
  return sql`WHERE EXISTS (SELECT 1 FROM "Variant" v WHERE v."productId" = p.id ${variantConditions(filters)})
    ${category} ${text}`;
}

const minPrice = sql`(SELECT MIN(v."priceMinor") FROM "Variant" v WHERE v."productId" = p.id)`;

function orderClause(filters: ListingFilters, search: string | null): Prisma.Sql {
  switch (filters.sort) {
    case 'newest':
      return sql`ORDER BY p."createdAt" DESC, p.name, p.id`;
    case 'price-asc':
      return sql`ORDER BY ${minPrice} ASC, p.name, p.id`;
    case 'price-desc':
      return sql`ORDER BY ${minPrice} DESC, p.name, p.id`;
    case 'relevance':
      if (search)
        return sql`ORDER BY ts_rank(${documentVector}, websearch_to_tsquery('english', ${search})) DESC, p.featured DESC, p.name, p.id`;
      return sql`ORDER BY p.featured DESC, p."createdAt" DESC, p.name, p.id`;
    case 'featured':
      return sql`ORDER BY p.featured DESC, p."createdAt" DESC, p.name, p.id`;
  }
}

// One page of products matching the filters (and, when given, a full-text search).
export async function queryProductPage(db: Db, filters: ListingFilters, search: string | null = null): Promise<ProductPage> {
  const from = sql`FROM "Product" p JOIN "Category" c ON c.id = p."categoryId" ${whereClause(filters, search)}`;
  const offset = (filters.page - 1) * filters.pageSize;
  const [countRows, idRows] = await Promise.all([
    db.$queryRaw<{ total: bigint }[]>(sql`SELECT COUNT(*) AS total ${from}`),
    db.$queryRaw<{ id: string }[]>(sql`SELECT p.id ${from} ${orderClause(filters, search)} LIMIT ${filters.pageSize} OFFSET ${offset}`),
  ]);
  const total = Number(countRows[0]?.total ?? 0);
  return {
    items: await queryCards(
      db,
      idRows.map((r) => r.id),
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

// Cards for the given ids, in the order given.
async function queryCards(db: Db, ids: string[]): Promise<ProductCard[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<CardRow[]>(sql`
    SELECT p.id, p.slug, p.name, c.name AS "categoryName", c.slug AS "categorySlug",
      (SELECT json_build_object('url', i.url, 'alt', i.alt, 'color', i.color) FROM "ProductImage" i
        WHERE i."productId" = p.id ORDER BY i.position LIMIT 1) AS image,
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
