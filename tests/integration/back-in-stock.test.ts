import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as postBackInStock } from '@/app/api/v1/back-in-stock/route';
import { GET as getStoreProducts } from '@/app/api/v1/stores/[storeId]/products/route';
import { listDueBackInStockRequests, markBackInStockSent } from '@/lib/back-in-stock/requests';
import type { Db } from '@/lib/db/client';
import { createTestDatabase } from '../helpers/db';
import { ids, insertStoresWorld } from './stores-fixtures';

// "E-mail me when it's back" (issue 19 item 10) and which products a store has, for listing cards (item 11).
let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
  await insertStoresWorld(db);
});
afterAll(async () => {
  await testDb?.drop();
});

const post = (body: unknown, ip = '198.51.100.7') =>
  postBackInStock(
    new Request('http://shop.test/api/v1/back-in-stock', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    }),
  );
const codeOf = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe('POST /api/v1/back-in-stock', () => {
  it('keeps one request per address and sold-out variant, and refuses bad input and options in stock', async () => {
    expect((await post({ email: 'Ada@Example.com', variantId: ids.v3 })).status).toBe(204);
    expect((await post({ email: 'ada@example.com', variantId: ids.v3 })).status).toBe(204);
    expect(await db.backInStockRequest.findMany({ select: { email: true, variantId: true } })).toEqual([
      { email: 'ada@example.com', variantId: ids.v3 },
    ]);

    const bad = await post({ email: 'not-an-address', variantId: ids.v3 });
    expect(bad.status).toBe(400);
    expect((await post({ email: 'ada@example.com', variantId: 'no such id!' })).status).toBe(400);
    const inStock = await post({ email: 'ada@example.com', variantId: ids.v1 });
    expect(inStock.status).toBe(409);
    expect(await codeOf(inStock)).toBe('in_stock');
    expect((await post({ email: 'ada@example.com', variantId: 'var_missing' })).status).toBe(404);
  });

  it('limits requests per address', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 11; i++) answers.push((await post({ email: 'flood@example.com', variantId: ids.v3 }, `203.0.113.${i}`)).status);
    expect(answers.slice(0, 10).every((s) => s === 204)).toBe(true);
    expect(answers[10]).toBe(429);
  });

  it('lists a request as due once its variant is in stock again, until it is marked sent', async () => {
    expect(await listDueBackInStockRequests()).toEqual([]);
    await db.stock.create({ data: { variantId: ids.v3, locationId: ids.camden, onHand: 2, reserved: 0 } });
    const due = await listDueBackInStockRequests();
    expect(due.map((d) => d.email).sort()).toEqual(['ada@example.com', 'flood@example.com']);
    expect(due[0]).toMatchObject({ variantId: ids.v3, productName: 'Rain jacket', variantLabel: 'L' });
    expect(await markBackInStockSent(due.map((d) => d.id))).toBe(2);
    expect(await listDueBackInStockRequests()).toEqual([]);
  });
});

describe('GET /api/v1/stores/{storeId}/products', () => {
  const get = (storeId: string, slugs: string) =>
    getStoreProducts(new Request(`http://shop.test/api/v1/stores/${storeId}/products?slugs=${slugs}`), {
      params: Promise.resolve({ storeId }),
    });

  it('names the products among those asked that the store has in stock', async () => {
    const riverside = await get(ids.riverside, 'rain-jacket,no-such-thing');
    expect(riverside.status).toBe(200);
    expect(await riverside.json()).toEqual({ storeId: ids.riverside, inStock: ['rain-jacket'] });
    expect(await (await get(ids.greenwich, 'rain-jacket')).json()).toEqual({ storeId: ids.greenwich, inStock: [] });
    expect((await get(ids.riverside, 'Bad Slug')).status).toBe(400);
  });
});
