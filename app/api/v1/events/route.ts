// POST /api/v1/events – the browser reports a click on a recommended product (first-party analytics)
import { recordEvent } from '@/lib/analytics/record';
import { clientEventSchema } from '@/lib/analytics/schemas';
import { route } from '@/lib/api/route';

export const POST = route({ body: clientEventSchema, label: 'events' }, ({ body }) => {
  recordEvent({ type: body.type, productId: body.productId, shelf: body.shelf });
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'private, no-store' } });
});
