import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import Negotiator from 'negotiator';

// Next compresses every response as it goes out, pages from its own cache included: gzipping a 59 KB category page
// takes about 0.8 ms of CPU, more than everything else in serving it from the cache on this project's 2-core
// machines. This compresses each cached page once per version instead. The production server (prisma/tools/serve.ts)
// installs it in front of Next's request handler; every other response goes through the `compression` middleware.

export type Encoding = 'br' | 'gzip';

const ENCODERS: Record<Encoding, (raw: Buffer) => Buffer> = {
  // Once per page version, so the levels favour size: brotli 6 takes about 1.5 ms for a catalog page and is 13%
  // smaller than gzip (brotli 11 would block the server for 60 ms).
  br: (raw) => brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
  gzip: (raw) => gzipSync(raw, { level: 9 }),
};

type Entry = { raw: Buffer; encoded: Partial<Record<Encoding, Buffer>>; bytes: number };

export type PageCompressionOptions = {
  // Raw and compressed bytes kept in all; the pages served least recently go first.
  maxBytes?: number;
  // Smaller bodies go out as they are, as the compression middleware leaves them.
  minBytes?: number;
};

// The request headers Next varies a cached answer by: a page's HTML and its RSC payloads share one URL.
const VARIANT_HEADERS = ['rsc', 'next-router-prefetch', 'next-router-segment-prefetch'] as const;

function cacheKey(req: IncomingMessage, res: ServerResponse): string {
  return [req.url, String(res.getHeader('content-type')), ...VARIANT_HEADERS.map((h) => req.headers[h] ?? '')].join('\n');
}

// Only what Next answered from its page cache (it sets x-nextjs-cache), not encoded yet, and allowed to be.
function isCachedPage(res: ServerResponse): boolean {
  return (
    !res.headersSent &&
    res.statusCode === 200 &&
    typeof res.getHeader('x-nextjs-cache') === 'string' &&
    !res.getHeader('content-encoding') &&
    !/\bno-transform\b/i.test(String(res.getHeader('cache-control') ?? ''))
  );
}

function addVary(res: ServerResponse, header: string) {
  const current = String(res.getHeader('vary') ?? '');
  const listed = current.split(',').map((v) => v.trim().toLowerCase());
  if (listed.includes(header.toLowerCase()) || listed.includes('*')) return;
  res.setHeader('Vary', current ? `${current}, ${header}` : header);
}

function asBuffer(chunk: unknown, encoding: unknown): Buffer | null {
  if (typeof chunk === 'string') return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return null;
}

// Brotli where the client takes it, as the compression middleware chooses; undefined for a client that takes
// neither (@types/negotiator lacks the options argument).
function preferredEncoding(req: IncomingMessage): Encoding | undefined {
  const negotiator = new Negotiator(req) as unknown as { encoding(available: string[], opts: { preferred: string[] }): string | undefined };
  const encoding = negotiator.encoding(['br', 'gzip', 'identity'], { preferred: ['br', 'gzip'] });
  return encoding === 'br' || encoding === 'gzip' ? encoding : undefined;
}

type End = (...args: unknown[]) => ServerResponse;
type Write = (...args: unknown[]) => boolean;

export function createPageCompression({ maxBytes = 32 * 1024 * 1024, minBytes = 1024 }: PageCompressionOptions = {}) {
  const pages = new Map<string, Entry>();
  const stats = { compressions: 0, bytes: 0 };

  function drop(key: string, entry: Entry) {
    pages.delete(key);
    stats.bytes -= entry.bytes;
  }

  // This page's entry, moved to the recent end (a Map iterates in insertion order). A page whose bytes changed
  // (revalidated) starts a new entry, so a body made from an older version is never sent.
  function entryFor(key: string, raw: Buffer): Entry {
    const found = pages.get(key);
    if (found) drop(key, found);
    const entry = found?.raw.equals(raw) ? found : { raw: Buffer.from(raw), encoded: {}, bytes: raw.length };
    pages.set(key, entry);
    stats.bytes += entry.bytes;
    return entry;
  }

  function evict() {
    for (const [key, entry] of pages) {
      if (stats.bytes <= maxBytes || pages.size === 1) return;
      drop(key, entry);
    }
  }

  function encodedBody(key: string, raw: Buffer, encoding: Encoding): Buffer {
    const entry = entryFor(key, raw);
    let body = entry.encoded[encoding];
    if (!body) {
      body = ENCODERS[encoding](entry.raw);
      entry.encoded[encoding] = body;
      entry.bytes += body.length;
      stats.bytes += body.length;
      stats.compressions++;
      evict();
    }
    return body;
  }

  // Wraps this response's write and end: a cached page ended in one piece goes out compressed from the store.
  // Install it after the compression middleware (so the app calls this wrapper first) and before the app's handler.
  // Only such a page pays for the negotiation and the copy of its body; every other response is passed straight on.
  function install(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') return;
    const end = res.end as End;
    const write = res.write as Write;
    let streamed = false;
    res.write = ((...args: unknown[]) => {
      streamed = true;
      return write.apply(res, args);
    }) as ServerResponse['write'];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      const encoding = !streamed && isCachedPage(res) ? preferredEncoding(req) : undefined;
      const raw = encoding ? asBuffer(chunk, rest[0]) : null;
      if (!encoding || !raw || raw.length < minBytes) return end.call(res, chunk, ...rest);
      const body = encodedBody(cacheKey(req, res), raw, encoding);
      res.setHeader('Content-Encoding', encoding);
      res.setHeader('Content-Length', body.length);
      addVary(res, 'Accept-Encoding');
      return end.call(res, body, ...rest.filter((a) => typeof a === 'function'));
    }) as ServerResponse['end'];
  }

  return { install, stats };
}
