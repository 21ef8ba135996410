// POST /api/v1/checkout – place an order for the caller's own bag, hold its stock and start the payment
import { route } from '@/lib/api/route';
import { clientIp } from '@/lib/auth/request-ip';
import { resolveCartOwner } from '@/lib/cart/request';
import { checkoutJson, readIdempotencyKey } from '@/lib/checkout/api';
import { startCheckout } from '@/lib/checkout/checkout';
import { checkoutBodySchema } from '@/lib/checkout/schemas';
import { rememberReceipt } from '@/lib/orders/receipts';

const spec = {
  // Prices and totals have no place in the schema: a client that sends them has them dropped.
  body: checkoutBodySchema,
  invalid: 'Check the highlighted details.',
  label: 'checkout',
  internal: 'Something went wrong placing your order. Nothing was charged; please try again.',
};

export const POST = route(spec, async ({ request, body }) => {
  const idempotencyKey = readIdempotencyKey(request.headers);
  const { owner, user } = await resolveCartOwner();
  const result = await startCheckout({ user, cart: owner }, body, {
    userAgent: request.headers.get('user-agent'),
    clientIp: clientIp(request.headers),
    idempotencyKey,
  });
  await rememberReceipt({ id: result.order.id, code: result.pickupCode, placed: true });
  return checkoutJson(result);
});
