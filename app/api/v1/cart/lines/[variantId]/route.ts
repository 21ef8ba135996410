// PATCH|DELETE /api/v1/cart/lines/{variantId} – set a line's quantity or remove it (If-Match: cart version)
import { route } from '@/lib/api/route';
import { cartJson, ifMatchVersion } from '@/lib/cart/api';
import { mutateCartForRequest } from '@/lib/cart/request';
import { lineParamsSchema, updateLineSchema } from '@/lib/cart/schemas';

export const PATCH = route({ params: lineParamsSchema, body: updateLineSchema, label: 'cart' }, async ({ request, params, body }) => {
  const version = ifMatchVersion(request) ?? body.version;
  return cartJson(await mutateCartForRequest({ kind: 'set', variantId: params.variantId, quantity: body.quantity }, version));
});

export const DELETE = route({ params: lineParamsSchema, label: 'cart' }, async ({ request, params }) =>
  cartJson(await mutateCartForRequest({ kind: 'remove', variantId: params.variantId }, ifMatchVersion(request))),
);
