import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getAvailabilityRoute } from '@/app/api/v1/availability/route';
import { GET as getMineRoute, PUT as putMineRoute } from '@/app/api/v1/stores/mine/route';
import { GET as getStoresRoute } from '@/app/api/v1/stores/route';
import type { SessionUser } from '@/lib/auth/session';
import { findStores, readMyStore, writeMyStore } from '@/lib/stores/store-queries';
import { createTestDatabase } from '../helpers/db';
import { ids, insertStoresWorld, places } from './stores-fixtures';

// The route handlers run against this file's database (lib/db points at it) and a session we choose.
const state = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => state.user }));

// The file's own database (dropped when the file ends, tests/helpers/integration-setup.ts).
const { db } = await createTestDatabase();

beforeAll(async () => {
  await insertStoresWorld(db);
  await db.user.create({ data: { id: 'user_1', email: 'shopper@example.test' } });
});

async function stores(input: Parameters<typeof findStores>[1]) {
  const result = await findStores(db, input);
  if (!result.ok) throw new Error(`expected stores, got ${result.reason}`);
  return result;
}
function byName<T extends { name: string }>(list: T[], name: string): T {
  const found = list.find((s) => s.name === name);
  if (!found) throw new Error(`no store named ${name}`);
  return found;
}

describe('finding stores', () => {
  it('lists the nearest store first from a position', async () => {
    const { stores: list } = await stores({ origin: places.londonEye });
    expect(list.map((s) => s.name)).toEqual(['Riverside', 'Camden', 'Greenwich', 'Brooklyn']);
    expect(list[0]?.distance?.label).toBe('0.5 mi');
  });

  it('resolves a postcode or a town offline, and refuses an unknown place', async () => {
    const sePostcode = await stores({ near: 'SE1 7PB' });
    expect(sePostcode.origin?.label).toMatch(/^SE1 \(/);
    expect(sePostcode.stores[0]?.name).toBe('Riverside');
    expect((await stores({ near: 'camden town' })).stores[0]?.name).toBe('Camden');
    expect(await findStores(db, { near: 'Atlantis' })).toEqual({ ok: false, reason: 'place_not_found' });
  });

  it('tells open or closed and the ready-by time in each store’s own zone, across closing time', async () => {
    // Wednesday 3 June 2026, 18:00 in London, 13:00 in New York.
    const { stores: list } = await stores({ origin: places.londonEye, now: new Date('2026-06-03T17:00:00Z') });
    expect(byName(list, 'Riverside').hours).toMatchObject({ openNow: true, status: 'Open now · closes 19:30', today: '09:30–19:30' });
    expect(byName(list, 'Riverside').pickup.label).toBe('Ready tomorrow at 09:30');
    expect(byName(list, 'Camden').pickup.readyBy).toEqual({
      at: '2026-06-04T09:00:00.000Z',
      daysAhead: 1,
      label: 'Ready tomorrow at 10:00',
    });
    expect(byName(list, 'Brooklyn').hours.openNow).toBe(true);
    expect(byName(list, 'Brooklyn').pickup.label).toBe('Ready today from 14:00');
    expect(byName(list, 'Greenwich').pickup).toMatchObject({ enabled: false, readyBy: null, label: 'Pickup unavailable' });
  });

  it('rolls over midnight by each store’s clock', async () => {
    // Sunday 00:30 in London is still Saturday 19:30 in New York.
    const { stores: list } = await stores({ now: new Date('2026-06-06T23:30:00Z') });
    expect(byName(list, 'Riverside').hours).toMatchObject({ openNow: false, today: '11:00–17:00', status: 'Closed · opens 11:00' });
    expect(byName(list, 'Riverside').pickup.label).toBe('Ready today from 11:00');
    expect(byName(list, 'Camden').hours.today).toBe('Closed today');
    expect(byName(list, 'Camden').pickup.label).toBe('Ready tomorrow at 10:00');
    expect(byName(list, 'Brooklyn').hours).toMatchObject({ openNow: true, status: 'Open now · closes 20:00' });
    expect(byName(list, 'Brooklyn').pickup.label).toBe('Ready tomorrow at 10:00');
  });

  it('shows stock for a product and for a cart at each store, net of holds', async () => {
    const one = await stores({ origin: places.londonEye, lines: [{ variantId: ids.v1, quantity: 1 }] });
    expect(byName(one.stores, 'Riverside').stock?.lines[0]).toMatchObject({ available: 4, label: 'In stock' });
    expect(byName(one.stores, 'Camden').stock?.lines[0]).toMatchObject({ available: 0, label: 'Out of stock' });
    const cart = await stores({
      lines: [
        { variantId: ids.v1, quantity: 1 },
        { variantId: ids.v2, quantity: 1 },
        { variantId: ids.v3, quantity: 1 },
      ],
    });
    expect(byName(cart.stores, 'Riverside').stock?.summary.label).toBe('2 of 3 available');
    expect(byName(cart.stores, 'Riverside').stock?.lines[1]?.label).toBe('Only 1 left');
    expect(byName(cart.stores, 'Camden').stock?.summary.label).toBe('1 of 3 available');
    expect(await findStores(db, { lines: [{ variantId: 'nope', quantity: 1 }] })).toEqual({
      ok: false,
      reason: 'unknown_variants',
      variantIds: ['nope'],
    });
  });
});

describe('my store', () => {
  it('remembers a signed-in shopper’s store on the account, ahead of any cookie', async () => {
    expect(await writeMyStore(db, { storeId: ids.camden, userId: 'user_1' })).toMatchObject({ ok: true, store: { name: 'Camden' } });
    expect((await db.user.findUnique({ where: { id: 'user_1' } }))?.preferredStoreId).toBe(ids.camden);
    expect((await readMyStore(db, { userId: 'user_1', cookieStoreId: ids.riverside }))?.name).toBe('Camden');
    expect((await readMyStore(db, { cookieStoreId: ids.riverside }))?.name).toBe('Riverside');
    expect(await readMyStore(db, { cookieStoreId: 'gone' })).toBeNull();
  });

  it('refuses a store without pickup and an unknown store', async () => {
    expect(await writeMyStore(db, { storeId: ids.greenwich })).toEqual({ ok: false, reason: 'pickup_unavailable' });
    expect(await writeMyStore(db, { storeId: 'nope' })).toEqual({ ok: false, reason: 'not_found' });
    expect(await writeMyStore(db, { storeId: ids.warehouse })).toEqual({ ok: false, reason: 'not_found' });
  });
});

const get = (path: string) => new Request(`http://shop.test${path}`);
async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; issues?: { path: string }[] } }).error;
}

describe('GET /api/v1/stores', () => {
  it('answers 400 for out-of-range or malformed coordinates, never 500', async () => {
    for (const query of [
      'lat=91&lng=0',
      'lat=0&lng=-181',
      'lat=abc&lng=0',
      'lat=51.5',
      'lat=&lng=',
      'lat=51.5&lng=0&near=SE1',
      'limit=0',
    ]) {
      const response = await getStoresRoute(get(`/api/v1/stores?${query}`));
      expect(response.status, query).toBe(400);
      expect((await errorOf(response)).code).toBe('bad_request');
    }
    expect((await errorOf(await getStoresRoute(get('/api/v1/stores?lat=91&lng=0')))).issues?.[0]?.path).toBe('lat');
  });

  it('answers 404 for an unknown place or variant, 400 for a malformed id', async () => {
    const place = await getStoresRoute(get('/api/v1/stores?near=Atlantis'));
    expect(place.status).toBe(404);
    expect(await errorOf(place)).toMatchObject({ code: 'place_not_found', message: expect.stringMatching(/couldn't find that place/) });
    expect((await getStoresRoute(get('/api/v1/stores?variantIds=nope'))).status).toBe(404);
    expect((await getStoresRoute(get('/api/v1/stores?variantIds=bad%20id!'))).status).toBe(400);
    expect((await getStoresRoute(get(`/api/v1/stores?variantIds=${ids.v1}&quantities=1,2`))).status).toBe(400);
  });

  it('lists stores by distance; caches public data briefly but never stock', async () => {
    const response = await getStoresRoute(get('/api/v1/stores?lat=51.5033&lng=-0.1196'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/max-age=60/);
    const body = (await response.json()) as { stores: { name: string }[] };
    expect(body.stores[0]?.name).toBe('Riverside');
    const withStock = await getStoresRoute(get(`/api/v1/stores?near=NW1&variantIds=${ids.v2}`));
    expect(withStock.headers.get('cache-control')).toMatch(/^no-store\b/);
    const stockBody = (await withStock.json()) as { stores: { name: string; stock: { lines: { available: number }[] } }[] };
    expect(stockBody.stores[0]).toMatchObject({ name: 'Camden', stock: { lines: [{ available: 3 }] } });
  });
});

describe('GET /api/v1/availability', () => {
  it('gives fresh availability per store', async () => {
    const response = await getAvailabilityRoute(get(`/api/v1/availability?variantIds=${ids.v1},${ids.v2}&storeId=${ids.riverside}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/^no-store\b/);
    expect(await response.json()).toEqual({
      variants: [
        { variantId: ids.v1, total: 4, stores: [{ storeId: ids.riverside, available: 4, level: 'in_stock', label: 'In stock' }] },
        { variantId: ids.v2, total: 1, stores: [{ storeId: ids.riverside, available: 1, level: 'low_stock', label: 'Only 1 left' }] },
      ],
    });
  });

  it('answers 404 for unknown stores or variants and 400 for malformed input', async () => {
    const cases: [string, number, string][] = [
      [`variantIds=${ids.v1}&storeId=nope`, 404, 'store_not_found'],
      [`variantIds=${ids.v1}&storeId=${ids.warehouse}`, 404, 'store_not_found'],
      ['variantIds=nope', 404, 'variant_not_found'],
      ['', 400, 'bad_request'],
      ['variantIds=', 400, 'bad_request'],
      ['variantIds=a;drop', 400, 'bad_request'],
      [`variantIds=${Array.from({ length: 51 }, (_, i) => `v${i}`).join(',')}`, 400, 'bad_request'],
    ];
    for (const [query, status, code] of cases) {
      const response = await getAvailabilityRoute(get(`/api/v1/availability?${query}`));
      expect(response.status, query).toBe(status);
      expect((await errorOf(response)).code, query).toBe(code);
    }
  });
});

describe('PUT /api/v1/stores/mine', () => {
  const put = (body: string, cookie?: string) =>
    new NextRequest('http://shop.test/api/v1/stores/mine', {
      method: 'PUT',
      body,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    });

  it('remembers a guest’s store in a cookie and reads it back', async () => {
    state.user = null;
    const response = await putMineRoute(put(JSON.stringify({ storeId: ids.riverside })));
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`nw_store=${ids.riverside}`));
    expect(cookie).toMatch(/HttpOnly/i);
    const mine = await getMineRoute(
      new NextRequest('http://shop.test/api/v1/stores/mine', { headers: { cookie: `nw_store=${ids.riverside}` } }),
    );
    expect(((await mine.json()) as { store: { name: string } }).store.name).toBe('Riverside');
  });

  it('saves a signed-in shopper’s choice on the account', async () => {
    state.user = { id: 'user_1', email: 'shopper@example.test', name: null, role: 'CUSTOMER', storeIds: [] };
    expect((await putMineRoute(put(JSON.stringify({ storeId: ids.riverside })))).status).toBe(200);
    expect((await db.user.findUnique({ where: { id: 'user_1' } }))?.preferredStoreId).toBe(ids.riverside);
    state.user = null;
  });

  it('refuses bad bodies, unknown stores and stores without pickup, writing nothing', async () => {
    expect((await putMineRoute(put('{not json'))).status).toBe(400);
    expect((await putMineRoute(put(JSON.stringify({ storeId: 42 })))).status).toBe(400);
    expect((await putMineRoute(put(JSON.stringify({ storeId: 'nope' })))).status).toBe(404);
    const refused = await putMineRoute(put(JSON.stringify({ storeId: ids.greenwich })));
    expect(refused.status).toBe(422);
    expect(refused.headers.get('set-cookie')).toBeNull();
  });
});
