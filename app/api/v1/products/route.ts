// GET /api/v1/products – list, filter, sort and search the catalog
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { CATALOG_CACHE_CONTROL, listProducts } from '@/lib/catalog/catalog';
import { searchProducts } from '@/lib/catalog/search';
import { productQuerySchema, toListingFilters } from '@/lib/catalog/schemas';

export const GET = route(
  { query: productQuerySchema, invalid: 'The product query is not valid.', label: 'products' },
  async ({ query }) => {
    const filters = toListingFilters(query);
    const body = query.q ? await searchProducts(query.q, filters) : await listProducts(filters);
    return apiJson(body, { headers: { 'Cache-Control': CATALOG_CACHE_CONTROL } });
  },
);
