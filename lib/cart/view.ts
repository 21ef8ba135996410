import 'server-only';
import type { Db, Tx } from '@/lib/db/client';
import { env } from '@/lib/env';
import { Prisma } from '@/lib/generated/prisma/client';
import { money } from './money';
import { MAX_LINE_QUANTITY, type CartLineView, type CartView } from './types';

// Who is acting on a cart. A guest reaches only the cart its signed cookie names (and only while it
// has no user); a shopper reaches only the cart with their user id. Nothing else selects a cart.
export type CartOwner = { kind: 'user'; userId: string } | { kind: 'guest'; cartId: string | null };

// A row of cart_view: the cart, and one of its lines (all line columns null for an empty bag).
export type CartViewRow = {
  cartId: string;
  version: number;
  currency: string;
  variantId: string | null;
  quantity: number | null;
  sku: string | null;
  size: string | null;
  color: string | null;
  priceMinor: number | null;
  productId: string | null;
  slug: string | null;
  name: string | null;
  imageUrl: string | null;
  imageAlt: string | null;
  sellable: number | null;
};

export function ownerCondition(owner: CartOwner): Prisma.Sql {
  return owner.kind === 'user'
    ? Prisma.sql`c."userId" = ${owner.userId}`
    : Prisma.sql`c."id" = ${owner.cartId ?? ''} AND c."userId" IS NULL`;
}

// Sellable = the most one location can supply (max over locations of onHand − reserved): an order
// ships from the warehouse or is collected at one store, so stock spread over several places cannot
// fill a single line. The bag's view says the same in SQL (the database function cart_view).
export const sellableSql = Prisma.sql`(SELECT GREATEST(COALESCE(MAX(s."onHand" - s."reserved"), 0), 0)::int FROM "Stock" s WHERE s."variantId" = v."id")`;

// One round trip: the cart, its lines, their variants, products, first image and stock, through the database function
// cart_view (prisma/migrations/*_cart_apply_line_view), which a bag change answers with too; PostgreSQL inlines it here.
export async function loadCartView(client: Db | Tx, owner: CartOwner): Promise<CartView> {
  if (owner.kind === 'guest' && !owner.cartId) return emptyCart(owner);
  const rows = await client.$queryRaw<CartViewRow[]>`
    SELECT w."cartId", w."version", w."currency", w."variantId", w."quantity", w."sku", w."size", w."color", w."priceMinor",
      w."productId", w."slug", w."name", w."imageUrl", w."imageAlt", w."sellable"
    FROM "Cart" c CROSS JOIN LATERAL cart_view(c."id") w
    WHERE ${ownerCondition(owner)}
    ORDER BY w."addedAt" ASC, w."variantId" ASC`;
  return cartFromRows(owner, rows);
}

function emptyCart(owner: CartOwner): CartView {
  const currency = env.SHOP_CURRENCY;
  return {
    owner: owner.kind,
    exists: false,
    version: 0,
    currency,
    lines: [],
    itemCount: 0,
    subtotal: money(0, currency),
    hasUnavailable: false,
  };
}

// The bag from its rows, in the order given.
export function cartFromRows(owner: CartOwner, rows: CartViewRow[]): CartView {
  const first = rows[0];
  if (!first) return emptyCart(owner);
  const currency = first.currency;
  const lines: CartLineView[] = [];
  for (const r of rows) {
    if (!r.variantId || r.quantity === null || r.priceMinor === null || !r.productId) continue;
    const sellable = Math.min(r.sellable ?? 0, MAX_LINE_QUANTITY);
    const status = sellable === 0 ? 'unavailable' : sellable < r.quantity ? 'limited' : 'ok';
    lines.push({
      variantId: r.variantId,
      productId: r.productId,
      productSlug: r.slug ?? '',
      productName: r.name ?? '',
      variantLabel: [r.color, r.size].filter(Boolean).join(' / ') || null,
      sku: r.sku ?? '',
      imageUrl: r.imageUrl,
      imageAlt: r.imageAlt ?? r.name ?? '',
      quantity: r.quantity,
      sellable,
      status,
      unitPrice: money(r.priceMinor, currency),
      lineTotal: money(r.priceMinor * r.quantity, currency),
    });
  }
  // Unavailable lines stay visible (so the shopper sees what changed) but do not count towards the subtotal.
  const payable = lines.filter((l) => l.status !== 'unavailable');
  return {
    owner: owner.kind,
    exists: true,
    version: first.version,
    currency,
    lines,
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    subtotal: money(
      payable.reduce((n, l) => n + l.lineTotal.amountMinor, 0),
      currency,
    ),
    hasUnavailable: lines.some((l) => l.status !== 'ok'),
  };
}
