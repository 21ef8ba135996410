// GET /api/v1/availability – units free to sell (onHand − reserved) per variant, at one store or at every store
import { apiError, apiJson, badRequest, parseSearchParams } from '@/lib/api/respond';
import { getAvailability } from '@/lib/inventory/availability';
import { availabilityQuerySchema } from '@/lib/stores/schemas';
import { describeAvailability } from '@/lib/stores/view';

export async function GET(request: Request) {
  const query = parseSearchParams(availabilityQuerySchema, request.url);
  if (!query.success) return badRequest(query.error);
  const { variantIds, storeId } = query.data;
  const result = await getAvailability({ variantIds, ...(storeId ? { locationId: storeId } : {}) });
  if (result.unknownVariantIds.length) {
    return apiError(404, 'variant_not_found', `Unknown variant id: ${result.unknownVariantIds.join(', ')}`);
  }
  if (!result.locationFound) return apiError(404, 'store_not_found', 'There is no store with that id.');
  return apiJson(describeAvailability(result.variants), { headers: { 'Cache-Control': 'no-store' } });
}
