import 'server-only';
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import type { Tx } from '@/lib/db/client';
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
      VALUES (${newCartId()}, ${owner.userId}, 1, ${env.SHOP_CURRENCY}, now())
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
  const id = newCartId();
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
  const resolved: CartOwner = owner.kind === 'user' ? owner : { kind: 'guest', cartId };
  return { cart: await loadCartView(db, resolved), cartId, createdCartId: created && owner.kind === 'guest' ? cartId : null };
}

async function applyToLockedCart(tx: Tx, cartId: string, m: CartMutation): Promise<void> {
  const current = await tx.cartLine.findUnique({ where: { cartId_variantId: { cartId, variantId: m.variantId } }, select: { quantity: true } });
  if (m.kind === 'remove') {
    if (!current) throw new CartError('line_not_found', 'That item is not in your bag.');
    await tx.cartLine.delete({ where: { cartId_variantId: { cartId, variantId: m.variantId } } });
    return;
  }
  if (m.kind === 'set' && !current) throw new CartError('line_not_found', 'That item is not in your bag.');
  const quantity = m.kind === 'add' ? (current?.quantity ?? 0) + m.quantity : m.quantity;
  const sellable = await sellableOf(tx, m.variantId);
  if (quantity > MAX_LINE_QUANTITY) throw new CartError('quantity_limit', `You can have up to ${MAX_LINE_QUANTITY} of an item in your bag.`);
  if (quantity > sellable) {
    throw new CartError('insufficient_stock', sellable === 0 ? 'Sorry, this item is sold out.' : `Sorry, only ${sellable} left.`);
  }
  if (current) {
    await tx.cartLine.update({ where: { cartId_variantId: { cartId, variantId: m.variantId } }, data: { quantity } });
    return;
  }
  const lines = await tx.cartLine.count({ where: { cartId } });
  if (lines >= MAX_CART_LINES) throw new CartError('too_many_lines', `A bag can hold up to ${MAX_CART_LINES} different items.`);
  await tx.cartLine.create({ data: { cartId, variantId: m.variantId, quantity } });
}

// Throws variant_not_found for an id that is not in the catalogue.
export async function sellableOf(tx: Tx, variantId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ sellable: number }[]>`
    SELECT ${sellableSql} AS "sellable" FROM "Variant" v WHERE v."id" = ${variantId}`;
  const row = rows[0];
  if (!row) throw new CartError('variant_not_found', 'That product is not available.');
  return row.sellable;
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

function newCartId() {
  return `c${randomUUID().replaceAll('-', '')}`;
}
