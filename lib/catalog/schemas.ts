import { z } from 'zod';
import { text } from '@/lib/validation/text';
import type { ListingFilters, SortKey } from './types';

// Query-string schemas shared by the catalog pages, the proxy's canonical URLs and GET /api/v1/products.
// The API rejects bad values with 400 (productQuerySchema); pages drop them (parseListingQuery).

const SORT_KEYS = ['featured', 'newest', 'price-asc', 'price-desc', 'relevance'] as const;
export const DEFAULT_PAGE_SIZE = 24;
const MAX_PAGE_SIZE = 48;
const MAX_VALUES = 8;

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
const list = (item: z.ZodType<string, string>) =>
  z
    .union([item, z.array(item)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string()).max(MAX_VALUES, `At most ${MAX_VALUES} values.`));
const price = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d{1,6}(\.\d{1,2})?$/, 'Use a number of pounds, e.g. 20 or 19.99.')
    .transform(Number)
    .optional(),
);
const positiveInt = (max: number, message: string) =>
  z.preprocess(
    blankToUndefined,
    z.string().regex(/^\d+$/, message).transform(Number).pipe(z.number().int().min(1, message).max(max, message)).optional(),
  );

export const fieldSchemas = {
  q: text().max(200, 'The search is too long.').optional(),
  category: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-z0-9-]{1,80}$/, 'Not a category slug.')
      .optional(),
  ),
  size: list(text().min(1).max(20)).optional(),
  color: list(text().min(1).max(30)).optional(),
  minPrice: price,
  maxPrice: price,
  inStock: z.preprocess(
    blankToUndefined,
    z
      .enum(['1', '0', 'true', 'false', 'on'])
      .transform((v) => v !== '0' && v !== 'false')
      .optional(),
  ),
  availableAt: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a location id.')
      .optional(),
  ),
  sort: z.preprocess(blankToUndefined, z.enum(SORT_KEYS, { error: `Sort by one of: ${SORT_KEYS.join(', ')}.` }).optional()),
  page: positiveInt(1000, 'The page must be a whole number from 1.'),
  pageSize: positiveInt(MAX_PAGE_SIZE, `The page size must be a whole number from 1 to ${MAX_PAGE_SIZE}.`),
};

export const productQuerySchema = z
  .object(fieldSchemas)
  .refine((v) => v.minPrice === undefined || v.maxPrice === undefined || v.minPrice <= v.maxPrice, {
    message: 'minPrice must not be above maxPrice.',
    path: ['minPrice'],
  });

export type ProductQuery = z.output<typeof productQuerySchema>;

const productSlugSchema = z.string().regex(/^[a-z0-9-]{1,120}$/);
export const productParamsSchema = z.object({ slug: productSlugSchema });

// Turns a validated query into the filters lib functions take.
export function toListingFilters(query: ProductQuery, defaults: { sort?: SortKey; pageSize?: number } = {}): ListingFilters {
  const unique = (values: string[] | undefined) => [...new Set(values ?? [])].sort();
  return {
    category: query.category,
    sizes: unique(query.size),
    colors: unique(query.color),
    minPrice: query.minPrice,
    maxPrice: query.maxPrice,
    inStock: query.inStock ?? false,
    availableAt: query.availableAt,
    sort: query.sort ?? defaults.sort ?? (query.q ? 'relevance' : 'featured'),
    page: query.page ?? 1,
    pageSize: query.pageSize ?? defaults.pageSize ?? DEFAULT_PAGE_SIZE,
  };
}

type RawQuery = Record<string, string | string[] | undefined>;

// Lenient parsing for pages: each bad value is dropped instead of failing the whole page.
export function parseListingQuery(raw: RawQuery): ProductQuery {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(fieldSchemas)) {
    const value = raw[key];
    if (value === undefined) continue;
    let parsed = (schema as z.ZodType).safeParse(value);
    if (!parsed.success && Array.isArray(value)) {
      // Keep the good values of a repeated key.
      const good = value.slice(0, MAX_VALUES).filter((v) => (schema as z.ZodType).safeParse(v).success);
      parsed = (schema as z.ZodType).safeParse(good);
    }
    if (!parsed.success && Array.isArray(value) && value.length > 0) {
      parsed = (schema as z.ZodType).safeParse(value[0]);
    }
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  const query = out as ProductQuery;
  if (query.minPrice !== undefined && query.maxPrice !== undefined && query.minPrice > query.maxPrice) {
    [query.minPrice, query.maxPrice] = [query.maxPrice, query.minPrice];
  }
  return query;
}
