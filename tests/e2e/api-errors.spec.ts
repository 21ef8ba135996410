import { expect, test } from '@playwright/test';

// The API's edges over real HTTP on the production build: unknown paths, oversized bodies, control characters,
// writes from another site. Every refusal is JSON in the error shape, never Next's HTML page or a 500.

type ErrorBody = { error: { code: string; message: string } };

test('an unknown /api/v1 path answers a JSON 404 in the error shape, for any method', async ({ request }) => {
  for (const [method, path] of [
    ['GET', '/api/v1/nope'],
    ['POST', '/api/v1/nope'],
    ['DELETE', '/api/v1/cart/nope/deeper'],
  ] as const) {
    const res = await request.fetch(path, { method });
    expect(res.status(), `${method} ${path}`).toBe(404);
    expect(res.headers()['content-type']).toContain('application/json');
    expect(((await res.json()) as ErrorBody).error.code).toBe('not_found');
  }
  // Real routes are not swallowed by the catch-all.
  expect((await request.get('/api/v1/products?pageSize=1')).status()).toBe(200);
  expect((await request.get('/api/v1/openapi.json')).status()).toBe(200);
});

test('a JSON body over 64 KiB gets 413 before it is parsed; one under it is read', async ({ request }) => {
  const big = await request.post('/api/v1/cart/lines', { data: { variantId: 'var_x', quantity: 1, note: 'x'.repeat(65 * 1024) } });
  expect(big.status()).toBe(413);
  expect(((await big.json()) as ErrorBody).error.code).toBe('payload_too_large');
  const small = await request.post('/api/v1/cart/lines', { data: { variantId: 'var_x', quantity: 1, note: 'x'.repeat(1024) } });
  expect(small.status()).toBe(404);
  expect(((await small.json()) as ErrorBody).error.code).toBe('variant_not_found');
});

test('a NUL byte in a search, colour or size is a 400, not a 500', async ({ request }) => {
  for (const query of ['q=%00', 'color=%00', 'size=%00']) {
    const res = await request.get(`/api/v1/products?${query}`);
    expect(res.status(), query).toBe(400);
    expect(((await res.json()) as ErrorBody).error.code).toBe('bad_request');
  }
});

test('choosing a store from another site is refused', async ({ request }) => {
  const res = await request.put('/api/v1/stores/mine', { data: { storeId: null }, headers: { origin: 'https://evil.example' } });
  expect(res.status()).toBe(403);
  expect(res.headers()['set-cookie']).toBeUndefined();
});
