// POST /api/v1/back-in-stock – "E-mail me when it's back" for a sold-out variant
import { route } from '@/lib/api/route';
import { clientIp } from '@/lib/auth/request-ip';
import { requestBackInStock } from '@/lib/back-in-stock/requests';
import { backInStockSchema } from '@/lib/back-in-stock/schemas';

export const POST = route(
  { body: backInStockSchema, label: 'back-in-stock', invalid: 'Enter a valid e-mail address.' },
  async ({ request, body }) => {
    await requestBackInStock(body, clientIp(request.headers));
    return new Response(null, { status: 204, headers: { 'Cache-Control': 'private, no-store' } });
  },
);
