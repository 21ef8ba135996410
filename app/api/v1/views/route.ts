// POST /api/v1/views – record that the visitor viewed a product (for "Recently viewed")
import { recordEvent } from '@/lib/analytics/record';
import { apiError } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { recordViewSchema } from '@/lib/recommendations/schemas';
import { recordProductView } from '@/lib/recommendations/views';

export const POST = route({ body: recordViewSchema, label: 'views' }, async ({ body }) => {
  const result = await recordProductView(body.productId);
  if (result === 'unknown-product') return apiError(404, 'not_found', 'No product has that id.');
  recordEvent({ type: 'PRODUCT_VIEWED', productId: body.productId });
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'private, no-store' } });
});
