import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cookiesMock, device, ids, insertCartWorld, insertUser, json, signedInJar } from './cart-fixtures';

vi.mock('next/headers', () => cookiesMock());
// Outside a Next server there is no incremental cache; the catalog reads run uncached (as in catalog.test.ts).
vi.mock('next/cache', () => ({ unstable_cache: (fn: unknown) => fn, revalidateTag: vi.fn() }));

// What every route gets from the one wrapper (lib/api/route.ts), called as the browser would call it.
const { createTestDatabase } = await import('../helpers/db');
const { route } = await import('@/lib/api/route');
const { requireRole } = await import('@/lib/auth/guard');
const productsRoute = await import('@/app/api/v1/products/route');
const storesRoute = await import('@/app/api/v1/stores/route');
const mineRoute = await import('@/app/api/v1/stores/mine/route');
const linesRoute = await import('@/app/api/v1/cart/lines/route');
const checkoutRoute = await import('@/app/api/v1/checkout/route');
const webhookRoute = await import('@/app/api/webhooks/stripe/route');
const unknownRoute = await import('@/app/api/v1/[...rest]/route');

const { db } = await createTestDatabase();
type ErrorBody = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };
const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;
const get = (path: string) => new Request(`http://localhost:3000${path}`);

beforeAll(async () => {
  await insertCartWorld(db);
});

describe('same-origin check on every write', () => {
  it('refuses PUT /api/v1/stores/mine from another site, setting no cookie; the shop itself may', async () => {
    const body = { storeId: ids.store };
    const evil = await device().call(() => mineRoute.PUT(json('PUT', '/api/v1/stores/mine', body, { origin: 'https://evil.example' })));
    expect(evil.status).toBe(403);
    expect((await errorOf(evil)).code).toBe('forbidden');
    expect(evil.headers.get('set-cookie')).toBeNull();

    const own = await device().call(() => mineRoute.PUT(json('PUT', '/api/v1/stores/mine', body, { origin: 'http://localhost:3000' })));
    expect(own.status).toBe(200);
    expect(own.headers.get('set-cookie')).toContain(`nw_store=${ids.store}`);
  });
});

describe('body size', () => {
  const big = JSON.stringify({ variantId: ids.tee, quantity: 1, note: 'x'.repeat(65 * 1024) });

  it('answers 413 in the error shape for a 65 KiB JSON body, whether it says its length or not, and writes nothing', async () => {
    const guest = device();
    const chunked = await guest.call(() => linesRoute.POST(json('POST', '/api/v1/cart/lines', big)));
    expect(chunked.status).toBe(413);
    expect((await errorOf(chunked)).code).toBe('payload_too_large');
    const declared = await guest.call(() =>
      linesRoute.POST(json('POST', '/api/v1/cart/lines', big, { 'content-length': String(Buffer.byteLength(big)) })),
    );
    expect(declared.status).toBe(413);
    expect(guest.jar.get('nw_cart')).toBeUndefined();
    // A body as a browser streams it, in pieces and with no length.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 70; i++) controller.enqueue(new Uint8Array(1024).fill(32));
        controller.close();
      },
    });
    const streamed = new Request('http://localhost:3000/api/v1/checkout', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect((await guest.call(() => checkoutRoute.POST(streamed))).status).toBe(413);
  });

  it('still takes a body just under the limit', async () => {
    const fits = JSON.stringify({ variantId: ids.tee, quantity: 1, note: 'x'.repeat(60 * 1024) });
    expect((await device().call(() => linesRoute.POST(json('POST', '/api/v1/cart/lines', fits)))).status).toBe(201);
  });

  it('lets the Stripe webhook have its own, larger limit, and refuses past it', async () => {
    const signed = { 'stripe-signature': 't=1,v1=00' };
    const over = await webhookRoute.POST(json('POST', '/api/webhooks/stripe', 'x'.repeat(300 * 1024), signed));
    expect(over.status).toBe(413);
    // 100 KiB passes the size check and reaches the signature check (404 when webhooks are not configured, else 400).
    const under = await webhookRoute.POST(json('POST', '/api/webhooks/stripe', 'x'.repeat(100 * 1024), signed));
    expect([400, 404]).toContain(under.status);
  });
});

describe('unknown API paths', () => {
  it('answers a JSON 404 in the error shape for any method', async () => {
    for (const [method, handler] of [
      ['GET', unknownRoute.GET],
      ['POST', unknownRoute.POST],
      ['DELETE', unknownRoute.DELETE],
    ] as const) {
      const res = await handler(new Request('http://localhost:3000/api/v1/nope', { method }), {
        params: Promise.resolve({ rest: ['nope'] }),
      });
      expect(res.status, method).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(await errorOf(res)).toMatchObject({ code: 'not_found', message: expect.stringContaining('/api/v1/nope') });
    }
  });
});

describe('control characters', () => {
  it('answers 400, not 500, for a NUL byte in a product search, colour or size', async () => {
    for (const query of ['q=%00', 'q=jacket%00', 'color=%00', 'color=Navy&color=%00', 'size=M%00', 'q=%1b%5B2J']) {
      const res = await productsRoute.GET(get(`/api/v1/products?${query}`));
      expect(res.status, query).toBe(400);
      expect((await errorOf(res)).code, query).toBe('bad_request');
    }
    expect((await productsRoute.GET(get('/api/v1/products?q=tee&color=Navy&size=M'))).status).toBe(200);
  });

  it('answers 400 for one in a typed place or a checkout address, writing nothing', async () => {
    expect((await storesRoute.GET(get('/api/v1/stores?near=Cam%00den'))).status).toBe(400);
    const guest = device();
    await guest.call(() => linesRoute.POST(json('POST', '/api/v1/cart/lines', { variantId: ids.tee, quantity: 1 })));
    const before = await db.order.count();
    const address = { name: 'Ann\u0000', line1: '1 High St', city: 'London', postcode: 'E1 1AA' };
    const res = await guest.call(() =>
      checkoutRoute.POST(json('POST', '/api/v1/checkout', { email: 'ann@example.com', fulfilment: 'DELIVERY', shippingAddress: address })),
    );
    expect(res.status).toBe(400);
    expect((await errorOf(res)).issues?.map((i) => i.path)).toContain('shippingAddress.name');
    expect(await db.order.count()).toBe(before);
  });
});

describe('errors thrown inside lib', () => {
  const staffOnly = route({ label: 'test' }, async () => {
    await requireRole('STAFF', 'ADMIN');
    return new Response(null, { status: 204 });
  });

  it('answers an authorisation refusal with its own status in the error shape, never 500', async () => {
    const customer = device(await signedInJar(await insertUser(db, 'not-staff@example.com')));
    const refused = await customer.call(() => staffOnly(get('/api/v1/staff-thing')));
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toEqual({ code: 'forbidden', message: 'You do not have access to this.' });
    const guest = await device().call(() => staffOnly(get('/api/v1/staff-thing')));
    expect(guest.status).toBe(401);
    expect((await errorOf(guest)).code).toBe('unauthenticated');
  });

  it('answers anything else 500 in the error shape, without its text', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = route({ label: 'test' }, () => {
      throw new Error('relation "secret_table" does not exist');
    });
    const res = await broken(get('/api/v1/broken'));
    expect(res.status).toBe(500);
    const error = await errorOf(res);
    expect(error.code).toBe('internal');
    expect(error.message).not.toContain('secret_table');
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});
