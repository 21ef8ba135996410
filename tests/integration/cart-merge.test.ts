import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cookiesMock, device, ids, insertCartWorld, insertUser, json, signedInJar } from './cart-fixtures';

vi.mock('next/headers', () => cookiesMock());

const { createTestDatabase } = await import('../helpers/db');
const cartRoute = await import('@/app/api/v1/cart/route');
const linesRoute = await import('@/app/api/v1/cart/lines/route');
const { mergeGuestCartIntoUser } = await import('@/lib/cart/merge');
const { applyCartMutation } = await import('@/lib/cart/mutations');
const { claimCartTransfer, createCartTransfer } = await import('@/lib/cart/transfer');

const { db } = await createTestDatabase();

beforeAll(async () => {
  await insertCartWorld(db);
});

async function guestCartWith(lines: [string, number][]) {
  let cartId: string | null = null;
  for (const [variantId, quantity] of lines) {
    const r = await applyCartMutation({ kind: 'guest', cartId }, { kind: 'add', variantId, quantity });
    cartId = r.cartId;
  }
  return cartId!;
}

describe('merging a guest cart on sign-in', () => {
  it('adds quantities, caps them at what one location can sell, and deletes the guest cart', async () => {
    const user = await insertUser(db, 'merge@example.com');
    await applyCartMutation({ kind: 'user', userId: user.id }, { kind: 'add', variantId: ids.scarce, quantity: 1 });
    await applyCartMutation({ kind: 'user', userId: user.id }, { kind: 'add', variantId: ids.tee, quantity: 2 });
    const guest = await guestCartWith([
      [ids.scarce, 2],
      [ids.tee, 3],
      [ids.mug, 1],
    ]);

    const result = await mergeGuestCartIntoUser(guest, user.id);
    // scarce: 1 + 2 capped at 2 (2 per location, though 4 in total); tee: 2 + 3; mug: new.
    expect(result).toEqual({ merged: true, addedUnits: 1 + 3 + 1, reducedLines: 1 });
    const lines = await db.cartLine.findMany({ where: { cart: { userId: user.id } }, orderBy: { variantId: 'asc' } });
    expect(Object.fromEntries(lines.map((l) => [l.variantId, l.quantity]))).toEqual({ [ids.scarce]: 2, [ids.tee]: 5, [ids.mug]: 1 });
    expect(await db.cart.findUnique({ where: { id: guest } })).toBeNull();
  });

  it('merges exactly once when several requests race after sign-in', async () => {
    const user = await insertUser(db, 'race@example.com');
    const guest = await guestCartWith([[ids.tee, 2]]);
    const results = await Promise.all(Array.from({ length: 5 }, () => mergeGuestCartIntoUser(guest, user.id)));
    expect(results.filter((r) => r.merged)).toHaveLength(1);
    const line = await db.cartLine.findFirstOrThrow({ where: { cart: { userId: user.id }, variantId: ids.tee } });
    expect(line.quantity).toBe(2);
  });

  it('tells the shopper through the API and leaves the account cart intact after sign-out', async () => {
    const user = await insertUser(db, 'notice@example.com');
    const phone = device();
    await phone.call(() => linesRoute.POST(json('POST', '/api/v1/cart/lines', { variantId: ids.tee, quantity: 1 })));
    await phone.call(() => linesRoute.POST(json('POST', '/api/v1/cart/lines', { variantId: ids.mug, quantity: 1 })));

    // Sign in on the same device: the session cookie joins the guest-cart cookie.
    const session = await signedInJar(user);
    for (const [k, v] of session.values) phone.jar.set(k, v);
    const res = await phone.call(() => cartRoute.GET(json('GET', '/api/v1/cart')));
    const body = (await res.json()) as { notice: string; cart: { owner: string; itemCount: number } };
    expect(body.notice).toBe('We added 2 items from this device to your bag.');
    expect(body.cart).toMatchObject({ owner: 'user', itemCount: 2 });
    expect(phone.jar.get('nw_cart')).toBeUndefined();
    const again = (await (await phone.call(() => cartRoute.GET(json('GET', '/api/v1/cart')))).json()) as { notice: string | null };
    expect(again.notice).toBeNull();

    // Sign out: the device is a guest with an empty cart; the account cart is untouched.
    phone.jar.delete('authjs.session-token');
    const guestView = (await (await phone.call(() => cartRoute.GET(json('GET', '/api/v1/cart')))).json()) as {
      cart: { owner: string; itemCount: number };
    };
    expect(guestView.cart).toMatchObject({ owner: 'guest', itemCount: 0 });
    const laptop = device(await signedInJar(user));
    const accountView = (await (await laptop.call(() => cartRoute.GET(json('GET', '/api/v1/cart')))).json()) as {
      cart: { itemCount: number };
    };
    expect(accountView.cart.itemCount).toBe(2);
  });
});

describe('continue on another device', () => {
  it('moves a guest cart with a single-use token and keeps what the phone already had', async () => {
    const laptopCart = await guestCartWith([[ids.tee, 1]]);
    const phoneCart = await guestCartWith([[ids.mug, 2]]);
    const { token } = await createCartTransfer(laptopCart);
    const claimed = await claimCartTransfer(token, phoneCart);
    expect(claimed).toEqual({ cartId: laptopCart, addedUnits: 2 });
    await expect(claimCartTransfer(token, null)).rejects.toMatchObject({ code: 'transfer_invalid' });
    const lines = await db.cartLine.findMany({ where: { cartId: laptopCart } });
    expect(lines.map((l) => [l.variantId, l.quantity]).sort()).toEqual(
      [
        [ids.mug, 2],
        [ids.tee, 1],
      ].sort(),
    );
  });

  it('refuses an expired token and never hands out an account cart', async () => {
    const guest = await guestCartWith([[ids.tee, 1]]);
    const { token } = await createCartTransfer(guest);
    await db.cartTransfer.updateMany({ where: { cartId: guest }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(claimCartTransfer(token, null)).rejects.toMatchObject({ code: 'transfer_invalid' });

    const user = await insertUser(db, 'no-transfer@example.com');
    const r = await applyCartMutation({ kind: 'user', userId: user.id }, { kind: 'add', variantId: ids.tee, quantity: 1 });
    await expect(createCartTransfer(r.cartId)).rejects.toMatchObject({ code: 'not_a_guest_cart' });
  });
});
