// POST /api/v1/staff/stores/{storeId}/sales – record a sale at the till (channel IN_STORE), earning the member's points
import { forbidden } from '@/lib/auth/errors';
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { recordInStoreSale } from '@/lib/loyalty/sale';
import { saleBodySchema, saleParamsSchema } from '@/lib/loyalty/schemas';
import { requireStoreStaff } from '@/lib/pickup/access';

const spec = { params: saleParamsSchema, invalidParams: forbidden, body: saleBodySchema, label: 'in-store sale' };

export const POST = route(spec, async ({ params, body }) => {
  const user = await requireStoreStaff(params.storeId);
  const sale = await recordInStoreSale(user, params.storeId, body);
  return apiJson({ sale }, { status: sale.repeated ? 200 : 201, headers: { 'Cache-Control': 'private, no-store' } });
});
