// GET /api/v1/products/{slug} – one product with its variants, images and availability
import { apiError, apiJson } from '@/lib/api/respond';
import { CATALOG_CACHE_CONTROL, getProductBySlug } from '@/lib/catalog/catalog';
import { productSlugSchema } from '@/lib/catalog/schemas';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const product = productSlugSchema.safeParse(slug).success ? await getProductBySlug(slug) : null;
  if (!product) return apiError(404, 'not_found', `No product has the slug "${slug}".`);
  return apiJson(product, { headers: { 'Cache-Control': CATALOG_CACHE_CONTROL } });
}
