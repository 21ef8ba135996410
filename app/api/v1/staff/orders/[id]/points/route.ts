// GET /api/v1/staff/orders/{id}/points?points= – the order's member, their points and what `points` take off what is due
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { handoverPoints } from '@/lib/loyalty/handover';
import { handoverPointsQuerySchema } from '@/lib/loyalty/schemas';
import { requireStaffOfOrder } from '@/lib/pickup/access';
import { pickupNotFound } from '@/lib/pickup/errors';
import { staffOrderParamsSchema } from '@/lib/pickup/schemas';

const spec = { params: staffOrderParamsSchema, invalidParams: pickupNotFound, query: handoverPointsQuerySchema, label: 'handover points' };

export const GET = route(spec, async ({ params, query }) => {
  const { user, storeId } = await requireStaffOfOrder(params.id);
  const points = await handoverPoints(user, params.id, storeId, query.points);
  return apiJson({ points }, { headers: { 'Cache-Control': 'private, no-store' } });
});
