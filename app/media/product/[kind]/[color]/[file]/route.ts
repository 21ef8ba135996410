// GET /media/product/{kind}/{hex}/{view}.svg – a product illustration drawn from the path alone
import { buildProductArt, isProductArtKind, type ProductArtView } from '@/lib/catalog/product-art';

export async function GET(_request: Request, { params }: { params: Promise<{ kind: string; color: string; file: string }> }) {
  const { kind, color, file } = await params;
  const view = /^([1-3])\.svg$/.exec(file)?.[1];
  if (!isProductArtKind(kind) || !/^[0-9a-f]{6}$/i.test(color) || !view) {
    return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  }
  return new Response(buildProductArt(kind, color, Number(view) as ProductArtView), {
    headers: {
      'Content-Type': 'image/svg+xml',
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
