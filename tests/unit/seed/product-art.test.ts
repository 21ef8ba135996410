import { describe, expect, it } from 'vitest';
import { GET } from '@/app/media/product/[kind]/[color]/[file]/route';
import { buildProductArt, productArtKinds, productArtUrl } from '@/lib/catalog/product-art';
import { buildCatalog } from '@/prisma/seed/catalog';

describe('product art', () => {
  it('draws every kind in every view as a small, well-formed SVG in the given colour', () => {
    for (const kind of productArtKinds) {
      for (const view of [1, 2, 3] as const) {
        const svg = buildProductArt(kind, '1f3a5f', view);
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
        expect(svg.endsWith('</svg>')).toBe(true);
        expect(svg).toContain('fill="#1f3a5f"');
        expect(svg).toMatch(/<path d="M[\d .,A-Za-z-]+"/);
        expect(svg.length).toBeLessThan(2048);
        expect(svg.match(/<(\w+)/g)?.length).toBe(svg.match(/<\/\w+>|\/>/g)?.length);
      }
    }
  });

  it('is deterministic and refuses a bad colour', () => {
    expect(buildProductArt('mug', '#B5532B', 2)).toBe(buildProductArt('mug', 'b5532b', 2));
    expect(() => buildProductArt('mug', 'red', 1)).toThrow();
  });

  it('only uses kinds the route can draw', () => {
    const urls = buildCatalog({ now: new Date('2026-06-01T12:00:00Z') }).images.map((i) => i.url);
    for (const url of urls) expect(productArtKinds.some((k) => url.startsWith(`/media/product/${k}/`))).toBe(true);
    expect(productArtUrl('boot', '#5A3B28', 3)).toBe('/media/product/boot/5a3b28/3.svg');
  });
});

describe('GET /media/product/{kind}/{hex}/{view}.svg', () => {
  const call = (kind: string, color: string, file: string) =>
    GET(new Request(`http://localhost/media/product/${kind}/${color}/${file}`), { params: Promise.resolve({ kind, color, file }) });

  it('serves an immutable SVG', async () => {
    const response = await call('jacket', '1f3a5f', '1.svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe(buildProductArt('jacket', '1f3a5f', 1));
  });

  it('answers 404 for an unknown kind, colour or view', async () => {
    expect((await call('spaceship', '1f3a5f', '1.svg')).status).toBe(404);
    expect((await call('jacket', 'zzzzzz', '1.svg')).status).toBe(404);
    expect((await call('jacket', '1f3a5f', '9.svg')).status).toBe(404);
    expect((await call('jacket', '1f3a5f', '1.png')).status).toBe(404);
  });
});
