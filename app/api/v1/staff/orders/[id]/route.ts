// GET /api/v1/staff/orders/{id} – one pickup order for the counter (staff of its store)
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { requireStaffOfOrder } from '@/lib/pickup/access';
import { pickupNotFound } from '@/lib/pickup/errors';
import { staffOrderCard } from '@/lib/pickup/queue';
import { staffOrderParamsSchema } from '@/lib/pickup/schemas';

export const GET = route({ params: staffOrderParamsSchema, invalidParams: pickupNotFound, label: 'staff order' }, async ({ params }) => {
  await requireStaffOfOrder(params.id);
  return apiJson({ order: await staffOrderCard(params.id) }, { headers: { 'Cache-Control': 'private, no-store' } });
});
