import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { getLiveModel } from '@/lib/recommendations/live-model';
import { similarItems } from '@/lib/recommendations/strategies';
import { PickupError } from './errors';
import type { SubstituteOption } from './schemas';

const SIMILAR_PRODUCTS = 12;
const MAX_OPTIONS = 12;

type Row = {
  variantId: string;
  productId: string;
  productName: string;
  sku: string;
  size: string | null;
  color: string | null;
  priceMinor: number;
  available: number;
};

// What the chooser offers for a line the store can't find: the same product in another size or colour first, then
// products the recommendations call similar; only variants with the line's quantity free at this store.
export async function substituteOptions(orderId: string, storeId: string, lineId: string): Promise<SubstituteOption[]> {
  const line = await db.orderLine.findFirst({
    where: { id: lineId, orderId },
    select: { productId: true, variantId: true, quantity: true },
  });
  if (!line) throw new PickupError('unknown_line', 'That line is not on this order.', { lineIds: [lineId] });
  const similar = await similarProductIds(line.productId);
  const rows = await db.$queryRaw<Row[]>`
    SELECT v."id" AS "variantId", v."productId", p."name" AS "productName", v."sku", v."size", v."color", v."priceMinor",
      (s."onHand" - s."reserved")::int AS "available"
    FROM "Variant" v JOIN "Product" p ON p."id" = v."productId"
    JOIN "Stock" s ON s."variantId" = v."id" AND s."locationId" = ${storeId}
    WHERE v."productId" = ANY(${[line.productId, ...similar]}::text[]) AND v."currency" = ${env.SHOP_CURRENCY}
      AND v."id" IS DISTINCT FROM ${line.variantId} AND s."onHand" - s."reserved" >= ${line.quantity}`;
  const rank = (r: Row) => (r.productId === line.productId ? -1 : similar.indexOf(r.productId));
  return rows
    .sort((a, b) => rank(a) - rank(b) || a.priceMinor - b.priceMinor || a.sku.localeCompare(b.sku))
    .slice(0, MAX_OPTIONS)
    .map((r) => ({
      variantId: r.variantId,
      name: r.productName,
      sku: r.sku,
      size: r.size,
      color: r.color,
      priceMinor: r.priceMinor,
      currency: env.SHOP_CURRENCY,
      available: r.available,
      kind: r.productId === line.productId ? 'same_product' : 'similar',
    }));
}

// The recommendations' "similar items" for the product; without a model (an empty shop) the chooser offers the
// product's other variants only.
async function similarProductIds(productId: string): Promise<string[]> {
  try {
    return similarItems(await getLiveModel(), productId, { limit: SIMILAR_PRODUCTS }).map((r) => r.itemId);
  } catch (error) {
    console.error('[pickup] similar items failed', productId, error);
    return [];
  }
}
