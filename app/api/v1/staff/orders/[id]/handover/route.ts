// POST /api/v1/staff/orders/{id}/handover – the shopper's code checked, the parcel handed over, the order completed
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { requireStaffOfOrder } from '@/lib/pickup/access';
import { pickupNotFound } from '@/lib/pickup/errors';
import { handOver } from '@/lib/pickup/handover';
import { staffOrderCard } from '@/lib/pickup/queue';
import { handoverBodySchema, staffOrderParamsSchema } from '@/lib/pickup/schemas';

const spec = { params: staffOrderParamsSchema, invalidParams: pickupNotFound, body: handoverBodySchema, label: 'staff handover' };

export const POST = route(spec, async ({ params, body }) => {
  const { user, storeId } = await requireStaffOfOrder(params.id);
  await handOver(user, params.id, storeId, body);
  return apiJson({ order: await staffOrderCard(params.id) });
});
