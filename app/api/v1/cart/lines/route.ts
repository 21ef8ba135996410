// POST /api/v1/cart/lines – add a variant to the cart ({ variantId, quantity }; prices in the body are ignored)
import { route } from '@/lib/api/route';
import { cartJson, ifMatchVersion } from '@/lib/cart/api';
import { mutateCartForRequest } from '@/lib/cart/request';
import { addLineSchema } from '@/lib/cart/schemas';

export const POST = route({ body: addLineSchema, label: 'cart' }, async ({ request, body: { variantId, quantity } }) => {
  ifMatchVersion(request);
  // Adding is relative, so a stale version (If-Match or body) is retried on the latest cart, not refused.
  return cartJson(await mutateCartForRequest({ kind: 'add', variantId, quantity }), 201);
});
