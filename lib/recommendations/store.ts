import 'server-only';
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { PURCHASED_SQL } from './co-purchases';
import type { Basket, ItemMeta, ViewEvent } from './types';

// The database side of recommendations: baskets and item metadata for the model, and the few
// per-request reads (cards with live stock, views, the cart's products).

/** Orders that count as purchases. */
const purchased = Prisma.raw(PURCHASED_SQL);

export type OrderBasket = Basket & { orderId: string; changedAt: number };
type BasketRow = { orderId: string; userId: string | null; placedAt: Date; changedAt: Date; items: string[] };

const toBasket = (r: BasketRow): OrderBasket => ({
  orderId: r.orderId,
  customerId: r.userId,
  items: r.items,
  at: r.placedAt.getTime(),
  changedAt: r.changedAt.getTime(),
});

/** Paid orders changed after `since` (all of them for 0), oldest first, each as its products in line order. */
export async function loadBaskets(db: Db, since = new Date(0)): Promise<OrderBasket[]> {
  const rows = await db.$queryRaw<BasketRow[]>`
    SELECT o."id" AS "orderId", o."userId", o."placedAt",
      GREATEST(o."createdAt", o."updatedAt", COALESCE(o."paidAt", o."createdAt")) AS "changedAt",
      array_agg(l."productId" ORDER BY l."position", l."id") AS "items"
    FROM "Order" o JOIN "OrderLine" l ON l."orderId" = o."id"
    WHERE o."status"::text IN ${purchased}
      AND GREATEST(o."createdAt", o."updatedAt", COALESCE(o."paidAt", o."createdAt")) > ${since}
    GROUP BY o."id"
    ORDER BY o."placedAt", o."id"`;
  return rows.map(toBasket);
}

export async function loadOrderBasket(db: Db, orderId: string): Promise<OrderBasket | null> {
  const rows = await db.$queryRaw<BasketRow[]>`
    SELECT o."id" AS "orderId", o."userId", o."placedAt", o."updatedAt" AS "changedAt",
      array_agg(l."productId" ORDER BY l."position", l."id") AS "items"
    FROM "Order" o JOIN "OrderLine" l ON l."orderId" = o."id"
    WHERE o."id" = ${orderId} AND o."status"::text IN ${purchased}
    GROUP BY o."id"`;
  return rows[0] ? toBasket(rows[0]) : null;
}

type MetaRow = { id: string; name: string; category: string; tags: string[]; externalRef: string | null };

/**
 * Name, category and tags for content similarity. Imported products share one category, so they use
 * their StockCode's family (first four digits) instead, exactly as the evaluation does.
 */
export async function loadItemMeta(db: Db, ids?: string[]): Promise<ItemMeta[]> {
  const rows = await db.$queryRaw<MetaRow[]>`
    SELECT p."id", p."name", c."slug" AS "category", p."tags", p."externalRef"
    FROM "Product" p JOIN "Category" c ON c."id" = p."categoryId"
    ${ids ? Prisma.sql`WHERE p."id" = ANY(${ids})` : Prisma.empty}`;
  return rows.map((r) => {
    const family = r.externalRef ? /^(\d{4})\d/.exec(r.externalRef)?.[1] : undefined;
    return { id: r.id, name: r.name, category: r.externalRef ? family : r.category, tags: r.tags };
  });
}

export type CardRow = {
  id: string;
  slug: string;
  name: string;
  priceMinor: number;
  currency: string;
  imageUrl: string | null;
  imageAlt: string | null;
};

/** Product cards (lowest price, first image), for every product or the given ones. */
export async function loadAllCards(db: Db, ids?: string[]): Promise<Map<string, CardRow>> {
  const rows = await db.$queryRaw<CardRow[]>`
    SELECT p."id", p."slug", p."name", price."priceMinor", price."currency", img."url" AS "imageUrl", img."alt" AS "imageAlt"
    FROM "Product" p
    JOIN LATERAL (
      SELECT v."priceMinor", v."currency" FROM "Variant" v WHERE v."productId" = p."id" ORDER BY v."priceMinor", v."id" LIMIT 1
    ) price ON true
    LEFT JOIN LATERAL (
      SELECT i."url", i."alt" FROM "ProductImage" i WHERE i."productId" = p."id" ORDER BY i."position", i."id" LIMIT 1
    ) img ON true
    ${ids ? Prisma.sql`WHERE p."id" = ANY(${ids})` : Prisma.empty}`;
  return new Map(rows.map((r) => [r.id, r]));
}

/** Products with some variant sellable at some location (onHand − reserved > 0). */
export async function loadAvailableProductIds(db: Db, ids?: string[]): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ productId: string }[]>`
    SELECT DISTINCT v."productId" FROM "Variant" v JOIN "Stock" s ON s."variantId" = v."id"
    WHERE s."onHand" - s."reserved" > 0 ${ids ? Prisma.sql`AND v."productId" = ANY(${ids})` : Prisma.empty}`;
  return new Set(rows.map((r) => r.productId));
}

export type Viewer = { userId: string } | { anonymousId: string };

/** The viewer's most recently viewed products, newest first, one entry per product. */
export async function loadRecentViews(db: Db, viewer: Viewer | null, limit = 20): Promise<ViewEvent[]> {
  if (!viewer) return [];
  const who = 'userId' in viewer ? Prisma.sql`"userId" = ${viewer.userId}` : Prisma.sql`"anonymousId" = ${viewer.anonymousId}`;
  const rows = await db.$queryRaw<{ productId: string; at: Date }[]>`
    SELECT "productId", max("viewedAt") AS "at" FROM (
      SELECT "productId", "viewedAt" FROM "ProductView" WHERE ${who} ORDER BY "viewedAt" DESC LIMIT 200
    ) recent GROUP BY "productId" ORDER BY "at" DESC LIMIT ${limit}`;
  return rows.map((r) => ({ itemId: r.productId, at: r.at.getTime() }));
}

export async function insertView(db: Db, viewer: Viewer, productId: string): Promise<void> {
  await db.productView.create({ data: { productId, ...viewer } });
}

/** The products in a cart, in the order they were added. */
export async function loadCartProductIds(db: Db, cart: { userId: string } | { cartId: string }): Promise<string[]> {
  const owner = 'userId' in cart ? Prisma.sql`c."userId" = ${cart.userId}` : Prisma.sql`c."id" = ${cart.cartId} AND c."userId" IS NULL`;
  const rows = await db.$queryRaw<{ productId: string }[]>`
    SELECT v."productId", min(l."addedAt") AS "addedAt"
    FROM "Cart" c JOIN "CartLine" l ON l."cartId" = c."id" JOIN "Variant" v ON v."id" = l."variantId"
    WHERE ${owner} GROUP BY v."productId" ORDER BY "addedAt", v."productId"`;
  return rows.map((r) => r.productId);
}
