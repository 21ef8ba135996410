// GET /api/v1/staff/orders/{id}/substitutes?lineId= – what the store has in stock to offer for a line it can't find
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { requireStaffOfOrder } from '@/lib/pickup/access';
import { pickupNotFound } from '@/lib/pickup/errors';
import { staffOrderParamsSchema, substitutesQuerySchema } from '@/lib/pickup/schemas';
import { substituteOptions } from '@/lib/pickup/substitution-options';

const spec = { params: staffOrderParamsSchema, invalidParams: pickupNotFound, query: substitutesQuerySchema, label: 'staff substitutes' };

export const GET = route(spec, async ({ params, query }) => {
  const { storeId } = await requireStaffOfOrder(params.id);
  return apiJson({ options: await substituteOptions(params.id, storeId, query.lineId) });
});
