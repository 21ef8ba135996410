import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiGet, apiSend, OFFLINE_MESSAGE } from '@/lib/api/client';

// A tiny HTTP server answering as the API does, so the client is exercised over a real socket.
let server: Server;
let base = '';
const seen: { method: string; url: string; contentType: string | undefined; ifMatch: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        contentType: req.headers['content-type'],
        ifMatch: req.headers['if-match'],
        body,
      });
      const send = (status: number, payload?: unknown) => {
        res.writeHead(status, payload === undefined ? {} : { 'content-type': 'application/json' });
        res.end(payload === undefined ? undefined : JSON.stringify(payload));
      };
      if (req.url === '/ok') return send(200, { cart: { version: 3 } });
      if (req.url === '/empty') return send(204);
      if (req.url === '/stock')
        return send(409, {
          error: {
            code: 'out_of_stock',
            message: 'Not enough stock.',
            issues: [{ path: 'var_1', message: 'Only 1 left.' }],
            locationId: 'loc_1',
            lines: [{ variantId: 'var_1' }],
          },
        });
      if (req.url === '/html') {
        res.writeHead(502, { 'content-type': 'text/html' });
        return res.end('<h1>Bad gateway</h1>');
      }
      return send(404, { error: { code: 'not_found', message: 'Nothing here.' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('apiGet / apiSend', () => {
  it('returns the data of a success, and sends a JSON body with its headers', async () => {
    const got = await apiGet<{ cart: { version: number } }>(`${base}/ok`);
    expect(got).toMatchObject({ ok: true, status: 200, data: { cart: { version: 3 } } });
    const sent = await apiSend('PATCH', `${base}/ok`, { quantity: 2 }, { headers: { 'if-match': '"3"' } });
    expect(sent.ok).toBe(true);
    expect(seen.at(-1)).toMatchObject({ method: 'PATCH', contentType: 'application/json', ifMatch: '"3"', body: '{"quantity":2}' });
    expect((await apiSend('POST', `${base}/empty`)).ok).toBe(true);
    expect(seen.at(-1)).toMatchObject({ method: 'POST', contentType: undefined, body: '' });
  });

  it('turns the error shape into a typed failure with its details', async () => {
    const result = await apiSend('POST', `${base}/stock`, {});
    expect(result).toEqual({
      ok: false,
      status: 409,
      code: 'out_of_stock',
      message: 'Not enough stock.',
      issues: [{ path: 'var_1', message: 'Only 1 left.' }],
      details: { locationId: 'loc_1', lines: [{ variantId: 'var_1' }] },
    });
  });

  it('falls back to the caller’s words when the answer is not the error shape', async () => {
    const result = await apiGet(`${base}/html`, { fallback: 'Stock could not be checked.' });
    expect(result).toMatchObject({ ok: false, status: 502, code: 'internal', message: 'Stock could not be checked.' });
  });

  it('says the shop could not be reached when nothing answers, and tells an abort apart', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await apiGet(`http://127.0.0.1:${port}/ok`)).toMatchObject({ ok: false, status: 0, code: 'network', message: OFFLINE_MESSAGE });
    const controller = new AbortController();
    controller.abort();
    expect(await apiGet(`${base}/ok`, { signal: controller.signal })).toMatchObject({ ok: false, status: 0, code: 'aborted' });
    log.mockRestore();
  });
});
