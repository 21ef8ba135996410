import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cookiesMock, device, json, type Device } from './cart-fixtures';
import { ids, insertCheckoutWorld, stockAt } from './orders-fixtures';

// Issue 19 item 6: a delivery address needs a real UK postcode, refused with a clear message (nothing written) or
// stored in its standard form.
vi.mock('next/headers', () => cookiesMock());

const { createTestDatabase } = await import('../helpers/db');
const { db } = await createTestDatabase();
const { env } = await import('@/lib/env');
const linesRoute = await import('@/app/api/v1/cart/lines/route');
const checkoutRoute = await import('@/app/api/v1/checkout/route');

beforeAll(async () => {
  Object.assign(env, { STRIPE_SECRET_KEY: undefined, NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: undefined, stripeEnabled: false, demoMode: true });
  await insertCheckoutWorld(db);
});

type ErrorBody = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };

const address = (postcode: string) => ({ name: 'Sam', line1: '2 Low Rd', city: 'London', postcode });
const deliver = (d: Device, postcode: string) =>
  d.call(() =>
    checkoutRoute.POST(
      json('POST', '/api/v1/checkout', { email: 'sam@example.com', fulfilment: 'DELIVERY', shippingAddress: address(postcode) }),
    ),
  );

describe('delivery postcode', () => {
  it('refuses what is not a UK postcode with a message on the postcode field, and writes nothing', async () => {
    const guest = device();
    const added = await guest.call(() => linesRoute.POST(json('POST', '/api/v1/cart/lines', { variantId: ids.jacket, quantity: 1 })));
    expect(added.status).toBe(201);
    const orders = await db.order.count();
    const stock = await stockAt(db, ids.jacket, ids.warehouse);
    for (const bad of ['XYZ', '12345', 'SW1A', 'E1 6AN 7']) {
      const res = await deliver(guest, bad);
      expect(res.status, bad).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.issues, bad).toContainEqual({ path: 'shippingAddress.postcode', message: 'Enter a UK postcode such as SW1A 2AA' });
    }
    expect(await db.order.count()).toBe(orders);
    expect(await stockAt(db, ids.jacket, ids.warehouse)).toEqual(stock);
  });

  it('stores a postcode typed in lower case without its space in the standard form', async () => {
    const guest = device();
    await guest.call(() => linesRoute.POST(json('POST', '/api/v1/cart/lines', { variantId: ids.jacket, quantity: 1 })));
    const res = await deliver(guest, ' sw1a2aa ');
    expect(res.status).toBe(201);
    const { order } = (await res.json()) as { order: { id: string } };
    const row = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { shippingAddress: true } });
    expect(row.shippingAddress).toMatchObject({ postcode: 'SW1A 2AA' });
  });
});
