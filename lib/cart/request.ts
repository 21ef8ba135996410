import 'server-only';
import { cookies, headers } from 'next/headers';
import { sessionUserFrom, type SessionUser } from '@/lib/auth/session';
import { cookieOptions } from '@/lib/auth/cookie-options';
import { signValue, unsignValue } from '@/lib/auth/secret';
import { db } from '@/lib/db';
import { newRowId } from '@/lib/db/ids';
import { describeMerge, mergeGuestCartIntoUser } from './merge';
import { applyCartMutation, type CartMutation } from './mutations';
import { claimCartTransfer } from './transfer';
import type { CartResponse, CartView } from './types';
import { loadCartView, type CartOwner } from './view';

// The glue between a request (session + guest-cart cookie) and the cart lib. Only route handlers and
// server actions call these, because they may set or clear the cookie.
const GUEST_CART_COOKIE = 'nw_cart';
const THIRTY_DAYS = 60 * 60 * 24 * 30;

// The request's cookies, parsed from its Cookie header as Next parses it, once per request. In a route handler,
// next/headers' cookies() builds the response's cookie jar, a copy of every cookie the request carries in a new
// Set-Cookie list, which cost a bag change more than its own work in JavaScript; reading the guest cookie and the
// session needs none of it, and cookies() is still what sets or clears the guest cookie.
const parsedCookies = new WeakMap<object, Map<string, string>>();
async function requestCookies(): Promise<Map<string, string>> {
  const h = await headers();
  let jar = parsedCookies.get(h);
  if (!jar) {
    jar = new Map();
    for (const pair of (h.get('cookie') ?? '').split(/; */)) {
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      try {
        jar.set(pair.slice(0, eq), decodeURIComponent(pair.slice(eq + 1)));
      } catch {
        // not valid percent-encoding: skipped, as Next's own parser does
      }
    }
    parsedCookies.set(h, jar);
  }
  return jar;
}

// Guest cookies whose signature checked out, by their whole signed value: checking an HMAC on every bag change cost
// more than the rest of reading the request. Only a value that verified is ever kept, so a forged or altered cookie is
// always checked (and refused); the oldest entry goes first once the map is full.
const verifiedGuestCookies = new Map<string, string>();
const VERIFIED_MAX = 10_000;
function guestCartIdFrom(signed: string | undefined): string | null {
  if (!signed) return null;
  const known = verifiedGuestCookies.get(signed);
  if (known !== undefined) return known;
  const cartId = unsignValue(signed, 'cart');
  if (cartId) {
    if (verifiedGuestCookies.size >= VERIFIED_MAX) verifiedGuestCookies.delete(verifiedGuestCookies.keys().next().value!);
    verifiedGuestCookies.set(signed, cartId);
  }
  return cartId;
}

export async function readGuestCartId(): Promise<string | null> {
  return guestCartIdFrom((await requestCookies()).get(GUEST_CART_COOKIE));
}

// The signed-in shopper, from the same parsed cookies.
async function requestUser(): Promise<SessionUser | null> {
  const jar = await requestCookies();
  return sessionUserFrom((name) => jar.get(name));
}

async function rememberGuestCart(cartId: string): Promise<void> {
  (await cookies()).set(GUEST_CART_COOKIE, signValue(cartId, 'cart'), cookieOptions(THIRTY_DAYS));
}

async function forgetGuestCart(): Promise<void> {
  (await cookies()).delete(GUEST_CART_COOKIE);
}

export type ResolvedCart = { owner: CartOwner; user: SessionUser | null; notice: string | null };

// A signed-in shopper whose device still holds a guest cart gets it merged now, whichever way they
// signed in (password, e-mail link, Google, Apple), and is told what was added.
export async function resolveCartOwner(): Promise<ResolvedCart> {
  const [user, guestCartId] = await Promise.all([requestUser(), readGuestCartId()]);
  if (!user) return { owner: { kind: 'guest', cartId: guestCartId }, user, notice: null };
  let notice: string | null = null;
  if (guestCartId) {
    const result = await mergeGuestCartIntoUser(guestCartId, user.id);
    notice = describeMerge(result);
    await forgetGuestCart();
  }
  return { owner: { kind: 'user', userId: user.id }, user, notice };
}

// For a server-rendered page: the bag as it stands, without merging a guest bag or touching cookies (a page render
// cannot set them); the browser's own fetch, right after, does both.
export async function peekCartForPage(): Promise<CartView> {
  const user = await requestUser();
  return loadCartView(db, user ? { kind: 'user', userId: user.id } : { kind: 'guest', cartId: await readGuestCartId() });
}

export async function getCartForRequest(): Promise<CartResponse> {
  const { owner, notice } = await resolveCartOwner();
  return { cart: await loadCartView(db, owner), notice };
}

export async function mutateCartForRequest(mutation: CartMutation, expectedVersion?: number): Promise<CartResponse> {
  const { owner, notice } = await resolveCartOwner();
  const result = await applyCartMutation(owner, mutation, expectedVersion);
  if (result.createdCartId) await rememberGuestCart(result.createdCartId);
  return { cart: result.cart, notice };
}

// The cart id a live stream should follow; signed-in shoppers get their cart created so that a
// device opened before the first add still hears it.
export async function cartIdForEvents(): Promise<string | null> {
  const user = await requestUser();
  if (user) {
    const existing = await db.cart.findUnique({ where: { userId: user.id }, select: { id: true } });
    if (existing) return existing.id;
    const rows = await db.$queryRaw<{ id: string }[]>`
      INSERT INTO "Cart" ("id", "userId", "updatedAt") VALUES (${newRowId('c')}, ${user.id}, now())
      ON CONFLICT ("userId") DO UPDATE SET "userId" = EXCLUDED."userId" RETURNING "id"`;
    return rows[0]?.id ?? null;
  }
  const guestCartId = await readGuestCartId();
  if (!guestCartId) return null;
  const cart = await db.cart.findFirst({ where: { id: guestCartId, userId: null }, select: { id: true } });
  return cart?.id ?? null;
}

// The claiming device now holds the guest cart; a signed-in claimer gets it merged into their own.
export async function claimTransferForRequest(token: string): Promise<CartResponse> {
  const [user, ownGuestCartId] = await Promise.all([requestUser(), readGuestCartId()]);
  const claimed = await claimCartTransfer(token, user ? null : ownGuestCartId);
  if (user) {
    const merged = await mergeGuestCartIntoUser(claimed.cartId, user.id);
    return { cart: await loadCartView(db, { kind: 'user', userId: user.id }), notice: describeMerge(merged) };
  }
  await rememberGuestCart(claimed.cartId);
  const notice =
    claimed.addedUnits > 0
      ? `Your bag is here. We also kept ${claimed.addedUnits} items that were already on this device.`
      : 'Your bag is here.';
  return { cart: await loadCartView(db, { kind: 'guest', cartId: claimed.cartId }), notice };
}
