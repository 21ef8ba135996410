import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cookiesMock, device, ids, insertCartWorld, insertUser, json, signedInJar, type Device } from './cart-fixtures';

vi.mock('next/headers', () => cookiesMock());

const { createTestDatabase } = await import('../helpers/db');
const cartRoute = await import('@/app/api/v1/cart/route');
const linesRoute = await import('@/app/api/v1/cart/lines/route');
const lineRoute = await import('@/app/api/v1/cart/lines/[variantId]/route');

const { db } = await createTestDatabase();
const params = (variantId: string) => ({ params: Promise.resolve({ variantId }) });

async function getCart(d: Device) {
  const res = await d.call(() => cartRoute.GET(json('GET', '/api/v1/cart')));
  return (await res.json()) as {
    cart: {
      version: number;
      itemCount: number;
      lines: { variantId: string; quantity: number; lineTotal: { amountMinor: number } }[];
      subtotal: { amountMinor: number };
    };
  };
}
const add = (d: Device, body: unknown, headers?: Record<string, string>) =>
  d.call(() => linesRoute.POST(json('POST', '/api/v1/cart/lines', body, headers)));
const patch = (d: Device, variantId: string, body: unknown, headers?: Record<string, string>) =>
  d.call(() => lineRoute.PATCH(json('PATCH', `/api/v1/cart/lines/${variantId}`, body, headers), params(variantId)));
const remove = (d: Device, variantId: string, headers?: Record<string, string>) =>
  d.call(() => lineRoute.DELETE(json('DELETE', `/api/v1/cart/lines/${variantId}`, undefined, headers), params(variantId)));

beforeAll(async () => {
  await insertCartWorld(db);
});

describe('cart API', () => {
  it('gives a guest a cart bound to a cookie, priced by the server', async () => {
    const guest = device();
    const res = await add(guest, { variantId: ids.tee, quantity: 2, priceMinor: 1, unitPrice: 1, total: 0 });
    expect(res.status).toBe(201);
    expect(guest.jar.get('nw_cart')?.value).toBeTruthy();
    const { cart } = await getCart(guest);
    expect(cart.lines).toEqual([
      expect.objectContaining({ variantId: ids.tee, quantity: 2, lineTotal: expect.objectContaining({ amountMinor: 5000 }) }),
    ]);
    expect(cart.subtotal.amountMinor).toBe(5000);
  });

  it('answers every change with the bag exactly as a fresh read shows it', async () => {
    // The change's answer comes from the same statement as the change (cart_apply_line), not from a read after it:
    // lines in the order added, the image of the line's colour, stock, totals and version must all match a GET.
    await db.productImage.createMany({
      data: [
        { id: 'img_tee_red', productId: 'prod_tee', url: '/tee-red.jpg', alt: 'Red tee', color: 'Red', position: 0 },
        { id: 'img_tee_navy', productId: 'prod_tee', url: '/tee-navy.jpg', alt: 'Navy tee', color: 'Navy', position: 1 },
      ],
    });
    const guest = device();
    const changes: [() => Promise<Response>, string[]][] = [
      [() => add(guest, { variantId: ids.mug, quantity: 1 }), [ids.mug]],
      [() => add(guest, { variantId: ids.tee, quantity: 2 }), [ids.mug, ids.tee]],
      [() => add(guest, { variantId: ids.scarce, quantity: 1 }), [ids.mug, ids.tee, ids.scarce]],
      [() => patch(guest, ids.mug, { quantity: 3 }), [ids.mug, ids.tee, ids.scarce]],
      [() => add(guest, { variantId: ids.tee, quantity: 1 }), [ids.mug, ids.tee, ids.scarce]],
      [() => remove(guest, ids.mug), [ids.tee, ids.scarce]],
      [() => remove(guest, ids.tee), [ids.scarce]],
      [() => remove(guest, ids.scarce), []],
    ];
    let version = 0;
    for (const [change, order] of changes) {
      const res = await change();
      expect(res.ok).toBe(true);
      const answered = (await res.json()) as Awaited<ReturnType<typeof getCart>>;
      const read = await getCart(guest);
      expect(answered).toEqual(read);
      expect(answered.cart.lines.map((l) => l.variantId)).toEqual(order);
      expect(answered.cart.version).toBe(++version);
      expect(res.headers.get('etag')).toBe(`"${version}"`);
      if (order.includes(ids.tee))
        expect(answered.cart.lines.find((l) => l.variantId === ids.tee)).toMatchObject({ imageUrl: '/tee-navy.jpg' });
    }
    expect((await getCart(guest)).cart).toMatchObject({ exists: true, lines: [], itemCount: 0, subtotal: { amountMinor: 0 } });
  });

  it('refuses every bad input with a 4xx error and writes nothing', async () => {
    const shopper = device(await signedInJar(await insertUser(db, 'bad-input@example.com')));
    await add(shopper, { variantId: ids.mug, quantity: 1 });
    const before = await getCart(shopper);
    const bad: [string, () => Promise<Response>, number, string?][] = [
      ['negative', () => add(shopper, { variantId: ids.mug, quantity: -1 }), 400],
      ['zero', () => add(shopper, { variantId: ids.mug, quantity: 0 }), 400],
      ['fractional', () => add(shopper, { variantId: ids.mug, quantity: 1.5 }), 400],
      ['huge', () => add(shopper, { variantId: ids.mug, quantity: 1e9 }), 400],
      ['string', () => add(shopper, { variantId: ids.mug, quantity: '2' }), 400],
      ['missing quantity', () => add(shopper, { variantId: ids.mug }), 400],
      ['missing variant', () => add(shopper, { quantity: 1 }), 400],
      ['malformed JSON', () => add(shopper, '{"variantId":'), 400],
      ['array body', () => add(shopper, [1, 2]), 400],
      ['unknown variant', () => add(shopper, { variantId: 'var_nope', quantity: 1 }), 404, 'variant_not_found'],
      ['unsellable variant', () => add(shopper, { variantId: ids.soldOut, quantity: 1 }), 409],
      ['more than sellable', () => add(shopper, { variantId: ids.scarce, quantity: 3 }), 409, 'insufficient_stock'],
      ['adding past the line maximum', () => add(shopper, { variantId: ids.mug, quantity: 99 }), 409, 'quantity_limit'],
      ['over the line maximum', () => patch(shopper, ids.tee, { quantity: 100 }), 400],
      ['patch fractional', () => patch(shopper, ids.mug, { quantity: 2.5 }), 400],
      ['patch malformed', () => patch(shopper, ids.mug, 'nope'), 400],
      ['patch line not in cart', () => patch(shopper, ids.tee, { quantity: 1 }), 404, 'line_not_found'],
      ['delete line not in cart', () => remove(shopper, ids.tee), 404, 'line_not_found'],
      ['bad If-Match', () => patch(shopper, ids.mug, { quantity: 2 }, { 'if-match': 'yesterday' }), 400],
      ['odd variant id', () => patch(shopper, 'x y', { quantity: 2 }), 400],
      ['cross-site origin', () => add(shopper, { variantId: ids.mug, quantity: 1 }, { origin: 'https://evil.example' }), 403],
    ];
    for (const [name, call, status, code] of bad) {
      const res = await call();
      expect(res.status, name).toBe(status);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.message, name).toBeTruthy();
      if (code) expect(body.error.code, name).toBe(code);
    }
    const after = await getCart(shopper);
    expect(after.cart.version).toBe(before.cart.version);
    expect(after.cart.lines).toEqual(before.cart.lines);
  });

  it('never lets one shopper read or change another shopper’s cart', async () => {
    const alice = await insertUser(db, 'alice@example.com');
    const bob = await insertUser(db, 'bob@example.com');
    const aliceDevice = device(await signedInJar(alice));
    const bobDevice = device(await signedInJar(bob));
    await add(aliceDevice, { variantId: ids.tee, quantity: 3 });
    const aliceCart = await db.cart.findUniqueOrThrow({ where: { userId: alice.id } });

    // Bob names Alice's cart and user id every way a client could.
    await add(bobDevice, { variantId: ids.mug, quantity: 1, cartId: aliceCart.id, userId: alice.id });
    const bobView = await getCart(bobDevice);
    expect(bobView.cart.lines.map((l) => l.variantId)).toEqual([ids.mug]);
    expect((await patch(bobDevice, ids.tee, { quantity: 1, cartId: aliceCart.id })).status).toBe(404);
    expect((await remove(bobDevice, ids.tee)).status).toBe(404);

    // A guest cookie carrying Alice's cart id (unsigned, or signed for another purpose) is ignored.
    const forger = device();
    forger.jar.set('nw_cart', aliceCart.id);
    expect((await getCart(forger)).cart.lines).toEqual([]);
    forger.jar.set('nw_cart', `${aliceCart.id}.${'A'.repeat(43)}`);
    expect((await getCart(forger)).cart.lines).toEqual([]);
    await add(forger, { variantId: ids.mug, quantity: 2 });
    // A guest's own cookie, once checked (the server remembers cookies that verified), with Alice's cart id put in
    // front of its signature: refused all the same.
    const guest = device();
    await add(guest, { variantId: ids.mug, quantity: 1 });
    const signed = guest.jar.get('nw_cart')!.value;
    expect((await getCart(guest)).cart.lines).toHaveLength(1);
    guest.jar.set('nw_cart', `${aliceCart.id}${signed.slice(signed.lastIndexOf('.'))}`);
    expect((await getCart(guest)).cart.lines).toEqual([]);

    const after = await db.cartLine.findMany({ where: { cartId: aliceCart.id } });
    expect(after).toEqual([expect.objectContaining({ variantId: ids.tee, quantity: 3 })]);
  });

  it('refuses a stale version with 409 for absolute changes, but rebases an add', async () => {
    const shopper = device(await signedInJar(await insertUser(db, 'stale@example.com')));
    await add(shopper, { variantId: ids.tee, quantity: 1 });
    const { cart } = await getCart(shopper);
    const stale = `"${cart.version}"`;
    expect((await patch(shopper, ids.tee, { quantity: 4 }, { 'if-match': stale })).status).toBe(200);
    const res = await patch(shopper, ids.tee, { quantity: 2 }, { 'if-match': stale });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('stale_cart');
    expect((await add(shopper, { variantId: ids.tee, quantity: 1, version: cart.version })).status).toBe(201);
    expect((await getCart(shopper)).cart.lines[0]?.quantity).toBe(5);
  });
});
