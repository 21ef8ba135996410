// POST /api/v1/staff/orders/{id}/ready – every line picked: the order is ready for pickup and the shopper is told
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { requireStaffOfOrder } from '@/lib/pickup/access';
import { pickupNotFound } from '@/lib/pickup/errors';
import { markReady } from '@/lib/pickup/picking';
import { staffOrderCard } from '@/lib/pickup/queue';
import { staffOrderParamsSchema } from '@/lib/pickup/schemas';

export const POST = route({ params: staffOrderParamsSchema, invalidParams: pickupNotFound, label: 'staff ready' }, async ({ params }) => {
  const { user, storeId } = await requireStaffOfOrder(params.id);
  await markReady(user, params.id, storeId);
  return apiJson({ order: await staffOrderCard(params.id) });
});
