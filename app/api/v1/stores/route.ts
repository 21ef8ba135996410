// GET /api/v1/stores – stores nearest a point or a typed place, with hours, ready-by and (optionally) stock
import { apiError, apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { PLACE_NOT_FOUND } from '@/lib/stores/places';
import { storesQuerySchema } from '@/lib/stores/schemas';
import { findStores } from '@/lib/stores/stores';

export const GET = route(
  { query: storesQuerySchema, label: 'stores' },
  async ({ query: { lat, lng, near, variantIds, quantities, limit } }) => {
    const lines = variantIds?.map((variantId, i) => ({ variantId, quantity: quantities?.[i] ?? 1 }));
    const result = await findStores({
      limit,
      ...(near !== undefined ? { near } : {}),
      ...(lat !== undefined && lng !== undefined ? { origin: { latitude: lat, longitude: lng } } : {}),
      ...(lines ? { lines } : {}),
    });
    if (!result.ok) {
      return result.reason === 'place_not_found'
        ? apiError(404, 'place_not_found', PLACE_NOT_FOUND)
        : apiError(404, 'variant_not_found', `Unknown variant id: ${result.variantIds.join(', ')}`);
    }
    // Store details are public and change rarely; stock must be fresh.
    return apiJson(
      { origin: result.origin, stores: result.stores },
      { headers: { 'Cache-Control': lines ? 'no-store' : 'public, max-age=60, stale-while-revalidate=300' } },
    );
  },
);
