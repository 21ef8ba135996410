import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { CartError } from './errors';
import { CART_TX, lockCartForWrite, publishCartChanged } from './mutations';
import { mergeCartLines } from './merge';

const TRANSFER_MINUTES = 10;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

// "Continue on another device": a guest's cart gets a one-time token; only its hash is stored.
export async function createCartTransfer(guestCartId: string | null): Promise<{ token: string; expiresAt: Date }> {
  if (!guestCartId) throw new CartError('not_a_guest_cart', 'Add something to your bag first.');
  const cart = await db.cart.findFirst({ where: { id: guestCartId, userId: null }, select: { id: true } });
  if (!cart) throw new CartError('not_a_guest_cart', 'Add something to your bag first.');
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + TRANSFER_MINUTES * 60_000);
  await db.cartTransfer.create({ data: { tokenHash: hashToken(token), cartId: cart.id, expiresAt } });
  return { token, expiresAt };
}

// Uses the token once. The claiming device adopts the cart; anything already in its own guest cart
// is merged in so nothing on the phone is lost.
export async function claimCartTransfer(token: string, claimerGuestCartId: string | null): Promise<{ cartId: string; addedUnits: number }> {
  const result = await db.$transaction(async (tx) => {
    const used = await tx.cartTransfer.updateMany({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: new Date() }, cart: { userId: null } },
      data: { usedAt: new Date() },
    });
    if (used.count !== 1) return null;
    const transfer = await tx.cartTransfer.findUniqueOrThrow({ where: { tokenHash: hashToken(token) }, select: { cartId: true } });
    if (!claimerGuestCartId || claimerGuestCartId === transfer.cartId) return { cartId: transfer.cartId, version: null, addedUnits: 0 };
    const own = await tx.cart.findFirst({ where: { id: claimerGuestCartId, userId: null }, select: { id: true } });
    if (!own) return { cartId: transfer.cartId, version: null, addedUnits: 0 };
    const lock = await lockCartForWrite(tx, { kind: 'guest', cartId: transfer.cartId });
    const { addedUnits } = await mergeCartLines(tx, own.id, transfer.cartId);
    await tx.cart.delete({ where: { id: own.id } });
    return { cartId: transfer.cartId, version: lock.version, addedUnits };
  }, CART_TX);
  if (!result)
    throw new CartError('transfer_invalid', 'This link has expired or has already been used. Ask for a new one on your other device.');
  if (result.version !== null) await publishCartChanged(result.cartId, result.version);
  return { cartId: result.cartId, addedUnits: result.addedUnits };
}
