// POST /api/v1/views – record that the visitor viewed a product (for "Recently viewed")
import { apiError, badRequest, malformedBody, readJson } from '@/lib/api/respond';
import { refuseCrossSite } from '@/lib/cart/api';
import { recordViewSchema } from '@/lib/recommendations/schemas';
import { recordProductView } from '@/lib/recommendations/views';

export async function POST(request: Request) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const json = await readJson(request);
  if (!json.ok) return malformedBody();
  const parsed = recordViewSchema.safeParse(json.value);
  if (!parsed.success) return badRequest(parsed.error);
  const result = await recordProductView(parsed.data.productId);
  if (result === 'unknown-product') return apiError(404, 'not_found', 'No product has that id.');
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'private, no-store' } });
}
