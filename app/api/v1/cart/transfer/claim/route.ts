// POST /api/v1/cart/transfer/claim – use a transfer token ({ token }): this device now holds the guest cart
import { badRequest, malformedBody, readJson } from '@/lib/api/respond';
import { cartErrorResponse, cartJson, refuseCrossSite } from '@/lib/cart/api';
import { claimTransferForRequest } from '@/lib/cart/request';
import { claimTransferSchema } from '@/lib/cart/schemas';

export async function POST(request: Request) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const body = await readJson(request);
  if (!body.ok) return malformedBody();
  const parsed = claimTransferSchema.safeParse(body.value);
  if (!parsed.success) return badRequest(parsed.error);
  try {
    return cartJson(await claimTransferForRequest(parsed.data.token));
  } catch (error) {
    return cartErrorResponse(error);
  }
}
