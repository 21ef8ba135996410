// GET /api/v1/stores/{storeId}/products?slugs=a,b – which of these products the store has in stock
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { listProductsInStockAt, storeProductsParamsSchema, storeProductsQuerySchema } from '@/lib/stores/products-in-stock';

export const GET = route(
  { params: storeProductsParamsSchema, query: storeProductsQuerySchema, label: 'store-products' },
  async ({ params, query }) => {
    const inStock = await listProductsInStockAt(params.storeId, query.slugs);
    // Stock moves; a minute old is close enough for a hint on a card (the product page checks again).
    return apiJson({ storeId: params.storeId, inStock }, { headers: { 'Cache-Control': 'private, max-age=60' } });
  },
);
