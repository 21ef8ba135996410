import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { RecommendationsResponse } from '@/lib/recommendations/schemas';
import { cookiesMock, device, json, signedInJar, type Device } from './cart-fixtures';
import { insertOrder, insertRecommendationWorld, P, variantOf } from './recommendations-fixtures';

vi.mock('next/headers', () => cookiesMock());

const { createTestDatabase } = await import('../helpers/db');
const route = await import('@/app/api/v1/recommendations/route');
const viewsRoute = await import('@/app/api/v1/views/route');
const linesRoute = await import('@/app/api/v1/cart/lines/route');
const openapi = await import('@/app/api/v1/openapi.json/route');
const { recordPaidOrder } = await import('@/lib/recommendations/service');
const items = (body: RecommendationsResponse) => body.shelves.flatMap((s) => s.items);

const { db } = await createTestDatabase();

const get = (d: Device, query: string) => d.call(() => route.GET(new Request(`http://localhost:3000/api/v1/recommendations?${query}`)));
async function shelves(d: Device, query: string) {
  const res = await get(d, query);
  expect(res.status).toBe(200);
  return { res, body: (await res.json()) as RecommendationsResponse };
}
const ids = (body: RecommendationsResponse, shelf: string) => body.shelves.find((s) => s.id === shelf)?.items.map((i) => i.productId) ?? [];
const allIds = (body: RecommendationsResponse) => body.shelves.flatMap((s) => s.items.map((i) => i.productId));

beforeAll(async () => {
  await insertRecommendationWorld(db);
});

describe('GET /api/v1/recommendations', () => {
  it('shows a new guest what is trending, never what is sold out everywhere', async () => {
    const { res, body } = await shelves(device(), 'context=home&limit=5');
    expect(body.personalised).toBe(false);
    expect(body.shelves.map((s) => s.id)).toEqual(['trending']);
    expect(body.shelves[0]!.items[0]).toMatchObject({
      productId: P.jacket,
      slug: 'jacket',
      name: 'Waxed canvas jacket',
      priceMinor: 1000,
      currency: 'GBP',
      reason: 'Trending',
    });
    expect(allIds(body)).not.toContain(P.tote);
    expect(res.headers.get('cache-control')).toMatch(/^private, no-store\b/);
  });

  it('remembers what a guest viewed, by the anonymous id it sets', async () => {
    const guest = device();
    const viewed = await guest.call(() => viewsRoute.POST(json('POST', '/api/v1/views', { productId: P.mug })));
    expect(viewed.status).toBe(204);
    expect(guest.jar.get('nw_aid')?.value).toMatch(/^[0-9a-f-]{36}$/);
    const { res, body } = await shelves(guest, 'context=home');
    expect(body.personalised).toBe(true);
    expect(body.shelves.find((s) => s.id === 'recently-viewed')?.items).toEqual([
      expect.objectContaining({ productId: P.mug, reason: 'Recently viewed' }),
    ]);
    // What the mug is bought with comes first in "For you", explained by the view.
    expect(body.shelves[0]).toMatchObject({
      id: 'for-you',
      items: expect.arrayContaining([expect.objectContaining({ productId: P.scarf, reason: 'Because you viewed Enamel camp mug' })]),
    });
    expect(res.headers.get('cache-control')).toMatch(/^private, no-store\b/);
    // Another guest sees none of it.
    expect((await shelves(device(), 'context=home')).body.personalised).toBe(false);
    // The next view shows at once: a viewer's shelves, kept for a minute, are dropped when they view something.
    await guest.call(() => viewsRoute.POST(json('POST', '/api/v1/views', { productId: P.jacket })));
    const again = (await shelves(guest, 'context=home')).body;
    expect(again.shelves.find((s) => s.id === 'recently-viewed')?.items.map((i) => i.productId)).toEqual([P.jacket, P.mug]);
  });

  it('gives a product page the visitor’s recently viewed products, newest first, without the one on screen', async () => {
    const guest = device();
    for (const productId of [P.mug, P.scarf, P.jacket])
      expect((await guest.call(() => viewsRoute.POST(json('POST', '/api/v1/views', { productId })))).status).toBe(204);
    const { res, body } = await shelves(guest, `context=viewed&productId=${P.jacket}`);
    expect(body).toMatchObject({ context: 'viewed', personalised: true });
    expect(ids(body, 'recently-viewed')).toEqual([P.scarf, P.mug]);
    expect(body.shelves[0]).toMatchObject({
      title: 'Recently viewed',
      items: [expect.objectContaining({ reason: 'Recently viewed' }), expect.anything()],
    });
    expect(res.headers.get('cache-control')).toMatch(/^private, no-store\b/);
    // A visitor who has viewed nothing else gets what is trending instead (never the product on screen), and nobody
    // sees another's views.
    const first = (await shelves(device(), `context=viewed&productId=${P.jacket}`)).body;
    expect(first.shelves.map((s) => s.id)).toEqual(['trending']);
    expect(allIds(first)).not.toContain(P.jacket);
  });

  it('recommends to a shopper from their own purchases, and says so', async () => {
    const shopper = await db.user.create({ data: { email: 'history@example.com' } });
    await recordPaidOrder(await insertOrder(db, shopper.id, [P.beanie], 30));
    await recordPaidOrder(await insertOrder(db, shopper.id, [P.beanie, P.mug], 3));
    const { res, body } = await shelves(device(await signedInJar(shopper)), 'context=home&limit=4');
    expect(body.personalised).toBe(true);
    const forYou = body.shelves.find((s) => s.id === 'for-you')!;
    // What others buy with the beanie leads. The beanie and mug themselves are not offered again: nobody else in this
    // shop has bought either twice, so its orders do not show that people come back for them (issue 19).
    expect(forYou.items[0]).toMatchObject({ productId: P.jacket, reason: 'Because you bought Wool beanie', strategy: 'for-you' });
    expect(forYou.items.map((i) => i.productId)).not.toContain(P.beanie);
    expect(forYou.items.map((i) => i.productId)).not.toContain(P.mug);
    expect(forYou.items.map((i) => i.productId)).not.toContain(P.tote);
    expect(res.headers.get('cache-control')).toMatch(/^private, no-store\b/);
  });

  it('suggests what goes well with an order on its confirmation, to its shopper only', async () => {
    const shopper = await db.user.create({ data: { email: 'confirmation@example.com' } });
    const orderId = await insertOrder(db, shopper.id, [P.jacket], 0);
    const { res, body } = await shelves(device(await signedInJar(shopper)), `context=order&orderId=${orderId}`);
    expect(body).toMatchObject({ context: 'order', personalised: true });
    expect(ids(body, 'goes-well-with')[0]).toBe(P.beanie); // bought with the jacket most often
    expect(allIds(body)).not.toContain(P.jacket);
    expect(res.headers.get('cache-control')).toMatch(/^private, no-store\b/);
    const stranger = await db.user.create({ data: { email: 'stranger@example.com' } });
    expect((await get(device(await signedInJar(stranger)), `context=order&orderId=${orderId}`)).status).toBe(404);
    expect((await get(device(), `context=order&orderId=${orderId}`)).status).toBe(404);
    expect((await get(device(), 'context=order')).status).toBe(400);
  });

  it('lists what goes well with a product, without the product itself or anything sold out', async () => {
    const { res, body } = await shelves(device(), `context=product&productId=${P.jacket}`);
    const goesWell = body.shelves.find((s) => s.id === 'goes-well-with')!;
    expect(goesWell.items[0]).toMatchObject({
      productId: P.beanie,
      reason: 'Often bought with Waxed canvas jacket',
      strategy: 'goes-well-with',
    });
    expect(ids(body, 'goes-well-with')).toContain(P.gloves);
    expect(allIds(body)).not.toContain(P.jacket);
    expect(allIds(body)).not.toContain(P.tote); // bought with the jacket four times, but sold out
    expect(new Set(allIds(body)).size).toBe(allIds(body).length);
    expect(body.personalised).toBe(false);
    expect(res.headers.get('cache-control')).toMatch(/^public/);
  });

  it('falls back on similar names and tags for a product nobody has bought', async () => {
    const { body } = await shelves(device(), `context=product&productId=${P.cap}`);
    // First on the page (the shelves never repeat an item), explained by the likeness.
    expect(items(body)[0]).toMatchObject({ productId: P.jacket, reason: 'Similar to Waxed canvas cap', strategy: 'similar' });
    expect(allIds(body)).not.toContain(P.cap);
  });

  it('completes a guest bag without suggesting what is already in it', async () => {
    const guest = device();
    const added = await guest.call(() =>
      linesRoute.POST(json('POST', '/api/v1/cart/lines', { variantId: variantOf(P.jacket), quantity: 1 })),
    );
    expect(added.status).toBe(201);
    const { body } = await shelves(guest, 'context=cart&limit=3');
    expect(body.shelves[0]).toMatchObject({ id: 'complete-your-order', title: 'Complete your order' });
    expect(ids(body, 'complete-your-order')[0]).toBe(P.beanie);
    expect(allIds(body)).not.toContain(P.jacket);
    expect(allIds(body)).toHaveLength(3);

    // Shelves are kept per bag content: the suggestion just added leaves the shelf at once.
    await guest.call(() => linesRoute.POST(json('POST', '/api/v1/cart/lines', { variantId: variantOf(P.beanie), quantity: 1 })));
    const after = (await shelves(guest, 'context=cart&limit=3')).body;
    expect(allIds(after)).not.toContain(P.beanie);
    expect(allIds(after)).not.toContain(P.jacket);
    expect(allIds(after)).toHaveLength(3);
  });

  it('answers bad input with 400 or 404 in the error shape', async () => {
    const cases: [string, number][] = [
      ['context=checkout', 400],
      ['limit=0', 400],
      ['limit=abc', 400],
      ['limit=100', 400],
      ['context=product', 400],
      ['context=product&productId=%3Cscript%3E', 400],
      ['context=product&productId=no_such_product', 404],
    ];
    for (const [query, status] of cases) {
      const res = await get(device(), query);
      expect(res.status, query).toBe(status);
      expect(await res.json(), query).toEqual({
        error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
      });
    }
    const view = await device().call(() => viewsRoute.POST(json('POST', '/api/v1/views', { productId: 'no_such_product' })));
    expect(view.status).toBe(404);
  });

  it('learns from a newly paid order at once, and counts it once', async () => {
    const orderId = await insertOrder(db, null, [P.cap, P.mug], 0);
    await recordPaidOrder(orderId);
    await recordPaidOrder(orderId);
    const { body } = await shelves(device(), `context=product&productId=${P.cap}`);
    expect(body.shelves.find((s) => s.id === 'goes-well-with')?.items[0]).toMatchObject({
      productId: P.mug,
      reason: 'Often bought with Waxed canvas cap',
    });
    const [a, b] = [P.cap, P.mug].sort();
    expect(await db.coPurchase.findUnique({ where: { productAId_productBId: { productAId: a!, productBId: b! } } })).toMatchObject({
      count: 1,
    });
  });

  it('stops showing a product once it sells out everywhere, at the next stock refresh (15 s)', async () => {
    const trendingIds = async () => allIds((await shelves(device(), 'context=home&limit=5')).body);
    expect(await trendingIds()).toContain(P.jacket);
    const stock = await db.stock.findMany({ where: { variant: { productId: P.jacket } } });
    const setJacketStock = (rows: typeof stock) =>
      Promise.all(
        rows.map((r) =>
          db.stock.update({
            where: { variantId_locationId: { variantId: r.variantId, locationId: r.locationId } },
            data: { onHand: r.onHand, reserved: r.reserved },
          }),
        ),
      );
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await setJacketStock(stock.map((r) => ({ ...r, onHand: 0, reserved: 0 })));
      vi.setSystemTime(Date.now() + 16_000);
      await vi.waitFor(async () => expect(await trendingIds()).not.toContain(P.jacket), { timeout: 10_000, interval: 50 });
      await setJacketStock(stock);
      vi.setSystemTime(Date.now() + 16_000);
      await vi.waitFor(async () => expect(await trendingIds()).toContain(P.jacket), { timeout: 10_000, interval: 50 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await openapi.GET(json('GET', '/api/v1/openapi.json'))).json()) as { paths: Record<string, unknown> };
    expect(doc.paths['/api/v1/recommendations']).toHaveProperty('get');
    expect(doc.paths['/api/v1/views']).toHaveProperty('post');
  });
});
