// POST /api/v1/checkout – place an order for the caller's own bag, hold its stock and start the payment
import { badRequest, malformedBody, readJson } from '@/lib/api/respond';
import { clientIp } from '@/lib/auth/request-ip';
import { refuseCrossSite } from '@/lib/cart/api';
import { resolveCartOwner } from '@/lib/cart/request';
import { checkoutErrorResponse, checkoutJson } from '@/lib/checkout/api';
import { startCheckout } from '@/lib/checkout/checkout';
import { rememberReceipt } from '@/lib/orders/receipts';
import { checkoutBodySchema } from '@/lib/checkout/schemas';

export async function POST(request: Request) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const body = await readJson(request);
  if (!body.ok) return malformedBody();
  // Prices and totals have no place in the schema: a client that sends them has them dropped.
  const parsed = checkoutBodySchema.safeParse(body.value);
  if (!parsed.success) return badRequest(parsed.error, 'Check the highlighted details.');
  try {
    const { owner, user } = await resolveCartOwner();
    const result = await startCheckout({ user, cart: owner }, parsed.data, {
      userAgent: request.headers.get('user-agent'),
      clientIp: clientIp(request.headers),
    });
    await rememberReceipt({ id: result.order.id, code: result.pickupCode });
    return checkoutJson(result);
  } catch (error) {
    return checkoutErrorResponse(error);
  }
}
