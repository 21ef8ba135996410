import { AsyncLocalStorage } from 'node:async_hooks';
import { encode } from 'next-auth/jwt';
import type { Db } from '@/lib/db/client';

// A small catalogue, and "devices": cookie jars that the mocked next/headers reads per async call,
// so route handlers can be called exactly as the browser would call them, in parallel.
export const ids = { warehouse: 'loc_wh', store: 'loc_store', tee: 'var_tee', mug: 'var_mug', soldOut: 'var_gone', scarce: 'var_scarce' };

export async function insertCartWorld(db: Db) {
  await db.category.create({ data: { id: 'cat_c', slug: 'basics', name: 'Basics', description: 'Everyday' } });
  await db.product.create({ data: { id: 'prod_tee', slug: 'tee', name: 'Organic tee', description: 'Soft', categoryId: 'cat_c' } });
  await db.product.create({ data: { id: 'prod_mug', slug: 'mug', name: 'Enamel mug', description: 'Camp mug', categoryId: 'cat_c' } });
  await db.variant.createMany({
    data: [
      { id: ids.tee, productId: 'prod_tee', sku: 'TEE-M', size: 'M', color: 'Navy', priceMinor: 2500 },
      { id: ids.soldOut, productId: 'prod_tee', sku: 'TEE-L', size: 'L', color: 'Navy', priceMinor: 2500 },
      { id: ids.scarce, productId: 'prod_tee', sku: 'TEE-S', size: 'S', color: 'Navy', priceMinor: 2500 },
      { id: ids.mug, productId: 'prod_mug', sku: 'MUG', priceMinor: 1450 },
    ],
  });
  const place = {
    country: 'GB',
    city: 'London',
    postcode: 'E1 1AA',
    addressLine1: '1 High St',
    latitude: 51.5,
    longitude: -0.1,
    openingHours: [],
  };
  await db.location.create({ data: { ...place, id: ids.warehouse, code: 'WH', slug: 'wh', type: 'WAREHOUSE', name: 'Warehouse' } });
  await db.location.create({ data: { ...place, id: ids.store, code: 'ST', slug: 'st', type: 'STORE', name: 'Shop' } });
  await db.stock.createMany({
    data: [
      { variantId: ids.tee, locationId: ids.warehouse, onHand: 200, reserved: 0 },
      { variantId: ids.tee, locationId: ids.store, onHand: 5, reserved: 0 },
      { variantId: ids.mug, locationId: ids.warehouse, onHand: 40, reserved: 10 },
      { variantId: ids.mug, locationId: ids.store, onHand: 3, reserved: 0 },
      { variantId: ids.soldOut, locationId: ids.warehouse, onHand: 4, reserved: 4 },
      // 2 here and 2 there: one order can take at most 2.
      { variantId: ids.scarce, locationId: ids.warehouse, onHand: 2, reserved: 0 },
      { variantId: ids.scarce, locationId: ids.store, onHand: 2, reserved: 0 },
    ],
  });
}

export async function insertUser(db: Db, email: string) {
  return db.user.create({ data: { email, name: email.split('@')[0] }, select: { id: true, email: true } });
}

export class Jar {
  readonly values = new Map<string, string>();
  get(name: string) {
    const value = this.values.get(name);
    return value === undefined ? undefined : { name, value };
  }
  set(name: string, value: string) {
    this.values.set(name, value);
  }
  delete(name: string) {
    this.values.delete(name);
  }
}

const currentJar = new AsyncLocalStorage<Jar>();

// The headers a device's request carries: its browser's own (requestHeaders, when a test gives some) and a Cookie
// header from its jar as it stands, which lib/cart reads its cookies from.
function deviceHeaders(jar: Jar | undefined): Headers {
  if (!jar) return new Headers();
  const headers = new Headers((jar as { requestHeaders?: Headers }).requestHeaders);
  const cookie = [...jar.values].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
  if (cookie) headers.set('cookie', cookie);
  return headers;
}

export function cookiesMock() {
  return {
    cookies: async () => {
      const jar = currentJar.getStore();
      if (!jar) throw new Error('no device');
      return jar;
    },
    headers: async () => deviceHeaders(currentJar.getStore()),
  };
}

// next/headers as a request would give it: the device's cookies, and the request headers its browser sends (kept on
// the jar, so each device is one browser). For the files that read the channel or client hints from the request.
export function requestMock() {
  const base = cookiesMock();
  return { cookies: base.cookies, headers: async () => deviceHeaders(await base.cookies()) };
}

// A signed-in device, as after a sign-in: the token names its server-side session row (lib/auth/sessions.ts).
export async function signedInJar(user: { id: string; email: string }, role = 'CUSTOMER', storeIds: string[] = []) {
  const jar = new Jar();
  const salt = 'authjs.session-token';
  const { startSession } = await import('@/lib/auth/sessions');
  const sid = await startSession(user.id);
  const token = await encode({
    salt,
    secret: process.env.AUTH_SECRET ?? 'northwind-development-secret-not-for-production',
    token: { sub: user.id, email: user.email, name: null, role, storeIds, sid },
  });
  jar.set(salt, token);
  return jar;
}

export type Device = { jar: Jar; call<T>(fn: () => Promise<T>): Promise<T> };

export function device(jar = new Jar()): Device {
  return { jar, call: (fn) => currentJar.run(jar, fn) };
}

export function json(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  return new Request(`http://localhost:3000${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}
