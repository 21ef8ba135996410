import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { consumeBucket } from '@/lib/rate-limit/bucket';
import type { BackInStockInput } from './schemas';

// Each request is a promise of an e-mail to the address: per address and per client, so nobody can sign a stranger
// up to many, or fill the table from one machine.
const limits = {
  email: { limit: 10, windowSeconds: 60 * 60 },
  ip: { limit: 30, windowSeconds: 60 * 60 },
};

export type BackInStockRequestView = {
  id: string;
  email: string;
  variantId: string;
  productName: string;
  productSlug: string;
  variantLabel: string | null;
};

// Records the request (once per address and variant: asking again keeps the first). Only for a variant that is sold
// out everywhere: one in stock can simply be bought.
export async function requestBackInStock(input: BackInStockInput, clientIp: string): Promise<void> {
  for (const [key, limit] of [
    [`backInStockEmail:${input.email}`, limits.email],
    [`backInStockIp:${clientIp}`, limits.ip],
  ] as const) {
    const result = await consumeBucket(db, key, limit);
    if (!result.ok)
      throw new AppError(429, 'rate_limited', 'Too many requests. Please try again later.', {
        retryAfterSeconds: result.retryAfterSeconds,
      });
  }
  const variant = await db.variant.findUnique({
    where: { id: input.variantId },
    select: { stock: { select: { onHand: true, reserved: true } } },
  });
  if (!variant) throw new AppError(404, 'not_found', 'That product option no longer exists.');
  if (variant.stock.some((s) => s.onHand - s.reserved > 0))
    throw new AppError(409, 'in_stock', 'This is in stock now: you can add it to your bag.');
  await db.backInStockRequest.upsert({
    where: { email_variantId: { email: input.email, variantId: input.variantId } },
    create: { email: input.email, variantId: input.variantId },
    update: { sentAt: null },
  });
}

// The requests to send now: not yet sent, for a variant that is sellable again somewhere, however the stock came
// back (a delivery, an import, a cancelled order's stock released). lib/back-in-stock/notify.ts sends them.
export async function listDueBackInStockRequests(limit = 500): Promise<BackInStockRequestView[]> {
  const rows = await db.$queryRaw<
    { id: string; email: string; variantId: string; name: string; slug: string; color: string | null; size: string | null }[]
  >`
    SELECT r."id", r."email", r."variantId", p."name", p."slug", v."color", v."size"
    FROM "BackInStockRequest" r
    JOIN "Variant" v ON v."id" = r."variantId"
    JOIN "Product" p ON p."id" = v."productId"
    WHERE r."sentAt" IS NULL
      AND EXISTS (SELECT 1 FROM "Stock" s WHERE s."variantId" = r."variantId" AND s."onHand" - s."reserved" > 0)
    ORDER BY r."createdAt" ASC
    LIMIT ${limit}`;
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    variantId: r.variantId,
    productName: r.name,
    productSlug: r.slug,
    variantLabel: [r.color, r.size].filter(Boolean).join(' / ') || null,
  }));
}

export async function markBackInStockSent(ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { count } = await db.backInStockRequest.updateMany({ where: { id: { in: [...ids] }, sentAt: null }, data: { sentAt: new Date() } });
  return count;
}
