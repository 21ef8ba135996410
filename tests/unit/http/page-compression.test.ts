import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import { afterEach, describe, expect, it } from 'vitest';
import { createPageCompression, type PageCompressionOptions } from '@/lib/http/page-compression';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' };
const servers: Server[] = [];

// The production server's arrangement (prisma/tools/serve.ts): the compression middleware, this store, then the app.
async function serve(handler: Handler, options?: PageCompressionOptions) {
  const compress = compression() as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  const pages = createPageCompression(options);
  const server = createServer((req, res) => compress(req, res, () => (pages.install(req, res), handler(req, res))));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string, headers: Record<string, string> = BROWSER) => {
    const res = await fetch(base + path, { headers });
    return { encoding: res.headers.get('content-encoding'), vary: res.headers.get('vary'), body: await res.text() };
  };
  return { get, stats: pages.stats };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

// A page as Next sends one from its cache: headers set, then the whole body in one end().
const page = (id: string) => `<!doctype html><html><body>${`<p>Product card ${id}</p>`.repeat(300)}</body></html>`;
function cachedPage(body: () => string): Handler {
  return (_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Vary', 'rsc, next-router-state-tree');
    res.setHeader('x-nextjs-cache', 'HIT');
    res.setHeader('Content-Length', Buffer.byteLength(body()));
    res.end(body());
  };
}

describe('page compression', () => {
  it('compresses a cached page once and sends that body to every client taking the encoding', async () => {
    const { get, stats } = await serve(cachedPage(() => page('a')));
    for (let i = 0; i < 3; i++) {
      const res = await get('/c/jackets');
      expect(res.encoding).toBe('br');
      expect(res.body).toBe(page('a'));
      expect(res.vary).toBe('rsc, next-router-state-tree, Accept-Encoding');
    }
    expect(stats.compressions).toBe(1);
    const gzip = await get('/c/jackets', { 'accept-encoding': 'gzip' });
    expect([gzip.encoding, gzip.body]).toEqual(['gzip', page('a')]);
    expect(stats.compressions).toBe(2);
    const plain = await get('/c/jackets', { 'accept-encoding': 'identity' });
    expect([plain.encoding, plain.body]).toEqual([null, page('a')]);
  });

  it('sends the new version of a page once it changes, never the body made for the old one', async () => {
    let version = 'v1';
    const { get, stats } = await serve(cachedPage(() => page(version)));
    expect((await get('/c/jackets')).body).toBe(page('v1'));
    version = 'v2';
    expect((await get('/c/jackets')).body).toBe(page('v2'));
    expect((await get('/c/jackets')).body).toBe(page('v2'));
    expect(stats.compressions).toBe(2);
  });

  it('keeps pages apart by URL and by the RSC request headers', async () => {
    const { get } = await serve((req, res) => cachedPage(() => page(`${req.url} ${req.headers.rsc ?? 'html'}`))(req, res));
    expect((await get('/c/jackets')).body).toBe(page('/c/jackets html'));
    expect((await get('/c/shirts')).body).toBe(page('/c/shirts html'));
    expect((await get('/c/jackets', { ...BROWSER, rsc: '1' })).body).toBe(page('/c/jackets 1'));
  });

  it('leaves other responses to the compression middleware, compressed on the way out as before', async () => {
    const cases: Record<string, Handler> = {
      '/dynamic': (_req, res) => (res.setHeader('Content-Type', 'text/html'), res.end(page('dynamic'))),
      '/streamed': (_req, res) => {
        res.setHeader('Content-Type', 'text/html');
        res.setHeader('x-nextjs-cache', 'MISS');
        res.write(page('first half'));
        res.end(page('second half'));
      },
      '/not-found': (_req, res) => ((res.statusCode = 404), cachedPage(() => page('missing'))(_req, res)),
    };
    const { get, stats } = await serve((req, res) => cases[req.url!]!(req, res));
    expect(await get('/dynamic')).toMatchObject({ encoding: 'br', body: page('dynamic') });
    expect(await get('/streamed')).toMatchObject({ encoding: 'br', body: page('first half') + page('second half') });
    expect(await get('/not-found')).toMatchObject({ encoding: 'br', body: page('missing') });
    expect(stats.compressions).toBe(0);
  });

  it('sends a page marked no-transform, or a small one, as it is', async () => {
    const cases: Record<string, Handler> = {
      '/no-transform': (req, res) => (res.setHeader('Cache-Control', 'public, no-transform'), cachedPage(() => page('kept'))(req, res)),
      '/small': cachedPage(() => '<p>hi</p>'),
    };
    const { get, stats } = await serve((req, res) => cases[req.url!]!(req, res));
    expect(await get('/no-transform')).toMatchObject({ encoding: null, body: page('kept') });
    expect(await get('/small')).toMatchObject({ encoding: null, body: '<p>hi</p>' });
    expect(stats.compressions).toBe(0);
  });

  it('keeps within its byte budget by dropping the pages served least recently', async () => {
    const raw = Buffer.byteLength(page('/a'));
    const { get, stats } = await serve((req, res) => cachedPage(() => page(req.url!))(req, res), { maxBytes: 2 * raw });
    await get('/a');
    await get('/b'); // over budget with both: /a goes
    expect(stats.bytes).toBeLessThanOrEqual(2 * raw);
    await get('/b');
    expect(stats.compressions).toBe(2);
    expect((await get('/a')).body).toBe(page('/a'));
    expect(stats.compressions).toBe(3);
  });
});
