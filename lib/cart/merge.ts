import 'server-only';
import { db } from '@/lib/db';
import type { Tx } from '@/lib/db/client';
import { CART_TX, lockCartForWrite, publishCartChanged } from './mutations';
import { sellableSql } from './view';
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from './types';
import { Prisma } from '@/lib/generated/prisma/client';

export type MergeResult = { addedUnits: number; reducedLines: number; merged: boolean };

// Adds `fromCartId`'s lines into `intoCartId` (already locked by the caller): quantities are summed
// and capped at what can be sold and at the per-line maximum. Lines beyond the cart's line limit are dropped.
export async function mergeCartLines(tx: Tx, fromCartId: string, intoCartId: string): Promise<Omit<MergeResult, 'merged'>> {
  const rows = await tx.$queryRaw<{ variantId: string; guestQty: number; existingQty: number | null; sellable: number }[]>`
    SELECT g."variantId", g."quantity" AS "guestQty", e."quantity" AS "existingQty", ${sellableSql} AS "sellable"
    FROM "CartLine" g
    JOIN "Variant" v ON v."id" = g."variantId"
    LEFT JOIN "CartLine" e ON e."cartId" = ${intoCartId} AND e."variantId" = g."variantId"
    WHERE g."cartId" = ${fromCartId}
    ORDER BY g."addedAt"`;
  let lineCount = await tx.cartLine.count({ where: { cartId: intoCartId } });
  let addedUnits = 0;
  let reducedLines = 0;
  for (const r of rows) {
    const existing = r.existingQty ?? 0;
    const target = Math.min(existing + r.guestQty, Math.max(r.sellable, existing), MAX_LINE_QUANTITY);
    if (target < existing + r.guestQty) reducedLines++;
    if (target <= existing) continue;
    if (r.existingQty === null) {
      if (lineCount >= MAX_CART_LINES) {
        reducedLines++;
        continue;
      }
      lineCount++;
    }
    await tx.cartLine.upsert({
      where: { cartId_variantId: { cartId: intoCartId, variantId: r.variantId } },
      create: { cartId: intoCartId, variantId: r.variantId, quantity: target },
      update: { quantity: target },
    });
    addedUnits += target - existing;
  }
  return { addedUnits, reducedLines };
}

// On sign-in the device's guest cart joins the shopper's cart and is then deleted. Safe to call
// from several requests at once: the guest cart's row lock lets exactly one of them merge.
export async function mergeGuestCartIntoUser(guestCartId: string, userId: string): Promise<MergeResult> {
  const result = await db.$transaction(async (tx) => {
    const guest = await tx.$queryRaw<{ id: string }[]>(
      Prisma.sql`SELECT "id" FROM "Cart" WHERE "id" = ${guestCartId} AND "userId" IS NULL FOR UPDATE`,
    );
    if (!guest[0]) return null;
    const hasLines = (await tx.cartLine.count({ where: { cartId: guestCartId } })) > 0;
    if (!hasLines) {
      await tx.cart.delete({ where: { id: guestCartId } });
      return { cartId: null, version: 0, addedUnits: 0, reducedLines: 0 };
    }
    const lock = await lockCartForWrite(tx, { kind: 'user', userId });
    const merged = await mergeCartLines(tx, guestCartId, lock.cartId);
    await tx.cart.delete({ where: { id: guestCartId } });
    return { cartId: lock.cartId, version: lock.version, ...merged };
  }, CART_TX);
  if (!result) return { addedUnits: 0, reducedLines: 0, merged: false };
  if (result.cartId) await publishCartChanged(result.cartId, result.version);
  return { addedUnits: result.addedUnits, reducedLines: result.reducedLines, merged: true };
}

export function describeMerge({ addedUnits, reducedLines }: Pick<MergeResult, 'addedUnits' | 'reducedLines'>): string | null {
  const added = addedUnits > 0 ? `We added ${addedUnits} ${addedUnits === 1 ? 'item' : 'items'} from this device to your bag.` : null;
  const reduced = reducedLines > 0 ? 'Some quantities were reduced to what we have in stock.' : null;
  return [added, reduced].filter(Boolean).join(' ') || null;
}
