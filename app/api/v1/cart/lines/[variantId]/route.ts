// PATCH|DELETE /api/v1/cart/lines/{variantId} – set a line's quantity or remove it (If-Match: cart version)
import { apiError, badRequest, malformedBody, readJson } from '@/lib/api/respond';
import { cartErrorResponse, cartJson, refuseCrossSite } from '@/lib/cart/api';
import { mutateCartForRequest } from '@/lib/cart/request';
import { lineParamsSchema, parseIfMatch, updateLineSchema } from '@/lib/cart/schemas';

type Ctx = { params: Promise<{ variantId: string }> };

export async function PATCH(request: Request, { params }: Ctx) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const path = lineParamsSchema.safeParse(await params);
  if (!path.success) return badRequest(path.error);
  const ifMatch = parseIfMatch(request.headers.get('if-match'));
  if (ifMatch === 'invalid') return apiError(400, 'bad_request', 'If-Match must be the cart version, e.g. "3".');
  const body = await readJson(request);
  if (!body.ok) return malformedBody();
  const parsed = updateLineSchema.safeParse(body.value);
  if (!parsed.success) return badRequest(parsed.error);
  try {
    const mutation = { kind: 'set', variantId: path.data.variantId, quantity: parsed.data.quantity } as const;
    return cartJson(await mutateCartForRequest(mutation, ifMatch ?? parsed.data.version));
  } catch (error) {
    return cartErrorResponse(error);
  }
}

export async function DELETE(request: Request, { params }: Ctx) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const path = lineParamsSchema.safeParse(await params);
  if (!path.success) return badRequest(path.error);
  const ifMatch = parseIfMatch(request.headers.get('if-match'));
  if (ifMatch === 'invalid') return apiError(400, 'bad_request', 'If-Match must be the cart version, e.g. "3".');
  try {
    return cartJson(await mutateCartForRequest({ kind: 'remove', variantId: path.data.variantId }, ifMatch));
  } catch (error) {
    return cartErrorResponse(error);
  }
}
