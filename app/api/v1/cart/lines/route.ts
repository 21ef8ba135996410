// POST /api/v1/cart/lines – add a variant to the cart ({ variantId, quantity }; prices in the body are ignored)
import { badRequest, malformedBody, readJson, apiError } from '@/lib/api/respond';
import { cartErrorResponse, cartJson, refuseCrossSite } from '@/lib/cart/api';
import { mutateCartForRequest } from '@/lib/cart/request';
import { addLineSchema, parseIfMatch } from '@/lib/cart/schemas';

export async function POST(request: Request) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const ifMatch = parseIfMatch(request.headers.get('if-match'));
  if (ifMatch === 'invalid') return apiError(400, 'bad_request', 'If-Match must be the cart version, e.g. "3".');
  const body = await readJson(request);
  if (!body.ok) return malformedBody();
  const parsed = addLineSchema.safeParse(body.value);
  if (!parsed.success) return badRequest(parsed.error);
  const { variantId, quantity } = parsed.data;
  try {
    // Adding is relative, so a stale version (If-Match or body) is retried on the latest cart, not refused.
    return cartJson(await mutateCartForRequest({ kind: 'add', variantId, quantity }), 201);
  } catch (error) {
    return cartErrorResponse(error);
  }
}
