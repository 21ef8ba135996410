// GET /api/v1/staff/orders/{id}/customer – the order's shopper seen from the counter (audited)
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { requireStaffOfOrder } from '@/lib/pickup/access';
import { customerForCounter } from '@/lib/pickup/customer';
import { pickupNotFound } from '@/lib/pickup/errors';
import { staffOrderParamsSchema } from '@/lib/pickup/schemas';

export const GET = route({ params: staffOrderParamsSchema, invalidParams: pickupNotFound, label: 'staff customer' }, async ({ params }) => {
  const { user, storeId } = await requireStaffOfOrder(params.id);
  return apiJson({ customer: await customerForCounter(user, params.id, storeId) }, { headers: { 'Cache-Control': 'private, no-store' } });
});
