// POST /api/v1/staff/stores/{storeId}/sales/quote – price a sale being built at the till (server prices, shelf, points)
import { forbidden } from '@/lib/auth/errors';
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { quoteInStoreSale } from '@/lib/loyalty/sale-pricing';
import { saleParamsSchema, saleQuoteBodySchema } from '@/lib/loyalty/schemas';
import { requireStoreStaff } from '@/lib/pickup/access';

const spec = { params: saleParamsSchema, invalidParams: forbidden, body: saleQuoteBodySchema, label: 'in-store sale quote' };

export const POST = route(spec, async ({ params, body }) => {
  await requireStoreStaff(params.storeId);
  const quote = await quoteInStoreSale(params.storeId, body);
  return apiJson({ quote }, { headers: { 'Cache-Control': 'private, no-store' } });
});
