// POST /api/v1/staff/orders/{id}/pick – tick lines as picked (or untick them); the first tick starts picking
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { requireStaffOfOrder } from '@/lib/pickup/access';
import { pickupNotFound } from '@/lib/pickup/errors';
import { pickLines } from '@/lib/pickup/picking';
import { staffOrderCard } from '@/lib/pickup/queue';
import { pickBodySchema, staffOrderParamsSchema } from '@/lib/pickup/schemas';

const spec = { params: staffOrderParamsSchema, invalidParams: pickupNotFound, body: pickBodySchema, label: 'staff pick' };

export const POST = route(spec, async ({ params, body }) => {
  const { user, storeId } = await requireStaffOfOrder(params.id);
  await pickLines(user, params.id, storeId, body);
  return apiJson({ order: await staffOrderCard(params.id) });
});
