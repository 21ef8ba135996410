import 'server-only';
import { z } from 'zod';
import type { Operation } from '@/lib/api/openapi';
import { db } from '@/lib/db';
import { rowId } from '@/lib/validation/text';

// Which of a listing page's products a store has on its shelf (any variant), for "Pick up today at …" on the cards
// of a shopper who has chosen that store. The page is cached for everyone; this small answer is per store.
export const storeProductsQuerySchema = z.object({
  slugs: z
    .string()
    .max(4000)
    .transform((value) => [...new Set(value.split(',').map((s) => s.trim()))].filter(Boolean))
    .pipe(
      z
        .array(z.string().regex(/^[a-z0-9-]{1,120}$/, 'Not a product slug.'))
        .min(1)
        .max(60),
    ),
});
export const storeProductsParamsSchema = z.object({ storeId: rowId('Not a store id.') });

export async function listProductsInStockAt(storeId: string, slugs: readonly string[]): Promise<string[]> {
  const rows = await db.$queryRaw<{ slug: string }[]>`
    SELECT DISTINCT p."slug"
    FROM "Product" p
    JOIN "Variant" v ON v."productId" = p."id"
    JOIN "Stock" s ON s."variantId" = v."id"
    WHERE s."locationId" = ${storeId} AND s."onHand" - s."reserved" > 0 AND p."slug" = ANY(${[...slugs]})`;
  return rows.map((r) => r.slug);
}

export const storeProductsOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/stores/{storeId}/products',
    summary: 'Which of the given products (slugs, comma-separated, up to 60) the store has in stock, in any variant',
    query: storeProductsQuerySchema,
    responses: {
      200: {
        description: 'The slugs in stock at the store',
        schema: z.object({ storeId: z.string(), inStock: z.array(z.string()) }),
      },
      400: { description: 'Malformed store id or slugs' },
    },
  },
];
