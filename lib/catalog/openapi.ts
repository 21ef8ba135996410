import { z } from 'zod';
import type { Operation } from '../api/openapi';
import { fieldSchemas } from './schemas';

// The catalog's part of /api/v1/openapi.json, built from the schemas the handlers validate with.

const image = z.object({ url: z.string(), alt: z.string(), color: z.string().nullable() });
const swatch = z.object({ name: z.string(), hex: z.string().nullable() });

const productCard = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  categoryName: z.string(),
  categorySlug: z.string(),
  priceMinor: z.number().int().describe('Lowest variant price in minor units (pence).'),
  compareAtMinor: z.number().int().nullable().describe('Former price when on sale.'),
  priceVaries: z.boolean(),
  currency: z.string().length(3),
  image: image.nullable(),
  colors: z.array(swatch),
  inStock: z.boolean(),
});

const productList = z.object({
  items: z.array(productCard),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  totalPages: z.number().int(),
  query: z.string().optional(),
  correctedQuery: z.string().nullable().optional().describe('Set when the results are for a spelling correction of q.'),
});

const productDetail = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  category: z.object({ slug: z.string(), name: z.string() }),
  tags: z.array(z.string()),
  images: z.array(image),
  variants: z.array(
    z.object({
      id: z.string(),
      sku: z.string(),
      size: z.string().nullable(),
      color: z.string().nullable(),
      colorHex: z.string().nullable(),
      priceMinor: z.number().int(),
      compareAtMinor: z.number().int().nullable(),
      currency: z.string().length(3),
      inStock: z.boolean().describe('Sellable at some location (warehouse or a store).'),
    }),
  ),
  sizes: z.array(z.string()),
  colors: z.array(swatch),
  priceMinMinor: z.number().int(),
  priceMaxMinor: z.number().int(),
  currency: z.string().length(3),
  inStock: z.boolean(),
  updatedAt: z.string(),
});

const listQuery = z.object({
  q: fieldSchemas.q.describe('Full-text search over name, description and category; typo-tolerant.'),
  category: fieldSchemas.category.describe('Category slug.'),
  size: fieldSchemas.size.describe('Size; repeat the key for several.'),
  color: fieldSchemas.color.describe('Colour name; repeat the key for several.'),
  minPrice: fieldSchemas.minPrice.describe('Lowest price in pounds.'),
  maxPrice: fieldSchemas.maxPrice.describe('Highest price in pounds.'),
  inStock: fieldSchemas.inStock.describe('Only products with a variant in stock somewhere (1 or 0).'),
  availableAt: fieldSchemas.availableAt.describe('Location id: only products in stock at that store.'),
  sort: fieldSchemas.sort.describe('Default: relevance with q, else featured.'),
  page: fieldSchemas.page.describe('Page number from 1.'),
  pageSize: fieldSchemas.pageSize.describe('Products per page, 1 to 48 (default 24).'),
});

export const catalogOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/products',
    summary: 'List, filter, sort and search products',
    query: listQuery,
    responses: {
      200: { description: 'A page of products.', schema: productList },
      400: { description: 'A query parameter is not valid.' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/products/{slug}',
    summary: 'One product with its variants and images',
    responses: {
      200: { description: 'The product.', schema: productDetail },
      404: { description: 'No product has this slug.' },
    },
  },
];
