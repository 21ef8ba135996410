// GET /api/v1/availability – units free to sell (onHand − reserved) per variant, at one store or at every store
import { apiError, apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { getAvailability } from '@/lib/inventory/availability';
import { availabilityQuerySchema } from '@/lib/stores/schemas';
import { describeAvailability } from '@/lib/stores/view';

export const GET = route({ query: availabilityQuerySchema, label: 'availability' }, async ({ query: { variantIds, storeId } }) => {
  const result = await getAvailability({ variantIds, ...(storeId ? { locationId: storeId } : {}) });
  if (result.unknownVariantIds.length) {
    return apiError(404, 'variant_not_found', `Unknown variant id: ${result.unknownVariantIds.join(', ')}`);
  }
  if (!result.locationFound) return apiError(404, 'store_not_found', 'There is no store with that id.');
  return apiJson(describeAvailability(result.variants), { headers: { 'Cache-Control': 'no-store' } });
});
