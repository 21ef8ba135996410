// GET /api/v1/staff/stores/{storeId}/items?q= – items to add to a sale at the till: an exact SKU, else a search
import { forbidden } from '@/lib/auth/errors';
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { findSaleItems } from '@/lib/loyalty/sale-pricing';
import { saleItemsQuerySchema, saleParamsSchema } from '@/lib/loyalty/schemas';
import { requireStoreStaff } from '@/lib/pickup/access';

const spec = { params: saleParamsSchema, invalidParams: forbidden, query: saleItemsQuerySchema, label: 'sale items' };

export const GET = route(spec, async ({ params, query }) => {
  await requireStoreStaff(params.storeId);
  return apiJson({ items: await findSaleItems(params.storeId, query.q) }, { headers: { 'Cache-Control': 'private, no-store' } });
});
