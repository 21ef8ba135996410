// GET /api/v1/products – list, filter, sort and search the catalog
import { apiJson, badRequest, parseSearchParams } from '@/lib/api/respond';
import { CATALOG_CACHE_CONTROL, listProducts, searchProducts } from '@/lib/catalog/catalog';
import { productQuerySchema, toListingFilters } from '@/lib/catalog/schemas';

export async function GET(request: Request) {
  const parsed = parseSearchParams(productQuerySchema, request.url);
  if (!parsed.success) return badRequest(parsed.error, 'The product query is not valid.');
  const filters = toListingFilters(parsed.data);
  const body = parsed.data.q
    ? await searchProducts(parsed.data.q, filters)
    : await listProducts(filters);
  return apiJson(body, { headers: { 'Cache-Control': CATALOG_CACHE_CONTROL } });
}
