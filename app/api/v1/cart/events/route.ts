// GET /api/v1/cart/events – server-sent events: `cart` with { version } whenever the caller's cart changes
import { route } from '@/lib/api/route';
import { cartIdForEvents } from '@/lib/cart/request';
import { cartChannel } from '@/lib/events';
import { eventStreamResponse } from '@/lib/events/sse';

export const GET = route({ label: 'cart events' }, async ({ request }) => {
  const cartId = await cartIdForEvents();
  // 204 tells EventSource not to reconnect: a guest without a cart has nothing to follow yet.
  if (!cartId) return new Response(null, { status: 204 });
  return eventStreamResponse(cartChannel(cartId), request.signal, 'cart');
});
