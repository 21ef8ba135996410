// GET /api/v1/recommendations – recommendation shelves for the home, product, cart or order confirmation page
import { apiError, apiJson, badRequest, parseSearchParams } from '@/lib/api/respond';
import { recommendationsQuerySchema } from '@/lib/recommendations/schemas';
import { getRecommendationsForRequest } from '@/lib/recommendations/service';

export async function GET(request: Request) {
  const parsed = parseSearchParams(recommendationsQuerySchema, request.url);
  if (!parsed.success) return badRequest(parsed.error, 'The recommendations query is not valid.');
  try {
    const body = await getRecommendationsForRequest(parsed.data);
    if (!body) return apiError(404, 'not_found', parsed.data.context === 'order' ? 'We could not find that order.' : 'No product has that id.');
    // Product shelves are the same for everyone; the others depend on the shopper's history, views or bag.
    const cacheControl = body.personalised || body.context !== 'product' ? 'private, no-store' : 'public, max-age=60, stale-while-revalidate=300';
    return apiJson(body, { headers: { 'Cache-Control': cacheControl } });
  } catch (error) {
    console.error('[recommendations] request failed', error);
    return apiError(500, 'internal', 'Recommendations are unavailable right now.');
  }
}
