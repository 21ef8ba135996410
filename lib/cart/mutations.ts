import 'server-only';
import { recordEvent } from '@/lib/analytics/record';
import { db } from '@/lib/db';
import type { Tx } from '@/lib/db/client';
import { newRowId } from '@/lib/db/ids';
import { env } from '@/lib/env';
import { cartChannel, publishEvent } from '@/lib/events';
import { CartError } from './errors';
import { loadCartView, sellableSql, type CartOwner } from './view';
import { MAX_CART_LINES, MAX_LINE_QUANTITY, type CartView } from './types';

// The embedded database runs one transaction at a time, so under load a cart write may queue for a
// while; wait rather than fail.
export const CART_TX = { maxWait: 15_000, timeout: 15_000 };

export type CartMutation =
  | { kind: 'add'; variantId: string; quantity: number }
  | { kind: 'set'; variantId: string; quantity: number }
  | { kind: 'remove'; variantId: string };

export type MutationResult = { cart: CartView; cartId: string; createdCartId: string | null };

// Takes the cart's row lock by bumping its version, creating the cart if the owner has none.
// With `expectedVersion`, a cart that has moved on is refused (409) instead of overwritten.
export async function lockCartForWrite(
  tx: Tx,
  owner: CartOwner,
  expectedVersion?: number,
): Promise<{ cartId: string; version: number; created: boolean }> {
  const expected = expectedVersion ?? null;
  if (owner.kind === 'user') {
    const rows = await tx.$queryRaw<{ id: string; version: number; created: boolean }[]>`
      INSERT INTO "Cart" ("id", "userId", "version", "currency", "updatedAt")
      VALUES (${newRowId('c')}, ${owner.userId}, 1, ${env.SHOP_CURRENCY}, now())
      ON CONFLICT ("userId") DO UPDATE SET "version" = "Cart"."version" + 1, "updatedAt" = now()
        WHERE ${expected}::int IS NULL OR "Cart"."version" = ${expected}::int
      RETURNING "id", "version", (xmax = 0) AS "created"`;
    const row = rows[0];
    if (!row) throw staleCart();
    return { cartId: row.id, version: row.version, created: row.created };
  }
  if (owner.cartId) {
    const rows = await tx.$queryRaw<{ id: string; version: number }[]>`
      UPDATE "Cart" SET "version" = "version" + 1, "updatedAt" = now()
      WHERE "id" = ${owner.cartId} AND "userId" IS NULL
      RETURNING "id", "version"`;
    const row = rows[0];
    if (row) {
      if (expected !== null && row.version - 1 !== expected) throw staleCart();
      return { cartId: row.id, version: row.version, created: false };
    }
  }
  // No cart yet, or the cookie named one that was merged away or expired: start a fresh one.
  const id = newRowId('c');
  await tx.cart.create({ data: { id, version: 1, currency: env.SHOP_CURRENCY } });
  return { cartId: id, version: 1, created: true };
}

export async function applyCartMutation(owner: CartOwner, mutation: CartMutation, expectedVersion?: number): Promise<MutationResult> {
  const { cartId, version, created } = await db.$transaction(async (tx) => {
    const lock = await lockCartForWrite(tx, owner, expectedVersion);
    await applyToLockedCart(tx, lock.cartId, mutation);
    return lock;
  }, CART_TX);
  await publishCartChanged(cartId, version);
  if (mutation.kind === 'add')
    recordEvent({
      type: 'BAG_ADDED',
      cartId,
      variantId: mutation.variantId,
      quantity: mutation.quantity,
      customerId: owner.kind === 'user' ? owner.userId : null,
    });
  const resolved: CartOwner = owner.kind === 'user' ? owner : { kind: 'guest', cartId };
  return { cart: await loadCartView(db, resolved), cartId, createdCartId: created && owner.kind === 'guest' ? cartId : null };
}

// One statement per change once the cart is locked (the lock serialises every writer of this cart, so the
// statement sees the latest lines): it reads what the rules need and writes only when they all pass. A refusal
// throws, and the caller's transaction rolls the version bump back.
async function applyToLockedCart(tx: Tx, cartId: string, m: CartMutation): Promise<void> {
  if (m.kind === 'remove') {
    const removed = await tx.$executeRaw`DELETE FROM "CartLine" WHERE "cartId" = ${cartId} AND "variantId" = ${m.variantId}`;
    if (removed === 0) throw new CartError('line_not_found', 'That item is not in your bag.');
    return;
  }
  const [row] = await tx.$queryRaw<{ current: number | null; sellable: number | null; lines: number; next: number; applied: boolean }[]>`
    WITH calc AS (
      SELECT cur."quantity" AS "current",
        (SELECT ${sellableSql} FROM "Variant" v WHERE v."id" = ${m.variantId}) AS "sellable",
        (SELECT count(*)::int FROM "CartLine" l WHERE l."cartId" = ${cartId}) AS "lines",
        CASE WHEN ${m.kind} = 'add' THEN coalesce(cur."quantity", 0) + ${m.quantity}::int ELSE ${m.quantity}::int END AS "next"
      FROM (SELECT 1) one
      LEFT JOIN "CartLine" cur ON cur."cartId" = ${cartId} AND cur."variantId" = ${m.variantId}
    ), up AS (
      INSERT INTO "CartLine" ("cartId", "variantId", "quantity")
      SELECT ${cartId}, ${m.variantId}, calc."next" FROM calc
      WHERE calc."sellable" IS NOT NULL AND calc."next" <= LEAST(calc."sellable", ${MAX_LINE_QUANTITY}::int)
        AND (calc."current" IS NOT NULL OR (${m.kind} = 'add' AND calc."lines" < ${MAX_CART_LINES}::int))
      ON CONFLICT ("cartId", "variantId") DO UPDATE SET "quantity" = EXCLUDED."quantity"
      RETURNING 1
    )
    SELECT calc.*, EXISTS (SELECT 1 FROM up) AS "applied" FROM calc`;
  if (!row) throw new Error('the cart line statement returned no row');
  if (row.applied) return;
  if (m.kind === 'set' && row.current === null) throw new CartError('line_not_found', 'That item is not in your bag.');
  if (row.sellable === null) throw new CartError('variant_not_found', 'That product is not available.');
  if (row.next > MAX_LINE_QUANTITY)
    throw new CartError('quantity_limit', `You can have up to ${MAX_LINE_QUANTITY} of an item in your bag.`);
  if (row.next > row.sellable) {
    throw new CartError('insufficient_stock', row.sellable === 0 ? 'Sorry, this item is sold out.' : `Sorry, only ${row.sellable} left.`);
  }
  throw new CartError('too_many_lines', `A bag can hold up to ${MAX_CART_LINES} different items.`);
}

export async function publishCartChanged(cartId: string, version: number): Promise<void> {
  // A failed publish must not undo a committed change: other devices heal on their next refetch.
  await publishEvent(cartChannel(cartId), { type: 'cart.updated', version }).catch((error) =>
    console.error('[cart] could not publish cart change', error),
  );
}

function staleCart() {
  return new CartError('stale_cart', 'Your bag changed on another device. We have refreshed it; please try again.');
}
