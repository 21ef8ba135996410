// GET /api/v1/recommendations – recommendation shelves for the home, product, cart or order confirmation page
import { recordEvent } from '@/lib/analytics/record';
import { apiError, apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { recommendationsQuerySchema } from '@/lib/recommendations/schemas';
import { getRecommendationsForRequest } from '@/lib/recommendations/service';

const spec = {
  query: recommendationsQuerySchema,
  invalid: 'The recommendations query is not valid.',
  label: 'recommendations',
  internal: 'Recommendations are unavailable right now.',
};

export const GET = route(spec, async ({ query }) => {
  const body = await getRecommendationsForRequest(query);
  if (!body) return apiError(404, 'not_found', query.context === 'order' ? 'We could not find that order.' : 'No product has that id.');
  for (const s of body.shelves) if (s.items.length) recordEvent({ type: 'REC_SHOWN', shelf: s.id, quantity: s.items.length });
  // Product shelves are the same for everyone; the others depend on the shopper's history, views or bag.
  const cacheControl =
    body.personalised || body.context !== 'product' ? 'private, no-store' : 'public, max-age=60, stale-while-revalidate=300';
  return apiJson(body, { headers: { 'Cache-Control': cacheControl } });
});
