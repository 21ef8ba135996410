import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, apiJson, errorResponse } from '@/lib/api/respond';
import { AuthorizationError, forbidden } from '@/lib/auth/errors';
import { CartError } from '@/lib/cart/errors';
import { TotalsError } from '@/lib/checkout/totals';
import { AppError } from '@/lib/errors';
import { OutOfStockError } from '@/lib/inventory/errors';
import { CancelRefusedError } from '@/lib/orders/cancel';
import { OrderError } from '@/lib/orders/errors';
import { TransitionError } from '@/lib/orders/state';

afterEach(() => vi.restoreAllMocks());

describe('apiJson', () => {
  it('answers JSON with its status and headers, leaving compression to the server or the proxy', async () => {
    const response = apiJson({ ok: true }, { status: 201, headers: { 'Cache-Control': 'private, no-store', ETag: '"3"' } });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('etag')).toBe('"3"');
    expect(await response.json()).toEqual({ ok: true });
    expect(apiJson({ ok: true }).headers.get('cache-control')).toBeNull();
  });

  it('never marks an answer no-transform', () => {
    const items = Array.from({ length: 200 }, (_, i) => ({ id: `item-${i}` }));
    for (const body of [{ ok: true }, items]) expect(apiJson(body).headers.get('cache-control') ?? '').not.toContain('no-transform');
  });
});

describe('errorResponse', () => {
  it('answers every domain error with its own status and code in the error shape', async () => {
    const cases: [AppError, number, string][] = [
      [new CartError('stale_cart', 'Your bag changed.'), 409, 'stale_cart'],
      [new OrderError('hold_expired', 'Too late.'), 409, 'hold_expired'],
      [new TotalsError('invalid_discount', 'No such code.'), 400, 'invalid_discount'],
      [new TransitionError('COMPLETED', 'CANCELLED'), 422, 'invalid_transition'],
      [new CancelRefusedError('Ready already.'), 422, 'not_cancellable'],
      [forbidden(), 403, 'forbidden'],
      [new AuthorizationError(401, 'unauthenticated', 'Sign in.'), 401, 'unauthenticated'],
    ];
    for (const [error, status, code] of cases) {
      expect(error).toBeInstanceOf(AppError);
      const response = errorResponse(error);
      expect(response.status, code).toBe(status);
      expect(await response.json()).toEqual({ error: { code, message: error.message } });
    }
  });

  it('keeps the details an error carries: out of stock names its store and short lines', async () => {
    const lines = [{ variantId: 'var_1', sku: 'TEE', name: 'Tee', requested: 2, available: 1 }];
    const body = (await errorResponse(new OutOfStockError('loc_1', lines)).json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({
      code: 'out_of_stock',
      locationId: 'loc_1',
      lines,
      issues: [{ path: 'var_1', message: 'Only 1 of Tee left here.' }],
    });
  });

  it('logs anything else and answers 500 without its text', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = errorResponse(new Error('connection string postgres://secret'), 'cart');
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('internal');
    expect(body.error.message).not.toContain('secret');
    expect(log).toHaveBeenCalledWith('[cart] request failed', expect.any(Error));
  });

  it('never lets details override the code or message', async () => {
    const body = (await apiError(404, 'not_found', 'Nope.', { code: 'other', message: 'x' }).json()) as {
      error: { code: string; message: string };
    };
    expect(body.error).toMatchObject({ code: 'not_found', message: 'Nope.' });
  });
});
