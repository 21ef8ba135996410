import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { publishCartChanged } from './mutations';

export type CartLineQuantity = { variantId: string; quantity: number };

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
