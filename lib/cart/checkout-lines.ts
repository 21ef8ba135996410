import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { publishCartChanged } from './mutations';
import { ownerCondition, type CartOwner } from './view';

export type CartLineQuantity = { variantId: string; quantity: number };

// What checkout orders: the owner's cart id, its version and its lines (variant and quantity only; prices come from
// the database when the order is placed). Null when the owner has no cart.
export async function readCartForCheckout(
  owner: CartOwner,
): Promise<{ cartId: string; version: number; lines: CartLineQuantity[] } | null> {
  if (owner.kind === 'guest' && !owner.cartId) return null;
  const rows = await db.$queryRaw<{ cartId: string; version: number; variantId: string | null; quantity: number | null }[]>`
    SELECT c."id" AS "cartId", c."version", l."variantId", l."quantity"
    FROM "Cart" c LEFT JOIN "CartLine" l ON l."cartId" = c."id"
    WHERE ${ownerCondition(owner)}
    ORDER BY l."addedAt" ASC, l."variantId" ASC`;
  const first = rows[0];
  if (!first) return null;
  const lines = rows.flatMap((r) => (r.variantId && r.quantity ? [{ variantId: r.variantId, quantity: r.quantity }] : []));
  return { cartId: first.cartId, version: first.version, lines };
}

// Once an order is paid or confirmed, what it bought leaves the bag it came from: each line goes down by the
// quantity ordered (a line the shopper has since added more of keeps the rest). Other devices hear about it.
export async function removeOrderedLines(cartId: string, ordered: readonly CartLineQuantity[]): Promise<void> {
  if (!ordered.length) return;
  const version = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ version: number }[]>`
      UPDATE "Cart" SET "version" = "version" + 1, "updatedAt" = now() WHERE "id" = ${cartId} RETURNING "version"`;
    if (!locked[0]) return null;
    const values = Prisma.join(ordered.map((l) => Prisma.sql`(${l.variantId}, ${l.quantity}::int)`));
    await tx.$executeRaw`
      DELETE FROM "CartLine" cl USING (VALUES ${values}) AS o(v, q)
      WHERE cl."cartId" = ${cartId} AND cl."variantId" = o.v AND cl."quantity" <= o.q`;
    await tx.$executeRaw`
      UPDATE "CartLine" cl SET "quantity" = cl."quantity" - o.q
      FROM (VALUES ${values}) AS o(v, q) WHERE cl."cartId" = ${cartId} AND cl."variantId" = o.v AND cl."quantity" > o.q`;
    return locked[0].version;
  });
  if (version !== null) await publishCartChanged(cartId, version);
}
