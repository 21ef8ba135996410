// GET /api/v1/staff/stores/{storeId}/events – server-sent events: `pickup` with { orderId, status } when an order of the store changes
import { route } from '@/lib/api/route';
import { requireStoreStaff } from '@/lib/pickup/access';
import { storeQueueChannel } from '@/lib/pickup/events';
import { storeParamsSchema } from '@/lib/pickup/schemas';
import { eventStreamResponse } from '@/lib/events/sse';

export const GET = route({ params: storeParamsSchema, label: 'staff events' }, async ({ request, params }) => {
  await requireStoreStaff(params.storeId);
  return eventStreamResponse(storeQueueChannel(params.storeId), request.signal, 'pickup');
});
