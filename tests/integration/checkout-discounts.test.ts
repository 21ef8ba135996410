import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cookiesMock, device, insertUser, json, type Device } from './cart-fixtures';
import { ids, insertCheckoutWorld, oneJacket } from './orders-fixtures';
import { demoPaymentsOnly } from '../helpers/orders';

// Discount codes are data (the DiscountCode table) with their limits enforced in the order's transaction. Before,
// WELCOME10 ("10% off your first order") went on three paid orders in a row on one account.
vi.mock('next/headers', () => cookiesMock());

const { createTestDatabase } = await import('../helpers/db');
const { db } = await createTestDatabase();
const { placeOrder } = await import('@/lib/checkout/place-order');
const { markPaid, releaseHold } = await import('@/lib/orders/transitions');
const linesRoute = await import('@/app/api/v1/cart/lines/route');
const checkoutRoute = await import('@/app/api/v1/checkout/route');
const quoteRoute = await import('@/app/api/v1/checkout/quote/route');
const openApiRoute = await import('@/app/api/v1/openapi.json/route');

beforeAll(async () => {
  await demoPaymentsOnly();
  await insertCheckoutWorld(db, { jacketsAtStore: 500 });
});

type Placed = { order: { id: string; discountCode: string | null; discountMinor: number; totalMinor: number } };
type Refusal = { error: { code: string; message: string } };

async function bag(): Promise<Device> {
  const d = device();
  expect((await d.call(() => linesRoute.POST(json('POST', '/api/v1/cart/lines', { variantId: ids.jacket, quantity: 1 })))).status).toBe(
    201,
  );
  return d;
}
const order = (d: Device, email: string, discountCode: string) =>
  d.call(() =>
    checkoutRoute.POST(
      json('POST', '/api/v1/checkout', {
        email,
        fulfilment: 'PICKUP',
        pickupLocationId: ids.store,
        payment: 'pay_at_pickup',
        discountCode,
      }),
    ),
  );
const quote = (d: Device, b: unknown) => d.call(() => quoteRoute.POST(json('POST', '/api/v1/checkout/quote', b)));

describe('WELCOME10, 10% off a first order', () => {
  it('goes on the first paid order of an account, and is refused on the next ones', async () => {
    const shopper = await insertUser(db, 'three-in-a-row@example.com');
    const mine = { userId: shopper.id, email: shopper.email, discountCode: 'WELCOME10' };
    const first = await placeOrder(oneJacket(mine));
    expect(first.order).toMatchObject({ discountCode: 'WELCOME10', discountMinor: 450, totalMinor: 4050 });
    await markPaid(first.order.id);
    for (const email of [shopper.email, 'another-address@example.com']) {
      await expect(placeOrder(oneJacket({ ...mine, email }))).rejects.toMatchObject({ code: 'discount_not_eligible', status: 400 });
    }
    expect(await db.order.count({ where: { userId: shopper.id } })).toBe(1);
    // Other codes still apply to later orders.
    expect((await placeOrder(oneJacket({ ...mine, discountCode: 'fiveoff40' }))).order).toMatchObject({
      discountCode: 'FIVEOFF40',
      discountMinor: 500,
    });
  });

  it('is for a guest’s first order by e-mail, whatever its case, and not for an e-mail that ordered before', async () => {
    const first = await order(await bag(), 'Guest.First@example.com', 'welcome10');
    expect(first.status).toBe(201);
    expect(((await first.json()) as Placed).order).toMatchObject({ discountCode: 'WELCOME10', discountMinor: 450 });
    const again = await order(await bag(), 'guest.first@EXAMPLE.com', 'WELCOME10');
    expect(again.status).toBe(400);
    expect(((await again.json()) as Refusal).error).toMatchObject({
      code: 'discount_not_eligible',
      message: expect.stringContaining('first order'),
    });

    await placeOrder(oneJacket({ email: 'ordered-before@example.com' }));
    expect((await order(await bag(), 'ordered-before@example.com', 'WELCOME10')).status).toBe(400);
  });

  it('goes to exactly one of several first orders placed at the same moment', async () => {
    const bags = await Promise.all([bag(), bag(), bag(), bag()]);
    const responses = await Promise.all(bags.map((d) => order(d, 'racing@example.com', 'WELCOME10')));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 400, 400, 400]);
    expect(await db.discountRedemption.count({ where: { email: 'racing@example.com' } })).toBe(1);
  });

  it('comes back when the order that used it is cancelled', async () => {
    const used = await placeOrder(oneJacket({ email: 'changed-mind@example.com', discountCode: 'WELCOME10' }));
    await releaseHold(used.order.id);
    expect((await placeOrder(oneJacket({ email: 'changed-mind@example.com', discountCode: 'WELCOME10' }))).order.discountMinor).toBe(450);
  });
});

describe('limits as data', () => {
  it('a code added to the table works, with no code change', async () => {
    await db.discountCode.create({ data: { code: 'SPRING15', kind: 'PERCENT', percent: 15, label: '15% off this spring' } });
    expect((await placeOrder(oneJacket({ email: 'spring@example.com', discountCode: 'spring15' }))).order).toMatchObject({
      discountCode: 'SPRING15',
      discountMinor: 675,
    });
  });

  it('gives out no more than its total uses, even to checkouts at the same moment', async () => {
    await db.discountCode.create({
      data: { code: 'FIRST3', kind: 'AMOUNT', amountMinor: 1000, label: '£10 off, first three orders', totalLimit: 3 },
    });
    const bags = await Promise.all(Array.from({ length: 10 }, () => bag()));
    const responses = await Promise.all(bags.map((d, i) => order(d, `first3-${i}@example.com`, 'FIRST3')));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = (await Promise.all(responses.filter((r) => r.status !== 201).map((r) => r.json()))) as Refusal[];
    expect(refused.map((r) => r.error.message)).toEqual(Array(7).fill('The code FIRST3 has been used up.'));
  });

  it('allows a set number of uses per customer', async () => {
    await db.discountCode.create({
      data: { code: 'TWICE', kind: 'AMOUNT', amountMinor: 200, label: '£2 off, twice each', perCustomerLimit: 2 },
    });
    const input = oneJacket({ email: 'twice@example.com', discountCode: 'TWICE' });
    await placeOrder(input);
    await placeOrder(input);
    await expect(placeOrder(input)).rejects.toMatchObject({ code: 'discount_not_eligible' });
  });

  it('is valid only between its dates, and not when switched off', async () => {
    const day = 86_400_000;
    await db.discountCode.createMany({
      data: [
        { code: 'LATER', kind: 'AMOUNT', amountMinor: 100, label: 'Later', startsAt: new Date(Date.now() + day) },
        { code: 'OVER', kind: 'AMOUNT', amountMinor: 100, label: 'Over', endsAt: new Date(Date.now() - day) },
        { code: 'OFF', kind: 'AMOUNT', amountMinor: 100, label: 'Off', active: false },
      ],
    });
    await expect(placeOrder(oneJacket({ discountCode: 'LATER' }))).rejects.toMatchObject({
      code: 'invalid_discount',
      message: 'The code LATER is not valid yet.',
    });
    await expect(placeOrder(oneJacket({ discountCode: 'OVER' }))).rejects.toMatchObject({
      code: 'invalid_discount',
      message: 'The code OVER has expired.',
    });
    await expect(placeOrder(oneJacket({ discountCode: 'OFF' }))).rejects.toMatchObject({ code: 'invalid_discount' });
    await expect(placeOrder(oneJacket({ discountCode: 'NOSUCH' }))).rejects.toMatchObject({ code: 'invalid_discount' });
  });
});

describe('POST /api/v1/checkout/quote', () => {
  it('prices the lines from the database and applies or explains the code for this e-mail', async () => {
    const guest = device();
    const lines = [{ variantId: ids.jacket, quantity: 2, unitPriceMinor: 1 }];
    const plain = await quote(guest, { lines, fulfilment: 'DELIVERY' });
    expect(plain.status).toBe(200);
    expect(await plain.json()).toEqual({
      totals: {
        currency: 'GBP',
        subtotalMinor: 9000,
        discountMinor: 0,
        discountCode: null,
        pointsRedeemed: 0,
        pointsDiscountMinor: 0,
        shippingMinor: 0,
        taxMinor: 1500,
        taxInclusive: true,
        taxLabel: 'VAT',
        totalMinor: 9000,
      },
      discountError: null,
      points: null,
      pointsError: null,
      freeDeliveryFromMinor: 7500,
    });
    const fresh = (await (await quote(guest, { lines, discountCode: 'welcome10', email: 'never-ordered@example.com' })).json()) as {
      totals: { discountMinor: number };
      discountError: unknown;
    };
    expect(fresh).toMatchObject({ totals: { discountMinor: 900 }, discountError: null });
    const used = (await (await quote(guest, { lines, discountCode: 'WELCOME10', email: 'three-in-a-row@example.com' })).json()) as {
      totals: { discountMinor: number };
      discountError: { code: string };
    };
    expect(used).toMatchObject({ totals: { discountMinor: 0 }, discountError: { code: 'discount_not_eligible' } });
    const unknown = (await (await quote(guest, { lines, discountCode: 'FREESTUFF' })).json()) as { discountError: { message: string } };
    expect(unknown.discountError.message).toBe('The code FREESTUFF is not valid.');
    expect(await db.order.count({ where: { email: 'never-ordered@example.com' } })).toBe(0);
  });

  it('refuses a cross-site request and bad input, and is in the OpenAPI document', async () => {
    expect((await quote(device(), { lines: 'all' })).status).toBe(400);
    const crossSite = await device().call(() =>
      quoteRoute.POST(
        json('POST', '/api/v1/checkout/quote', { lines: [] }, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }),
      ),
    );
    expect(crossSite.status).toBe(403);
    const doc = (await (await openApiRoute.GET(json('GET', '/api/v1/openapi.json'))).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.paths['/api/v1/checkout/quote']?.post).toBeTruthy();
  });
});
