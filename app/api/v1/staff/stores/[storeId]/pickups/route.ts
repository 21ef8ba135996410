// GET /api/v1/staff/stores/{storeId}/pickups?status=&cursor=&limit= – the store's pickup queue, a page at a time (one tab of it with ?status=)
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { requireStoreStaff } from '@/lib/pickup/access';
import { storeQueue } from '@/lib/pickup/queue';
import { queueQuerySchema, storeParamsSchema } from '@/lib/pickup/schemas';

export const GET = route({ params: storeParamsSchema, query: queueQuerySchema, label: 'staff queue' }, async ({ params, query }) => {
  await requireStoreStaff(params.storeId);
  const queue = await storeQueue(params.storeId, query.status ?? null, { limit: query.limit, cursor: query.cursor });
  return apiJson(queue, { headers: { 'Cache-Control': 'private, no-store' } });
});
