import { describe, expect, it } from 'vitest';
import { apiError, apiJson, SEND_AS_IS_BELOW_BYTES } from '@/lib/api/respond';

describe('apiJson', () => {
  it('sends a small answer as it is: JSON, its status and headers kept, no-transform added to its cache policy', async () => {
    const response = apiJson({ ok: true }, { status: 201, headers: { 'Cache-Control': 'private, no-store', ETag: '"3"' } });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('private, no-store, no-transform');
    expect(response.headers.get('etag')).toBe('"3"');
    expect(await response.json()).toEqual({ ok: true });
  });

  it('marks a small answer without a cache policy no-transform only', () => {
    expect(apiJson({ ok: true }).headers.get('cache-control')).toBe('no-transform');
    expect(apiError(404, 'not_found', 'No product has that id.').headers.get('cache-control')).toBe('no-transform');
  });

  it('leaves a large answer to be compressed', async () => {
    const items = Array.from({ length: 200 }, (_, i) => ({ id: `item-${i}`, name: 'A product with a longish name' }));
    expect(JSON.stringify(items).length).toBeGreaterThan(SEND_AS_IS_BELOW_BYTES);
    const response = apiJson(items, { headers: { 'Cache-Control': 'public, max-age=60' } });
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(await response.json()).toHaveLength(200);
  });

  it('counts bytes, not characters', () => {
    const justUnder = 'é'.repeat(SEND_AS_IS_BELOW_BYTES / 2 - 10); // two bytes each in UTF-8
    expect(apiJson({ text: justUnder }).headers.get('cache-control')).toBe('no-transform');
    expect(apiJson({ text: justUnder + 'é'.repeat(20) }).headers.get('cache-control')).toBeNull();
  });
});
